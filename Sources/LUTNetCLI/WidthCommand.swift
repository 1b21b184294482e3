import ArgumentParser
import LUTNet
import LUTNetExperiments

/// `lutnet experiment width`: accuracy against LUTs per layer.
struct WidthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "width",
        abstract: "Train and test accuracy against the number of LUTs per hidden layer.",
        discussion: "A multi-class task (all, or three or more groups) sweeps the LUTs per layer of every class's network of one-vs-rest models, wired as 'lutnet train --task all' wires them (--wiring)."
    )

    @OptionGroup var options: ExperimentOptions

    @OptionGroup var sweepTask: SweepTaskOptions

    @Option(help: "Inputs per LUT (1-\(LUTNetLimits.maxK); default \(TrainingPolicy.binaryK), or \(TrainingPolicy.multiClassK) for a multi-class task).")
    var k: Int?

    @Option(help: "Hidden layers as DEPTHxWIDTH; the sweep keeps DEPTH and varies WIDTH (default 5x1024, or 3x500 per class for a multi-class task).")
    var layers: String?

    @Option(help: "LUTs per hidden layer (a list, e.g. 32,64,128; default 32,64,…,4096, or 125,250,500,1000 for a multi-class task).")
    var widths: String?

    func run() throws {
        let settings = try options.settings()
        let dataset = try options.loadDataset()
        let chosen = try sweepTask.task(for: dataset)
        let multiClass = chosen.isMultiClass
        let k = k ?? (multiClass ? TrainingPolicy.multiClassK : TrainingPolicy.binaryK)
        let shape = try NetworkShape(k: k, layers: layers ?? (multiClass ? TrainingPolicy.multiClassLayers : TrainingPolicy.binaryLayers))
        let widthList = try NumberList.parse(widths ?? (multiClass ? "125,250,500,1000" : "32,64,128,256,512,1024,2048,4096"),
                                             option: "--widths")
        let classWiring = try sweepTask.wiring(for: chosen, dataset: dataset, shapes: try widthList.map {
            try NetworkShape(k: k, hiddenWidths: Array(repeating: $0, count: shape.hiddenWidths.count))
        })
        let experiment = try WidthExperiment(settings: settings, task: chosen, wiring: classWiring, k: k,
                                             depth: shape.hiddenWidths.count, widths: widthList)
        try options.perform(experiment, on: dataset)
    }
}
