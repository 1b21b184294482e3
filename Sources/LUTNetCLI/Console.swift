import Foundation

/// Output conventions of the tool: progress to standard error, results to standard output.
enum Console {
    /// Writes a progress line to standard error.
    static func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints `value` as pretty, key-sorted JSON to standard output.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
