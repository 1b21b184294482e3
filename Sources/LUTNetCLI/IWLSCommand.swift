import ArgumentParser
import LUTNet
import LUTNetExperiments

/// `lutnet experiment iwls`: LUT networks and the baseline on the IWLS 2020 contest benchmarks.
struct IWLSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iwls",
        abstract: "LUT networks and the logistic-regression baseline on every IWLS 2020 benchmark of a folder: test accuracy per benchmark and the mean.",
        discussion: """
            The folder holds NAME.train.pla[.gz], NAME.valid.pla[.gz] and NAME.test.pla[.gz] for every \
            benchmark (the contest's files). Every network (each k with each --layers, one per seed) and \
            the baseline learn from the training split and are measured on the validation and test \
            splits, or with --train-on train+valid learn from both and are measured on the test split. \
            Writes iwls.csv, iwls-layers.csv, iwls-baseline.csv, iwls-summary.csv, iwls.md and iwls.svg.
            """
    )

    @Option(help: "Folder of IWLS 2020 benchmarks.")
    var dir: String = "../shared/datasets/iwls2020"

    @Option(help: "The k values of the networks: a list or a range (e.g. 4,6,8 or 4-12/2); an item may give each layer its k with '/' (12/8).")
    var ks: String = "4,6,8,10"

    @Option(help: "Hidden layers of the networks as DEPTHxWIDTH or a list of widths; repeat the option for several sizes.")
    var layers: [String] = ["2x1024", "5x1024"]

    @Option(name: .customLong("train-on"), help: "What the methods learn from: train (validation accuracy is reported too) or train+valid.")
    var trainOn: String = IWLSBenchmarks.Training.train.rawValue

    @Option(help: "Seeds per network (seeds 0, 1, …, N-1).")
    var seeds: Int = 5

    @Option(help: "Output folder for the CSV, Markdown and SVG files (default: results/<folder name>-<CRC-32 of the benchmarks>). Runs already in its CSVs are skipped; results of other data there stop the experiment.")
    var out: String?

    @Flag(help: "Discard the experiment's results already in the output folder and start afresh.")
    var fresh = false

    @Option(help: "Worker threads per network and per baseline fit (default: every core).")
    var threads: Int = ParallelWork.defaultThreads

    @OptionGroup var comparison: ComparisonOptions

    func run() throws {
        guard let training = IWLSBenchmarks.Training(rawValue: trainOn) else {
            throw ConfigurationError.invalidValue(option: "--train-on", reason: "'\(trainOn)'; use train or train+valid")
        }
        let threadCount = try ParallelWork.validated(threads: threads)
        let shapes = try ComparisonOptions.shapes(ks: ks, layers: layers)
        let baselines = try comparison.baselineSettings()
        let folderName = ExperimentSettings.dataName(location: dir)
        let settings = try ExperimentSettings(data: folderName, threshold: 128, seedCount: seeds)
        let benchmarks = try IWLSBenchmarks.find(in: dir)
        let data = try benchmarks.map { try IWLSBenchmarks.load($0, training: training) }
        let task = try BinaryTask(parsing: "0:1")
        let cases = benchmarks.map { benchmark in
            ComparisonExperiment.Case(label: benchmark.name, data: IWLSBenchmarks.dataName(benchmark.name, training: training),
                                      task: task, about: IWLSBenchmarks.knownTasks[benchmark.name] ?? "")
        }
        let experiment = try ComparisonExperiment(
            name: "iwls", title: "IWLS 2020 benchmarks", caseHeading: "benchmark", settings: settings, cases: cases,
            shapes: shapes, baselines: baselines, recordsValidation: training == .train,
            notes: "Every benchmark is one output bit of its input bits (task 0:1); the methods learn from the "
                + (training == .train ? "training split and are measured on the validation and test splits."
                                      : "training and validation splits together and are measured on the test split."))
        var runner = ExperimentRunner(data: data, threads: threadCount)
        let folder = out ?? DataIdentity.resultsFolder(name: folderName, identities: data.map(\.identity))
        try ExperimentOptions.perform(experiment, runner: &runner, on: dir, folder: folder, fresh: fresh, namingData: true)
    }
}
