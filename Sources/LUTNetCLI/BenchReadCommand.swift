import ArgumentParser
import Foundation
import LUTNet

/// `lutnet bench read`: how fast the IDX reader decodes gzipped files, next to `gzip -dc`.
struct BenchReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Time reading gzipped IDX files against `gzip -dc FILE... > /dev/null`.",
        discussion: """
            Both are timed by wall clock, best of --runs runs each, over the same files. Speeds are in \
            MB/s (10^6 bytes) of uncompressed data; the ratio is the reader's time over gzip's.
            """
    )

    @Option(name: .customLong("file"), help: ArgumentHelp(
        "An IDX file to read; repeat for several files, timed together.", valueName: "path"))
    var files: [String] = ["../shared/datasets/mnist/train-images-idx3-ubyte.gz"]

    @Option(help: "Number of timed runs of each; the best is reported.")
    var runs: Int = 5

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1, not \(runs)") }
        guard !files.isEmpty else { throw ValidationError("give at least one --file") }
    }

    func run() throws {
        var uncompressed = 0
        var compressed = 0
        for path in files {
            let tensor = try IDXTensor.read(path: path) // also warms the page cache
            uncompressed += 4 + 4 * tensor.shape.count + tensor.elementCount * tensor.elementType.size
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            compressed += (attributes?[.size] as? NSNumber)?.intValue ?? 0
            let shape = tensor.shape.map(String.init).joined(separator: "×")
            print("\(path): \(shape) \(tensor.elementType) elements")
        }
        print(String(format: "%d file(s): %.1f MB gzipped, %.1f MB uncompressed; best of %d runs",
                     files.count, Double(compressed) / 1e6, Double(uncompressed) / 1e6, runs))

        let reader = try best { () throws(IDXReadError) in
            for path in files { _ = try IDXTensor.read(path: path) }
        }
        let gzip = try best { try Self.gunzipToNull(files) }
        let megabytes = Double(uncompressed) / 1e6
        print(String(format: "lutnet IDX reader: %7.3f s  %7.1f MB/s", reader, megabytes / reader))
        print(String(format: "gzip -dc:          %7.3f s  %7.1f MB/s", gzip, megabytes / gzip))
        print(String(format: "ratio (reader time / gzip time): %.2f", reader / gzip))
    }

    /// The shortest wall-clock time of `runs` calls of `body`, in seconds.
    private func best<E: Error>(_ body: () throws(E) -> Void) throws(E) -> Double {
        var shortest = Double.infinity
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try body()
            shortest = min(shortest, (ContinuousClock.now - start).seconds)
        }
        return shortest
    }

    /// Runs `gzip -dc FILES > /dev/null` and waits for it.
    private static func gunzipToNull(_ files: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc"] + files
        guard let null = FileHandle(forWritingAtPath: "/dev/null") else {
            throw BenchError.cannotRun("gzip -dc", reason: "/dev/null cannot be opened")
        }
        defer { try? null.close() }
        process.standardOutput = null
        // waitUntilExit polls every 50 ms on Linux, too coarse to time with; the termination
        // handler fires as soon as the process ends.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw BenchError.cannotRun("gzip -dc", reason: "\(error)")
        }
        exited.wait()
        guard process.terminationStatus == 0 else {
            throw BenchError.cannotRun("gzip -dc \(files.joined(separator: " "))",
                                       reason: "exit status \(process.terminationStatus)")
        }
    }
}

/// Why a benchmark could not run.
enum BenchError: Error, CustomStringConvertible {
    /// An external command failed to start or finish.
    case cannotRun(String, reason: String)

    var description: String {
        switch self {
        case .cannotRun(let command, let reason): "\(command): \(reason)"
        }
    }
}
