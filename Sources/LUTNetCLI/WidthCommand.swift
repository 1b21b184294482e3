import ArgumentParser
import LUTNet
import LUTNetExperiments

/// `lutnet experiment width`: accuracy against LUTs per layer.
struct WidthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "width",
        abstract: "Train and test accuracy against the number of LUTs per hidden layer."
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Binary task: classes of label 0, then of label 1 (default 0-4:5-9, or 0:1 for two-class data).")
    var task: String?

    @Option(help: "Inputs per LUT (1-16).")
    var k: Int = 8

    @Option(help: "Hidden layers as DEPTHxWIDTH; the sweep keeps DEPTH and varies WIDTH.")
    var layers: String = "5x1024"

    @Option(help: "LUTs per hidden layer (a list, e.g. 32,64,128).")
    var widths: String = "32,64,128,256,512,1024,2048,4096"

    func run() throws {
        let settings = try options.settings()
        let dataset = try options.loadDataset()
        let binaryTask = try options.task(task, for: dataset)
        let shape = try NetworkShape(k: k, layers: layers)
        let experiment = try WidthExperiment(settings: settings, task: binaryTask, k: k,
                                             depth: shape.hiddenWidths.count,
                                             widths: try NumberList.parse(widths, option: "--widths"))
        try options.perform(experiment, on: dataset)
    }
}
