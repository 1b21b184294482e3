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
            """
    )

    @OptionGroup var options: ExperimentOptions

    @Option(name: .customLong("task"), help: "A binary task (e.g. 0-4:5-9 or 3:5); repeat the option for several (default 0-4:5-9, or 0:1 for two-class data).")
    var tasks: [String] = []

    @Option(help: "The k values of the networks: a list or a range (e.g. 6,8 or 4-12/2).")
    var ks: String = "8"

    @Option(help: "Hidden layers of the networks as DEPTHxWIDTH or a list of widths; repeat the option for several sizes.")
    var layers: [String] = ["5x1024"]

    @OptionGroup var comparison: ComparisonOptions

    func run() throws {
        let shapes = try ComparisonOptions.shapes(ks: ks, layers: layers)
        let baselines = try comparison.baselineSettings()
        let settings = try options.settings()
        let names = ClassNames.known(forData: settings.data)
        let dataset = try options.loadDataset()
        let chosen = try tasks.isEmpty ? [BinaryTask.defaultTask(for: dataset)] : tasks.map { try BinaryTask(parsing: $0) }
        let cases = chosen.map { task in
            return ComparisonExperiment.Case(label: task.description, data: settings.data, task: task,
                                             about: names.map { Self.describe(task, names: $0) } ?? "")
        }
        let experiment = try ComparisonExperiment(name: "compare", title: "LUT networks and logistic regression on \(settings.data)",
                                                  caseHeading: "task", settings: settings, cases: cases, shapes: shapes,
                                                  baselines: baselines)
        try options.perform(experiment, on: dataset)
    }

    /// `cat vs dog`, or the names of each group's classes.
    static func describe(_ task: BinaryTask, names: [String]) -> String {
        func group(_ classes: [UInt8]) -> String {
            classes.map { Int($0) < names.count ? names[Int($0)] : String($0) }.joined(separator: ", ")
        }
        return group(task.first) + " vs " + group(task.second)
    }
}
