import Foundation
import XCTest

/// Programs outside the package that the C API tests use (compilers, valgrind), and running them.
enum ExternalTools {
    /// What a finished program wrote and how it ended.
    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
        /// Both streams, for failure messages.
        var transcript: String { "exit status \(status)\n--- stdout\n\(output)\n--- stderr\n\(errors)" }
    }

    /// The first of `names` found on PATH (an environment variable named `variable` wins).
    static func find(_ names: [String], variable: String? = nil) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let variable, let chosen = environment[variable], !chosen.isEmpty {
            return chosen.hasPrefix("/") ? chosen : find([chosen])
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }

    /// A C compiler (CC, cc, clang or gcc), or a skip saying there is none.
    static func cCompiler() throws -> String {
        guard let compiler = find(["cc", "clang", "gcc"], variable: "CC") else {
            throw XCTSkip("no C compiler (cc, clang or gcc) on PATH: the C examples cannot be built")
        }
        return compiler
    }

    /// A C++ compiler (CXX, c++, clang++ or g++), or a skip saying there is none.
    static func cxxCompiler() throws -> String {
        guard let compiler = find(["c++", "clang++", "g++"], variable: "CXX") else {
            throw XCTSkip("no C++ compiler (c++, clang++ or g++) on PATH: the header's C++ check cannot run")
        }
        return compiler
    }

    /// Runs `program` with `arguments` (and `environment` added to this process's) and waits for it.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lutnet-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Files rather than pipes, so that a chatty program never blocks on a full pipe.
        let outputURL = folder.appendingPathComponent("stdout"), errorsURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL), errors = try FileHandle(forWritingTo: errorsURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        return Outcome(status: process.terminationStatus,
                       output: try String(contentsOf: outputURL, encoding: .utf8),
                       errors: try String(contentsOf: errorsURL, encoding: .utf8))
    }
}

/// Where the build put liblutnetc.so and where its header lives.
enum CAPIPaths {
    /// The folder lutnet.h is in.
    static let includeFolder = Fixtures.packageRoot.appendingPathComponent("Sources/CLUTNetAPI/include").path

    /// The examples' sources.
    static let examplesFolder = Fixtures.packageRoot.appendingPathComponent("Examples/c").path

    /// The build folder holding liblutnetc.so: the test bundle's own folder (or one of its
    /// parents, for bundle layouts), since `swift test` builds every product there.
    static func libraryFolder() throws -> String {
        let start = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = start.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("liblutnetc.so").path) {
                return folder.path
            }
            folder = folder.deletingLastPathComponent()
        }
        XCTFail("liblutnetc.so is not beside the test bundle \(start.path) or its parents: `swift test` builds it")
        throw XCTSkip("liblutnetc.so was not found")
    }
}
