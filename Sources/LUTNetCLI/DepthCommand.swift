import ArgumentParser
import LUTNet

/// `lutnet experiment depth`: accuracy against the number of layers, and layer by layer.
struct DepthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "depth",
        abstract: "Network accuracy against the number of hidden layers, and each layer's LUT accuracy (mean ± 2 s.d.)."
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Binary task: classes of label 0, then of label 1.")
    var task: String = "0-4:5-9"

    @Option(help: "Inputs per LUT (1-16).")
    var k: Int = 8

    @Option(help: "The network whose layers the bar chart shows, DEPTHxWIDTH; WIDTH is every network's width.")
    var layers: String = "5x1024"

    @Option(help: "Numbers of hidden layers to train (a list or a range, e.g. 1-8).")
    var depths: String = "1-8"

    func run() throws {
        let shape = try NetworkShape(k: k, layers: layers)
        guard let width = shape.hiddenWidths.first, Set(shape.hiddenWidths).count == 1 else {
            throw ConfigurationError.invalidLayers(layers, reason: "the depth experiment needs equal widths, DEPTHxWIDTH such as 5x1024")
        }
        let experiment = try DepthExperiment(settings: try options.settings(), task: try BinaryTask(parsing: task), k: k,
                                             width: width, depths: try NumberList.parse(depths, option: "--depths"),
                                             layerChartDepth: shape.hiddenWidths.count)
        try options.perform(experiment)
    }
}
