import Foundation

/// Berkeley ABC run on an exported BLIF: the And-Inverter Graph's size and depth after a script.
public enum ABCSynthesis {
    /// The script run after reading the BLIF: structural hashing, then DAG-aware rewriting.
    public static let standardScript = "strash; dc2"

    /// What ABC's `print_stats` reported.
    public struct Result: Sendable, Equatable {
        /// The script that ran between `read` and `print_stats`.
        public let script: String
        /// Two-input AND nodes of the AIG.
        public let andCount: Int
        /// AIG levels (the depth).
        public let levels: Int
    }

    /// Finds the ABC program on PATH: `berkeley-abc`, as Debian names it, or `abc`.
    ///
    /// - Returns: The program's path, or nil when neither is on PATH.
    public static func program() -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["berkeley-abc", "abc"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Runs ABC on a circuit and reads the size and depth of the And-Inverter Graph it makes.
    ///
    /// - Parameters:
    ///   - program: The ABC program, e.g. from ``program()``.
    ///   - blif: The text of a BLIF file, e.g. ``BLIFExport/text(_:name:)``'s.
    ///   - script: The ABC commands run between reading the BLIF and `print_stats`.
    /// - Returns: The script, the AND count and the levels ABC reported.
    /// - Throws: ``ExportError/toolFailed(tool:reason:)`` when ABC cannot be run, exits with an error
    ///   or prints no AND count.
    public static func run(_ program: String, blif: String, script: String = standardScript) throws(ExportError) -> Result {
        try run(program, blif: blif, script: script, aiger: nil)
    }

    /// Runs `program` on `blif` with `script`, writes the resulting And-Inverter Graph to `path` as
    /// binary AIGER (ABC's `write_aiger`) and returns its AND count and depth.
    public static func writeAIGER(_ program: String, blif: String, script: String = standardScript,
                                  to path: String) throws(ExportError) -> Result {
        try run(program, blif: blif, script: script, aiger: URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    private static func run(_ program: String, blif: String, script: String, aiger: String?) throws(ExportError) -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lutnet-abc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output: String
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let input = folder.appendingPathComponent("circuit.blif")
            try Data(blif.utf8).write(to: input)
            let write = aiger.map { "; write_aiger \($0)" } ?? ""
            output = try runProcess(program, ["-c", "read \(input.path); \(script)\(write); print_stats"], in: folder)
        } catch let error as ExportError {
            throw error
        } catch {
            throw .toolFailed(tool: program, reason: "\(error)")
        }
        let plain = output.replacingOccurrences(of: "\u{1b}\\[[0-9;]*m", with: "", options: .regularExpression)
        func number(after key: String) -> Int? {
            guard let range = plain.range(of: key + "\\s*=\\s*[0-9]+", options: .regularExpression) else { return nil }
            return Int(plain[range].split(separator: "=").last?.trimmingCharacters(in: .whitespaces) ?? "")
        }
        guard let ands = number(after: "and"), let levels = number(after: "lev") else {
            throw .toolFailed(tool: program, reason: "no AND count in its output:\n\(output)")
        }
        return Result(script: script, andCount: ands, levels: levels)
    }

    /// Runs a program in `folder` and returns its standard output and error; a non-zero exit throws.
    static func runProcess(_ program: String, _ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let log = folder.appendingPathComponent("log.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw ExportError.toolFailed(tool: program, reason: "exit status \(process.terminationStatus):\n\(text)")
        }
        return text
    }
}
