import Foundation
import XCTest
@testable import LUTNet

/// `mpirun -np N lutnet train --mpi` end to end on this machine's loopback: the saved model is the
/// single-process one byte for byte, and a rank that cannot read its data stops every rank.
/// Needs Open MPI's `mpirun` and the MPI build of `lutnet` (the suite built with `--traits MPI`, a
/// `swift build --traits MPI --scratch-path .build-mpi --product lutnet`, or the path in
/// LUTNET_MPI_LUTNET); skips and says so without them.
final class MPITrainingTests: XCTestCase {
    typealias Outcome = CommandLineTests.Outcome

    /// The MPI build of `lutnet`, or a skip that says how to build it: the suite's own when it was
    /// built with the MPI trait (`swift test --traits MPI`, the README's test command), else
    /// LUTNET_MPI_LUTNET or a build in `.build-mpi`.
    func mpiLUTNet() throws -> String {
        #if MPI
        return try Fixtures.builtProduct("lutnet")
        #else
        if let path = ProcessInfo.processInfo.environment["LUTNET_MPI_LUTNET"] {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw XCTSkip("LUTNET_MPI_LUTNET=\(path) is not an executable")
            }
            return path
        }
        for configuration in ["debug", "release"] {
            let path = Fixtures.packageRoot.appendingPathComponent(".build-mpi/\(configuration)/lutnet").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw XCTSkip("the suite was built without MPI: run 'swift test --traits MPI' (needs libopenmpi-dev), or build "
                      + "'swift build --traits MPI --scratch-path .build-mpi --product lutnet'")
        #endif
    }

    /// Open MPI's `mpirun` on PATH, or a skip.
    func mpirun() throws -> String {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        guard let folder = folders.first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/mpirun") }) else {
            throw XCTSkip("mpirun is not on PATH: install Open MPI (Debian: openmpi-bin)")
        }
        return "\(folder)/mpirun"
    }

    /// Runs `lutnet train --mpi arguments` as `ranks` processes.
    func run(ranks: Int, _ arguments: [String]) throws -> Outcome {
        try run(apps: [(ranks, arguments)])
    }

    /// Runs one MPI job of `apps`: for each, `ranks` processes of `lutnet train --mpi arguments`
    /// (ranks numbered in order), with `environment` set on every rank. A job still running after
    /// `limit` seconds is ended (mpirun gets SIGTERM), so a job that hangs fails the test.
    func run(apps: [(ranks: Int, arguments: [String])], environment: [String: String] = [:], limit: Double = 120) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try mpirun())
        let lutnet = try mpiLUTNet()
        // Loopback only; as root mpirun wants to be told that is intended.
        // --quiet: without mpirun's own notices, which it may write in the middle of a rank's message.
        var arguments = ["--quiet", "--oversubscribe", "--allow-run-as-root"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-x", "\(name)=\(value)"] }
        for (index, app) in apps.enumerated() {
            if index > 0 { arguments.append(":") }
            arguments += ["-np", String(app.ranks), lutnet, "train", "--mpi"] + app.arguments
        }
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        defer { watchdog.cancel() }
        // Both pipes are drained at once so that neither fills up and stalls the job.
        let err = PerRank<Data>(count: 1)
        let errorReader = Thread { err.set(0, errors.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while err.values[0] == nil { Thread.sleep(forTimeInterval: 0.01) }
        return Outcome(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                       errors: String(decoding: err.values[0] ?? Data(), as: UTF8.self))
    }

    /// The bytes `lutnet train --save` writes for these options (the same library, in this process).
    func singleProcessModel(data: String, task: String, shape: NetworkShape, seed: UInt64, randomLabels: Bool = false) throws -> [UInt8] {
        let dataset = try DatasetLoader.load(path: data)
        let task = try BinaryTask(parsing: task)
        var train = try BinarizedExamples(images: dataset.train, task: task, threshold: 128, split: dataset.train.source)
        if randomLabels { train = train.withRandomLabels(seed: seed) }
        let trained = try LUTNetwork.train(on: train, options: TrainingOptions(shape: shape, seed: seed))
        return ModelFile.encode(trained.network)
    }

    /// Trains with 1, 2 and 3 ranks and checks each saved model against `expected`.
    func assertRanksSave(_ expected: [UInt8], data: String, options: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        for ranks in [1, 2, 3] {
            let model = folder.appendingPathComponent("np\(ranks).lut").path
            let outcome = try run(ranks: ranks, ["--data", data, "--save", model] + options)
            XCTAssertEqual(outcome.status, 0, "\(ranks) ranks: \(outcome.errors)", file: file, line: line)
            XCTAssertTrue(outcome.output.contains("\(ranks) ranks, 32-bit counters"), outcome.output, file: file, line: line)
            let saved = try [UInt8](Data(contentsOf: URL(fileURLWithPath: model)))
            XCTAssertTrue(saved == expected, "\(ranks) ranks saved a model that differs from the single-process one",
                          file: file, line: line)
        }
    }

    func testRanksSaveTheSingleProcessModelOnUnevenShards() throws {
        _ = try mpirun()
        _ = try mpiLUTNet()
        // 401 training and 101 test examples: no number of ranks above one divides them evenly.
        let data = try Fixtures.temporaryFolder(for: self).appendingPathComponent("data")
        try TinyIDXDataset.write(to: data, trainCount: 401, testCount: 101)
        let shape = try NetworkShape(k: 6, layers: "3x200")
        let expected = try singleProcessModel(data: data.path, task: "0-4:5-9", shape: shape, seed: 3)
        try assertRanksSave(expected, data: data.path, options: ["--k", "6", "--layers", "3x200", "--seed", "3"])
        let random = try singleProcessModel(data: data.path, task: "0-4:5-9", shape: shape, seed: 3, randomLabels: true)
        try assertRanksSave(random, data: data.path, options: ["--k", "6", "--layers", "3x200", "--seed", "3", "--random-labels"])
    }

    func testRanksSaveTheSingleProcessModelOnMNIST() throws {
        _ = try mpirun()
        _ = try mpiLUTNet()
        let mnist = try Fixtures.shared("mnist")
        let expected = try singleProcessModel(data: mnist, task: "0-4:5-9", shape: try NetworkShape(k: 8, layers: "5x1024"), seed: 0)
        try assertRanksSave(expected, data: mnist, options: ["--task", "0-4:5-9", "--k", "8", "--layers", "5x1024"])
    }

    func testARankThatCannotReadItsShardStopsEveryRank() throws {
        _ = try mpirun()
        _ = try mpiLUTNet()
        // The training images end early: the first rank's rows are there, the second rank's are not.
        // Gzip-compressed, so that the file's size does not give the truncation away to every rank.
        let data = try Fixtures.temporaryFolder(for: self).appendingPathComponent("data")
        try TinyIDXDataset.write(to: data, trainCount: 400, testCount: 10)
        let plain = data.appendingPathComponent("train-images-idx3-ubyte")
        let images = data.appendingPathComponent("train-images-idx3-ubyte.gz")
        let bytes = try Data(contentsOf: plain)
        try TinyIDXDataset.gzip(bytes.prefix(bytes.count * 3 / 4)).write(to: images)
        try FileManager.default.removeItem(at: plain)
        let outcome = try run(ranks: 2, ["--data", data.path, "--k", "4", "--layers", "1x8"])
        XCTAssertEqual(outcome.status, 1, outcome.errors)
        XCTAssertTrue(outcome.errors.contains("rank 1: \(images.path): IDX data is truncated"), outcome.errors)
        XCTAssertFalse(outcome.errors.contains("rank 0:"), outcome.errors)
    }

    func testRanksStartedWithDifferentOptionsStopNamingWhatDiffers() throws {
        _ = try mpirun()
        _ = try mpiLUTNet()
        let data = ["--data", Fixtures.path("tiny")]
        // Rank 0 trains k = 4, 2x64 on 0-4:5-9 (the defaults elsewhere); rank 1 differs in one option.
        let cases: [(options: [String], message: String)] = [
            (["--layers", "2x65"], "rank 1: --layers is 2x65 here but 2x64 on rank 0"),
            (["--layers", "2x64", "--random-labels"], "rank 1: --random-labels is on here but off on rank 0"),
            (["--layers", "2x64", "--seed", "3"], "rank 1: --seed is 3 here but 0 on rank 0"),
            (["--layers", "2x64", "--threshold", "100"], "rank 1: --threshold is 100 here but 128 on rank 0"),
            (["--layers", "2x64", "--task", "0:1"], "rank 1: --task is 0:1 here but 0-4:5-9 on rank 0"),
            (["--layers", "2x64", "--wiring", "local:5"], "rank 1: --wiring is local:5 here but random on rank 0"),
            (["--layers", "2x64", "--task", "0:1:2"], "rank 1: invalid --mpi: it trains binary tasks"),
        ]
        for differing in cases {
            let outcome = try run(apps: [(1, data + ["--k", "4", "--layers", "2x64"]), (1, data + ["--k", "4"] + differing.options)],
                                  limit: 60)
            XCTAssertEqual(outcome.status, 1, "\(differing.options): \(outcome.errors)")
            XCTAssertTrue(outcome.errors.contains("Error: " + differing.message), "\(differing.options): \(outcome.errors)")
            XCTAssertFalse(outcome.errors.contains("rank 0:"), outcome.errors)
            XCTAssertFalse(outcome.output.contains("train accuracy"), outcome.output)
        }
    }

    func testAStoppedRankEndsTheJobWithinTheTimeout() throws {
        _ = try mpirun()
        _ = try mpiLUTNet()
        // Rank 1 stops itself (SIGSTOP) once MPI is up; rank 0 waits for it at the first exchange.
        // The model's path marks the job's processes, none of which may outlive it.
        let model = try Fixtures.temporaryFolder(for: self).appendingPathComponent("stopped.lut").path
        let start = ContinuousClock.now
        let outcome = try run(apps: [(2, ["--data", Fixtures.path("tiny"), "--k", "4", "--layers", "1x8", "--mpi-timeout", "2",
                                          "--save", model])],
                              environment: ["LUTNET_MPI_STOP_RANK": "1"], limit: 60)
        let seconds = (ContinuousClock.now - start).seconds
        XCTAssertNotEqual(outcome.status, 0, outcome.errors)
        XCTAssertLessThan(seconds, 30, "the job took \(seconds) s to end")
        XCTAssertTrue(outcome.errors.contains("rank 0: the other ranks did not all take part in exchange 1 (MPI_Allgather) within 2 s"),
                      outcome.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: model))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { entry in
            guard Int(entry) != nil, let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            return String(decoding: command, as: UTF8.self).contains(model)
        }
        XCTAssertEqual(leftovers, [], "processes of the job still run")
    }

    func testAnMPITimeoutIsANumberOfSeconds() throws {
        _ = try mpirun()
        _ = try mpiLUTNet()
        let negative = try run(ranks: 1, ["--data", Fixtures.path("tiny"), "--k", "4", "--layers", "1x8", "--mpi-timeout=-1"])
        XCTAssertEqual(negative.status, 1, negative.errors)
        XCTAssertTrue(negative.errors.contains("invalid --mpi-timeout: -1.0 is not a number of seconds"), negative.errors)
    }

    func testDataParallelRunsRefuseMultiClassTasks() throws {
        _ = try mpirun()
        let outcome = try run(ranks: 2, ["--data", Fixtures.path("tiny"), "--task", "0:1:2"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.errors.contains("invalid --mpi: it trains binary tasks"), outcome.errors)
    }
}
