import ArgumentParser
import LUTNet
import LUTNetExperiments

/// `lutnet experiment depth`: accuracy against the number of layers, and layer by layer.
struct DepthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "depth",
        abstract: "Network accuracy against the number of hidden layers, and each layer's LUT accuracy (mean ± 2 s.d.)."
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Binary task: classes of label 0, then of label 1 (default 0-4:5-9, or 0:1 for two-class data).")
    var task: String?

    @Option(help: "Inputs per LUT (1-\(LUTNetLimits.maxK)).")
    var k: Int = 8

    @Option(help: "The network whose layers the bar chart shows, DEPTHxWIDTH; WIDTH is every network's width.")
    var layers: String = NetworkShape.paper.layersText

    @Option(help: "Numbers of hidden layers to train (a list or a range, e.g. 1-8).")
    var depths: String = "1-8"

    @Flag(help: "Draw the paper's published per-layer MNIST 0-4:5-9 figures (5x1024, k = 8) beside ours.")
    var comparePaper = false

    func run() throws {
        let settings = try options.settings()
        let dataset = try options.loadDataset()
        let binaryTask = try options.task(task, for: dataset)
        let shape = try NetworkShape(k: k, layers: layers)
        guard let width = shape.hiddenWidths.first, Set(shape.hiddenWidths).count == 1 else {
            throw ConfigurationError.invalidLayers(layers, reason: "the depth experiment needs equal widths, DEPTHxWIDTH such as 5x1024")
        }
        if comparePaper, binaryTask.description != PaperFigures.task || shape.hiddenWidths != PaperFigures.hiddenWidths
            || k != PaperFigures.layerK {
            Console.progress("note: the paper's figures are for task \(PaperFigures.task), 5x1024, k = 8, not \(binaryTask), \(layers), k = \(k)")
        }
        let experiment = try DepthExperiment(settings: settings, task: binaryTask, k: k,
                                             width: width, depths: try NumberList.parse(depths, option: "--depths"),
                                             layerChartDepth: shape.hiddenWidths.count, showPaper: comparePaper)
        try options.perform(experiment, on: dataset)
    }
}
