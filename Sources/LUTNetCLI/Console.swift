import Foundation

/// Output conventions of the tool: progress to standard error, results to standard output.
enum Console {
    /// Writes a progress line to standard error.
    static func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints `value` as pretty, key-sorted JSON to standard output.
    static func printJSON<T: Encodable>(_ value: T) throws {
        print(try jsonText(value), terminator: "")
    }

    /// `value` as pretty, key-sorted JSON, ending in a newline.
    static func jsonText<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
