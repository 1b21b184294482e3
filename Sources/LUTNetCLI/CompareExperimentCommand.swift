import ArgumentParser
import LUTNet
import LUTNetExperiments

/// `lutnet experiment compare`: LUT networks and the baseline side by side on several tasks of a dataset.
struct CompareExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "LUT networks and the logistic-regression baseline side by side on several tasks: accuracy per task and the mean.",
        discussion: """
            Every network (each k with each --layers, one per seed) and the baseline learn from the \
            training examples of each task and are measured on its test examples. Writes compare.csv, \
            compare-layers.csv, compare-baseline.csv, compare-summary.csv, compare.md and compare.svg.

            The tasks are all binary (two groups: a network with an output LUT beside logistic \
            regression) or all multi-class (three or more groups, e.g. 0:1:2:3:4:5:6:7:8:9, or 'all': \
            one-vs-rest networks of k 10, 3x500 per class, 6 × 6 first-layer windows unless --ks, \
            --layers, --window or --wiring say otherwise, beside multinomial logistic regression, fitted \
            once per task). Multi-class runs record no layer figures and add a window column to \
            compare.csv (the side, none, or the wiring when layers above the windows are spatial too).
            """
    )

    @OptionGroup var options: ExperimentOptions

    @Option(name: .customLong("task"), help: "A binary task (e.g. 0-4:5-9 or 3:5) or a multi-class one (e.g. 0:1:2:3:4:5:6:7:8:9, or all: every class); repeat the option for several of one kind (default 0-4:5-9, or 0:1 for two-class data).")
    var tasks: [String] = []

    @Option(help: "The k values of the networks: a list or a range (e.g. 6,8 or 4-12/2; default 8, 10 for multi-class tasks); for binary tasks an item may give each layer its k with '/' (8,12/8).")
    var ks: String?

    @Option(help: "Hidden layers of the networks as DEPTHxWIDTH or a list of widths (per class for multi-class tasks); repeat the option for several sizes (default 5x1024, 3x500 for multi-class tasks).")
    var layers: [String] = []

    @Option(help: "Multi-class tasks: each first-layer LUT reads k inputs of one random S × S window of the image (default 6 for images of at least 6 × 6; 0: the whole image).")
    var window: Int?

    @Option(help: "Multi-class tasks: every class's network wired as 'lutnet train --wiring' does (local:S is --window S; hier:S,NEAR,L adds nearest wiring above the windows).")
    var wiring: String?

    @OptionGroup var comparison: ComparisonOptions

    func run() throws {
        if let window, window < 0 {
            throw ConfigurationError.invalidValue(option: "--window", reason: "\(window) is not a side >= 1 (or 0: the whole image)")
        }
        let settings = try options.settings()
        let names = ClassNames.known(forData: settings.data)
        let dataset = try options.loadDataset()
        let chosen = try tasks.isEmpty ? [ClassTask.binary(BinaryTask.defaultTask(for: dataset))]
            : tasks.map { try ClassTask(parsing: $0, for: dataset) }
        let multiClass = chosen.contains(where: \.isMultiClass)
        if window != nil, !multiClass {
            throw ConfigurationError.invalidValue(option: "--window", reason: "windows apply to multi-class tasks (three or more groups, or 'all')")
        }
        if wiring != nil, !multiClass {
            throw ConfigurationError.invalidValue(option: "--wiring", reason: "compares multi-class tasks' wirings (three or more groups, or 'all'); for binary tasks use 'lutnet experiment wiring'")
        }
        let shapes = try ComparisonOptions.shapes(
            ks: ks ?? String(multiClass ? TrainingPolicy.multiClassK : TrainingPolicy.binaryK),
            layers: layers.isEmpty ? [multiClass ? TrainingPolicy.multiClassLayers : TrainingPolicy.binaryLayers] : layers)
        if multiClass { for shape in shapes { _ = try shape.ks.single(option: "--ks", why: LayerKs.multiClassReason) } }
        let baselines = try comparison.baselineSettings(multiClass: multiClass)
        let cases = chosen.map { task in
            ComparisonExperiment.Case(label: task.description, data: settings.data, task: task,
                                      about: names.map { Self.describe(task, names: $0) } ?? "")
        }
        // As `lutnet train` wires a multi-class model: 6 × 6 windows on images unless --window or --wiring say otherwise.
        let classWiring = multiClass ? try NetworkOptions.multiClassWiring(wiring, window: window, for: dataset.train, shapes: shapes) : nil
        let experiment = try ComparisonExperiment(name: "compare", title: "LUT networks and logistic regression on \(settings.data)",
                                                  caseHeading: "task", settings: settings, cases: cases, shapes: shapes,
                                                  baselines: baselines, wiring: classWiring)
        try options.perform(experiment, on: dataset)
    }

    /// `cat vs dog`, or the names of each group's classes (`airplane / automobile / bird` for a
    /// multi-class task).
    static func describe(_ task: ClassTask, names: [String]) -> String {
        func group(_ classes: [UInt8]) -> String {
            classes.map { Int($0) < names.count ? names[Int($0)] : String($0) }.joined(separator: ", ")
        }
        return task.groups.map(group).joined(separator: task.groups.count > 2 ? " / " : " vs ")
    }
}
