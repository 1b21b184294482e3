import Dispatch
import Foundation
import LUTNetBaseline

/// Trains the runs of an experiment on loaded data: skips the runs its logs already have,
/// binarizes each task once, appends every finished run to the log, fits the experiment's
/// baselines, and reports progress.
package struct ExperimentRunner {
    /// Worker threads per network (LUTs are spread across them) and per baseline fit.
    package let threads: Int
    /// The data by name; runs whose name is not here use `fallback`.
    private let named: [String: ExperimentData]
    private let fallback: ExperimentData?
    private var taskData: [String: TaskData] = [:]
    private var multiClassData: [String: MultiClassTaskData] = [:]
    /// The baseline features of the last task fitted, kept while consecutive fits (several C)
    /// share them: one task's matrices at a time, as they can be large (CIFAR-10: 600 MB).
    private var baselineFeatures: (key: String, train: BaselineExamples, valid: BaselineExamples?,
                                   test: BaselineExamples?, seconds: Double)?
    /// How many times baseline feature matrices were built (once per task, whatever the C values).
    private(set) var baselineFeatureBuilds = 0

    /// A runner over one dataset: every run trains on it, whatever data name the run gives.
    package init(dataset: Dataset, threads: Int = ParallelWork.defaultThreads) {
        self.threads = max(1, threads)
        named = [:]
        // A dataset without a validation split always makes valid data.
        fallback = try? ExperimentData(name: dataset.location, dataset: dataset)
    }

    /// A runner over several datasets: each run trains on the one named by its `data`.
    package init(data: [ExperimentData], threads: Int = ParallelWork.defaultThreads) {
        self.threads = max(1, threads)
        named = Dictionary(data.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        fallback = nil
    }

    /// The identities of the runner's data, by the names runs give.
    package var identities: DataIdentities {
        DataIdentities(named: named.mapValues(\.identity), fallback: fallback?.identity)
    }

    /// Runs `experiment` into `folder`: its results files (see `RunLog`, and `BaselineLog` when it
    /// fits baselines) and the files of its report. Results of other data under the same name
    /// stop it (`ExperimentError.dataMismatch`) unless `fresh`, which first discards the
    /// experiment's results files in `folder`. `progress` follows every network,
    /// `baselineProgress` every baseline fit; `started` learns, before the first network, how
    /// many are to train and how many the results already have. Returns the paths written.
    ///
    /// The folder's lock (`ResultFolderLock`) is held from the start to the last file written: an
    /// experiment already writing into `folder` stops this one before it reads or writes anything
    /// there (`ExperimentError.folderInUse`).
    @discardableResult
    package mutating func perform(_ experiment: some Experiment, folder: String, fresh: Bool = false,
                                 progress: ((RunProgress) -> Void)? = nil,
                                 started: ((_ toTrain: Int, _ alreadyDone: Int) -> Void)? = nil,
                                 baselineProgress: ((BaselineResult) -> Void)? = nil) throws -> [String] {
        let lock = try ResultFolderLock(folder: folder)
        defer { lock.release() }
        if fresh {
            for suffix in [".csv", "-layers.csv", "-baseline.csv"] {
                try ResultFiles.remove((folder as NSString).appendingPathComponent(experiment.name + suffix))
            }
        }
        var log = try RunLog(folder: folder, name: experiment.name, validation: experiment.recordsValidation,
                             windows: experiment.recordsWindows, data: identities)
        let runs = experiment.runs
        let unique = Set(runs)
        let done = unique.filter { log.result(for: $0) != nil }.count
        started?(unique.count - done, done)
        let results = try execute(runs, log: &log, progress: progress)
        var written = [log.runsPath, log.layersPath]
        var baselines: [BaselineResult] = []
        if !experiment.baselineRuns.isEmpty {
            var baselineLog = try BaselineLog(folder: folder, name: experiment.name, data: identities)
            baselines = try fit(experiment.baselineRuns, log: &baselineLog, progress: baselineProgress)
            written.append(baselineLog.path)
        }
        for file in experiment.report(results, baselines: baselines) {
            let path = folder.hasSuffix("/") ? folder + file.name : folder + "/" + file.name
            try ResultFiles.write(file.contents, to: path)
            written.append(path)
        }
        return written
    }

    /// The results of `runs`, in order: those `log` has, and the others trained now and appended.
    package mutating func execute(_ runs: [ExperimentRun], log: inout RunLog,
                                 progress: ((RunProgress) -> Void)? = nil) throws -> [RunResult] {
        var unique: [ExperimentRun] = []
        var seen = Set<ExperimentRun>()
        for run in runs where seen.insert(run).inserted { unique.append(run) }
        let pending = unique.filter { log.result(for: $0) == nil }
        var costs: [Double] = []
        // Every pending run is checked before any trains, so an impossible one fails at once.
        for run in pending {
            let counts = try exampleCounts(for: run)
            costs.append(RunCost.estimate(run, trainExamples: counts.train, testExamples: counts.test))
        }
        let clock = ContinuousClock.now
        var doneCost = 0.0
        for (position, run) in pending.enumerated() {
            let stored = try log.append(try train(run))
            doneCost += costs[position]
            let elapsed = (ContinuousClock.now - clock).seconds
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
    package mutating func train(_ run: ExperimentRun) throws -> RunResult {
        guard case .binary(let task) = run.task else { return try trainMultiClass(run) }
        let data = try examples(for: run, task: task)
        var train = data.train
        try checkSize(of: run, against: data)
        if let size = run.trainSize { train = train.subset(size: size, seed: run.seed) }
        var test = data.test
        if run.labels == .random {
            // As `lutnet train --random-labels --seed S` draws them.
            train = train.withRandomLabels(seed: run.seed)
            test = test?.withRandomTestLabels(seed: run.seed)
        }
        let clock = ContinuousClock.now
        let options = TrainingOptions(shape: run.shape, seed: run.seed, threads: threads)
        let trained = try LUTNetwork.train(on: train, test: test, options: options)
        let network = trained.network, report = trained.report
        var trueLabels = report.testAccuracy
        if run.labels == .random, let real = data.test { trueLabels = try network.accuracy(on: real, threads: threads) }
        var validAccuracy: Double? = nil
        if run.labels == .real, let validation = data.validation {
            validAccuracy = try network.accuracy(on: validation, threads: threads)
        }
        return RunResult(run: run, trainExamples: train.count, testExamples: test?.count ?? 0,
                         trainAccuracy: report.trainAccuracy, testAccuracy: report.testAccuracy,
                         testAccuracyTrueLabels: trueLabels, validAccuracy: validAccuracy,
                         seconds: (ContinuousClock.now - clock).seconds, layers: report.layers)
    }

    /// Trains and evaluates the one-vs-rest model of a multi-class run.
    private mutating func trainMultiClass(_ run: ExperimentRun) throws -> RunResult {
        guard case .multiClass(let task) = run.task else { return try train(run) }
        let data = try multiClassExamples(for: run, task: task)
        let clock = ContinuousClock.now
        let options = MultiClassTrainingOptions(shape: run.shape, seed: run.seed, wiring: run.window.wiring, threads: threads)
        let trained = try MultiClassNetwork.train(on: data.train, test: data.test, options: options)
        let testAccuracy = trained.testConfusion?.accuracy
        let validAccuracy = try data.validation.map { try trained.network.confusion(on: $0, threads: threads).accuracy }
        return RunResult(run: run, trainExamples: data.train.count, testExamples: data.test?.count ?? 0,
                         trainAccuracy: trained.trainConfusion.accuracy, testAccuracy: testAccuracy,
                         testAccuracyTrueLabels: testAccuracy, validAccuracy: validAccuracy,
                         seconds: (ContinuousClock.now - clock).seconds, layers: [])
    }

    /// The results of the baseline `runs`, in order: those `log` has, and the others fitted now
    /// and appended.
    package mutating func fit(_ runs: [BaselineRun], log: inout BaselineLog,
                    progress: ((BaselineResult) -> Void)? = nil) throws -> [BaselineResult] {
        var seen = Set<BaselineRun>()
        for run in runs where seen.insert(run).inserted && log.result(for: run) == nil {
            let stored = try log.append(try fit(run))
            progress?(stored)
        }
        return try runs.map { run throws(ExperimentError) in
            guard let result = log.result(for: run) else {
                throw .unwritable(path: log.path, reason: "the result of the baseline on \(run) was not recorded")
            }
            return result
        }
    }

    /// Fits and evaluates one baseline. The feature matrices of its task are reused from the
    /// previous fit when that was on the same data, task, features and threshold.
    package mutating func fit(_ run: BaselineRun) throws -> BaselineResult {
        let data = try source(run.data)
        let clock = ContinuousClock.now
        let options = run.settings.options(threads: threads)
        try options.validate()
        let features = run.settings.features
        guard case .binary(let task) = run.task else { return try fitMultinomial(run, data: data, options: options) }
        let key = "\(run.data)\n\(run.task) \(features) \(run.threshold)"
        let cached: (key: String, train: BaselineExamples, valid: BaselineExamples?, test: BaselineExamples?, seconds: Double)
        if let previous = baselineFeatures, previous.key == key {
            cached = previous
        } else {
            baselineFeatures = nil // let the previous task's matrices go before building these
            let featureClock = ContinuousClock.now
            func build(_ images: ImageSet, bothGroups: Bool) throws -> BaselineExamples {
                try TaskBaseline.examples(of: images, task: task, features: features, threshold: run.threshold,
                                          bothGroups: bothGroups)
            }
            let train = try build(data.dataset.train, bothGroups: true)
            let valid = try data.validation.map { try build($0, bothGroups: false) }
            let test = try data.dataset.test.map { try build($0, bothGroups: false) }
            cached = (key, train, valid, test, (ContinuousClock.now - featureClock).seconds)
            baselineFeatures = cached
            baselineFeatureBuilds += 1
        }
        let baseline = try TaskBaseline(examples: cached.train, task: task, features: features,
                                        threshold: run.threshold, options: options, featureSeconds: cached.seconds)
        let valid = try cached.valid.map { try baseline.evaluate(on: $0, featureSeconds: 0) }
        let test = try cached.test.map { try baseline.evaluate(on: $0, featureSeconds: 0) }
        return BaselineResult(run: run, trainExamples: baseline.trainExamples, testExamples: test?.examples ?? 0,
                              trainAccuracy: baseline.trainAccuracy, validAccuracy: valid?.accuracy,
                              testAccuracy: test?.accuracy, iterations: baseline.fit.iterations,
                              stopReason: baseline.fit.stopReason, seconds: (ContinuousClock.now - clock).seconds)
    }

    /// Fits and evaluates the multinomial baseline of a multi-class run (its features built anew:
    /// the binary fits' cached matrices are let go first).
    private mutating func fitMultinomial(_ run: BaselineRun, data: ExperimentData,
                                         options: LogisticRegression.Options) throws -> BaselineResult {
        guard case .multiClass(let task) = run.task else { return try fit(run) }
        baselineFeatures = nil
        let clock = ContinuousClock.now
        let baseline = try MultiClassBaseline(train: data.dataset.train, task: task, features: run.settings.features,
                                              threshold: run.threshold, options: options)
        let valid = try data.validation.map { try baseline.evaluate(on: $0).confusion }
        let test = try data.dataset.test.map { try baseline.evaluate(on: $0).confusion }
        return BaselineResult(run: run, trainExamples: baseline.trainExamples, testExamples: test?.total ?? 0,
                              trainAccuracy: baseline.trainAccuracy, validAccuracy: valid?.accuracy,
                              testAccuracy: test?.accuracy, iterations: baseline.fit.iterations,
                              stopReason: baseline.fit.stopReason, seconds: (ContinuousClock.now - clock).seconds)
    }

    /// The training and test example counts of `run`'s task, its examples prepared; throws
    /// `ConfigurationError` when the run is impossible on them (see `checkSize(of:against:)`).
    private mutating func exampleCounts(for run: ExperimentRun) throws -> (train: Int, test: Int) {
        switch run.task {
        case .binary(let task):
            let data = try examples(for: run, task: task)
            try checkSize(of: run, against: data)
            return (data.train.count, data.test?.count ?? 0)
        case .multiClass(let task):
            let data = try multiClassExamples(for: run, task: task)
            return (data.train.count, data.test?.count ?? 0)
        }
    }

    /// Throws `ConfigurationError` naming `--sizes` when `run` asks for more training examples
    /// than its task has.
    private func checkSize(of run: ExperimentRun, against data: TaskData) throws(ConfigurationError) {
        guard let size = run.trainSize, size > data.train.count else { return }
        throw .invalidValue(option: "--sizes", reason: "\(size) training examples asked, but task \(run.task) has "
                            + "\(data.train.count) in \(try source(run.data).dataset.train.source)")
    }

    /// The data a run names.
    private func source(_ name: String) throws(ConfigurationError) -> ExperimentData {
        if let data = named[name] ?? fallback { return data }
        throw .invalidValue(option: "data", reason: "no dataset named '\(name)'; the runner has "
                            + named.keys.sorted().joined(separator: ", "))
    }

    /// The binarized examples of `run`'s binary `task`, binarized on first use.
    private mutating func examples(for run: ExperimentRun, task: BinaryTask) throws(ConfigurationError) -> TaskData {
        let key = "\(run.data)\n\(task) \(run.threshold)"
        if let cached = taskData[key] { return cached }
        let source = try source(run.data)
        let data = try TaskData(dataset: source.dataset, task: task, threshold: run.threshold, validation: source.validation)
        taskData[key] = data
        return data
    }

    /// The binarized examples of `run`'s multi-class `task`, binarized on first use.
    private mutating func multiClassExamples(for run: ExperimentRun,
                                             task: MultiClassTask) throws(ConfigurationError) -> MultiClassTaskData {
        let key = "\(run.data)\n\(task) \(run.threshold)"
        if let cached = multiClassData[key] { return cached }
        let source = try source(run.data)
        let data = try MultiClassTaskData(dataset: source.dataset, task: task, threshold: run.threshold,
                                          validation: source.validation)
        multiClassData[key] = data
        return data
    }

    /// A task's examples as baseline features and 0/1 labels.
    typealias BaselineExamples = (features: FeatureMatrix, labels: [UInt8])

}
