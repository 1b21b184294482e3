import Dispatch

/// Trains the runs of an experiment on one loaded dataset: skips the runs its log already has,
/// binarizes each task once, appends every finished run to the log, and reports progress.
public struct ExperimentRunner {
    /// The loaded dataset.
    public let dataset: Dataset
    /// Worker threads per network (LUTs are spread across them).
    public let threads: Int
    private var taskData: [String: TaskData] = [:]

    /// A runner over `dataset`.
    public init(dataset: Dataset, threads: Int = ParallelWork.defaultThreads) {
        self.dataset = dataset
        self.threads = max(1, threads)
    }

    /// Runs `experiment` into `folder`: its results files (see `RunLog`) and the files of its
    /// report. `progress` follows every run; `started` learns, before the first, how many runs are
    /// to train and how many the results already have. Returns the paths written.
    @discardableResult
    public mutating func perform(_ experiment: some Experiment, folder: String,
                                 progress: ((RunProgress) -> Void)? = nil,
                                 started: ((_ toTrain: Int, _ alreadyDone: Int) -> Void)? = nil) throws -> [String] {
        var log = try RunLog(folder: folder, name: experiment.name)
        let runs = experiment.runs
        let unique = Set(runs)
        let done = unique.filter { log.result(for: $0) != nil }.count
        started?(unique.count - done, done)
        let results = try execute(runs, log: &log, progress: progress)
        var written = [log.runsPath, log.layersPath]
        for file in experiment.report(results) {
            let path = folder.hasSuffix("/") ? folder + file.name : folder + "/" + file.name
            try ResultFiles.write(file.contents, to: path)
            written.append(path)
        }
        return written
    }

    /// The results of `runs`, in order: those `log` has, and the others trained now and appended.
    public mutating func execute(_ runs: [ExperimentRun], log: inout RunLog,
                                 progress: ((RunProgress) -> Void)? = nil) throws -> [RunResult] {
        var unique: [ExperimentRun] = []
        var seen = Set<ExperimentRun>()
        for run in runs where seen.insert(run).inserted { unique.append(run) }
        let pending = unique.filter { log.result(for: $0) == nil }
        var costs: [Double] = []
        for run in pending {
            let data = try examples(for: run)
            costs.append(RunCost.estimate(run, trainExamples: data.train.count, testExamples: data.test?.count ?? 0))
        }
        let start = DispatchTime.now()
        var doneCost = 0.0
        for (position, run) in pending.enumerated() {
            let stored = try log.append(try train(run))
            doneCost += costs[position]
            let elapsed = Self.seconds(since: start)
            let leftCost = costs[(position + 1)...].reduce(0, +)
            progress?(RunProgress(result: stored, position: position + 1, total: pending.count,
                                  skipped: unique.count - pending.count, elapsed: elapsed,
                                  remaining: doneCost > 0 ? elapsed / doneCost * leftCost : 0))
        }
        return try runs.map { run throws(ExperimentError) in
            guard let result = log.result(for: run) else {
                throw .unwritable(path: log.runsPath, reason: "the result of \(run) was not recorded")
            }
            return result
        }
    }

    /// Trains and evaluates one run.
    public mutating func train(_ run: ExperimentRun) throws -> RunResult {
        let data = try examples(for: run)
        var train = data.train
        if let size = run.trainSize {
            guard size <= train.count else {
                throw ConfigurationError.invalidValue(
                    option: "--sizes", reason: "\(size) training examples asked, but task \(run.task) has \(train.count) in \(dataset.train.source)")
            }
            train = train.subset(size: size, seed: run.seed)
        }
        var test = data.test
        if run.labels == .random {
            // As `lutnet train --random-labels --seed S` draws them.
            train = train.withRandomLabels(seed: run.seed)
            test = test?.withRandomLabels(seed: run.seed &+ 1)
        }
        let start = DispatchTime.now()
        let trainer = MemorizationTrainer(shape: run.shape, seed: run.seed, threads: threads)
        let (network, report) = trainer.train(on: train, test: test, task: run.task, threshold: run.threshold)
        var trueLabels = report.testAccuracy
        if run.labels == .random, let real = data.test { trueLabels = try network.accuracy(on: real, threads: threads) }
        return RunResult(run: run, trainExamples: train.count, testExamples: test?.count ?? 0,
                         trainAccuracy: report.trainAccuracy, testAccuracy: report.testAccuracy,
                         testAccuracyTrueLabels: trueLabels, seconds: Self.seconds(since: start), layers: report.layers)
    }

    /// The binarized examples of `run`'s task, binarized on first use.
    private mutating func examples(for run: ExperimentRun) throws(ConfigurationError) -> TaskData {
        let key = "\(run.task) \(run.threshold)"
        if let cached = taskData[key] { return cached }
        let data = try TaskData(dataset: dataset, task: run.task, threshold: run.threshold)
        taskData[key] = data
        return data
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
