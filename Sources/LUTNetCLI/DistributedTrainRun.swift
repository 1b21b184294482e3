import ArgumentParser
import Foundation
import LUTNet
#if MPI
import LUTNetMPI
#endif

/// `lutnet train --mpi`: one rank of a data-parallel run under `mpirun`. Each rank reads its shard
/// of the data, the ranks sum their counters per layer, rank 0 prints the report (with each layer's
/// time split into counting, summing and evaluating) and writes `--save`.
struct DistributedTrainRun {
    let dataOptions: DataOptions
    let networkOptions: NetworkOptions
    let randomLabels: Bool
    let save: String?
    let json: Bool
    /// `--mpi-timeout`: the longest a rank waits at one exchange (nil: the default, 0: forever).
    let timeoutSeconds: Double?

    /// The command the MPI build of `lutnet` comes from.
    static let buildCommand = "swift build -c release --traits MPI --scratch-path .build-mpi --product lutnet"
    /// Seconds a rank waits at one exchange by default: longer than a rank takes to read its shard
    /// or count a layer on MNIST-sized data many times over, short enough that a job whose rank
    /// stopped ends the same hour.
    static let defaultTimeoutSeconds = 600.0
    /// Environment variable naming a rank that stops itself (SIGSTOP) once MPI is up, as a rank
    /// whose machine hangs would: how the tests check that `--mpi-timeout` ends such a job.
    static let stopRankVariable = "LUTNET_MPI_STOP_RANK"

    /// The validated `--mpi-timeout`: nil to wait forever.
    func timeout() throws -> Duration? {
        let seconds = timeoutSeconds ?? Self.defaultTimeoutSeconds
        guard seconds.isFinite, seconds >= 0, seconds <= 1e9 else {
            throw ConfigurationError.invalidValue(option: "--mpi-timeout", reason: "\(seconds) is not a number of seconds from 0 (wait forever) to 1e9")
        }
        return seconds == 0 ? nil : .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    func run() throws {
        #if MPI
        let shape = try networkOptions.shape()
        let threshold = try dataOptions.binarizationThreshold()
        let threads = try networkOptions.threadCount()
        let timeout = try timeout()
        try networkOptions.checkBinary()
        if try !networkOptions.readsThresholdBitsOnly() {
            throw ConfigurationError.invalidValue(option: "--input-bits", reason: "data-parallel training reads the bytes at the threshold; train without --mpi")
        }
        let mpi = try MPICommunicator(timeout: timeout)
        if ProcessInfo.processInfo.environment[Self.stopRankVariable] == String(mpi.rank) { raise(SIGSTOP) }
        do {
            let printed = try train(mpi, shape: shape, threshold: threshold, threads: threads)
            mpi.finalize()
            if let printed { print(printed, terminator: "") }
        } catch DistributedError.communication(let call, let message) {
            // A rank whose MPI call failed cannot count on the others reaching the next call.
            Console.progress("rank \(mpi.rank): \(call) failed: \(message)")
            mpi.abort(code: 1)
        } catch {
            mpi.finalize()
            // Every rank has the same error: rank 0 says it.
            if mpi.rank != 0 { throw ExitCode.failure }
            throw error
        }
        #else
        throw ConfigurationError.invalidValue(option: "--mpi", reason: "this lutnet was built without MPI; build it with "
                                              + "'\(Self.buildCommand)' (needs Open MPI: libopenmpi-dev)")
        #endif
    }

    #if MPI
    /// Trains this rank's shard; returns what rank 0 prints (nil on the other ranks).
    private func train(_ mpi: MPICommunicator, shape: NetworkShape, threshold: UInt8, threads: Int) throws -> String? {
        let rank = mpi.rank, ranks = mpi.rankCount
        let isReporter = rank == 0
        let shard = try mpi.agree { () throws -> DatasetShard in
            if isReporter, let save { try ModelFile.checkWritable(save) }
            return try DatasetShard.load(path: dataOptions.data, test: dataOptions.test, shard: rank, of: ranks)
        }
        let classCounts = try shard.classCounts(communicator: mpi)
        // A rank given an impossible --task stops every rank (a different possible one is named by
        // the setup the trainer compares).
        let task = try mpi.agree { () throws -> BinaryTask in try binaryTask(classCounts: classCounts) }
        let seed = networkOptions.seed
        if isReporter {
            Console.progress("training \(shape) on \(ranks) ranks, task \(task), seed \(seed)")
        }
        let trainer = DataParallelTrainer(options: try networkOptions.trainingOptions(threads: threads), randomLabels: randomLabels)
        let trained = try trainer.train(shard: shard, task: task, threshold: threshold, communicator: mpi) { layer, timing in
            guard isReporter else { return }
            Console.progress(String(format: "layer %d done in %.3f s (count %.3f s, wait %.3f s, sum %.3f s, evaluate %.3f s)",
                                    layer.index + 1, layer.seconds, timing.counting, timing.waiting, timing.reduction,
                                    timing.evaluation))
        }
        guard isReporter else { return nil }
        if let save {
            try ModelFile.save(trained.network, to: save)
            Console.progress("saved \(save)")
        }
        let result = TrainResult(data: shard.location, task: task.description, shape: shape,
                                 seed: seed, randomLabels: randomLabels, trainExamples: trained.trainExamples,
                                 testExamples: trained.testExamples, report: trained.report,
                                 testAccuracyAgainstRandomLabels: trained.testAccuracyAgainstRandomLabels,
                                 ranks: ranks, counterBits: trained.counterBits, layerTimings: trained.timings)
        return json ? try Console.jsonText(result) : result.tableText()
    }
    #endif

    /// The task of `--task` (or the default one) for training data with `classCounts` examples per
    /// class; data-parallel runs train binary tasks only.
    func binaryTask(classCounts: [Int]) throws -> BinaryTask {
        guard let text = dataOptions.task else { return BinaryTask.defaultTask(classCount: classCounts.count) }
        let present = classCounts.enumerated().filter { $0.element > 0 }.map { UInt8($0.offset) }
        if text.trimmingCharacters(in: .whitespaces) == "all", present.count == 2 {
            return try BinaryTask(first: [present[0]], second: [present[1]])
        }
        guard text.trimmingCharacters(in: .whitespaces) != "all", text.split(separator: ":").count == 2 else {
            throw ConfigurationError.invalidValue(option: "--mpi", reason: "it trains binary tasks (two groups of classes); "
                                                  + "train '\(text)' without --mpi")
        }
        return try BinaryTask(parsing: text)
    }
}
