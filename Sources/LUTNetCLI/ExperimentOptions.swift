import ArgumentParser
import Foundation
import LUTNet
import LUTNetExperiments

/// Options every `lutnet experiment` shares: the data, the seeds, the output folder, the threads.
struct ExperimentOptions: ParsableArguments {
    @Option(name: .long, help: "Dataset: a folder of gzipped IDX files (MNIST layout), a CIFAR-10 binary archive or folder, or a PLA file.")
    var data: String = DatasetLoader.defaultLocation

    @Option(name: .long, help: "Binarization threshold: a byte is 1 when it is >= this (1-255).")
    var threshold: Int = Int(TrainingPolicy.threshold)

    @Option(name: .long, help: "Seeds per configuration (seeds 0, 1, …, N-1).")
    var seeds: Int = 5

    @Option(name: .long, help: "Output folder for the CSV, Markdown and SVG files (default: results/<data folder name>-<CRC-32 of the data>). Runs already in its CSV are skipped; results of other data there stop the experiment.")
    var out: String?

    @Flag(name: .long, help: "Discard the experiment's results already in the output folder and start afresh.")
    var fresh = false

    @Option(name: .long, help: "Worker threads per network (default: every core).")
    var threads: Int = ParallelWork.defaultThreads

    /// The validated settings, for the dataset at `--data` (`--threads` is checked too).
    func settings() throws -> ExperimentSettings {
        let threshold = try Threshold(threshold)
        _ = try threadCount()
        return try ExperimentSettings(data: ExperimentSettings.dataName(location: data), threshold: threshold.byte,
                                      seedCount: seeds)
    }

    /// The output folder: --out, or one named after the data and its checksum.
    func folder(for identity: DataIdentity) -> String {
        out ?? DataIdentity.resultsFolder(name: ExperimentSettings.dataName(location: data), identities: [identity])
    }

    /// The validated thread count.
    func threadCount() throws -> Int { try ParallelWork.validated(threads: threads) }

    /// The dataset at `--data`.
    func loadDataset() throws -> Dataset { try DatasetLoader.load(path: data) }

    /// The task `text` names, or without one the default for `dataset` (0:1 for two-class data).
    func task(_ text: String?, for dataset: Dataset) throws -> BinaryTask {
        try text.map { try BinaryTask(parsing: $0) } ?? BinaryTask.defaultTask(for: dataset)
    }

    /// Runs `experiment` on an already loaded dataset.
    func perform(_ experiment: some Experiment, on dataset: Dataset) throws {
        let data = try ExperimentData(name: ExperimentSettings.dataName(location: self.data), dataset: dataset)
        var runner = ExperimentRunner(data: [data], threads: try threadCount())
        try Self.perform(experiment, runner: &runner, on: dataset.location, folder: folder(for: data.identity), fresh: fresh)
    }

    /// Runs `experiment` with `runner` (whose data is described by `location`) into `folder` (first
    /// discarding its results there when `fresh`), with progress on standard error (naming each
    /// run's data when `namingData`); prints the files written.
    static func perform(_ experiment: some Experiment, runner: inout ExperimentRunner, on location: String,
                        folder: String, fresh: Bool, namingData: Bool = false) throws {
        let runs = experiment.runs, baselines = experiment.baselineRuns.count
        Console.progress("\(experiment.name): \(runs.count) networks" + (baselines > 0 ? " and \(baselines) baseline fits" : "")
                         + " on \(location), results in \(folder)")
        let written = try runner.perform(experiment, folder: folder, fresh: fresh, progress: { Console.progress($0.line(namingData: namingData)) },
                                         started: { toTrain, alreadyDone in
            if alreadyDone > 0 {
                Console.progress(toTrain == 0 ? "all \(alreadyDone) networks are already in the results; writing the report"
                                 : "\(alreadyDone) networks already in the results; training the other \(toTrain)")
            }
        }, baselineProgress: { Console.progress($0.line) })
        for path in written { print(path) }
    }
}
