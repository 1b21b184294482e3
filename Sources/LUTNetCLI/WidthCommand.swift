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

    @Option(help: "Binary task: classes of label 0, then of label 1 (default 0-4:5-9, or 0:1 for two-class data); or a multi-class one (all, or 0:1:2…).")
    var task: String?

    @Option(help: "Inputs per LUT (1-16; default 8, or 10 for a multi-class task).")
    var k: Int?

    @Option(help: "Hidden layers as DEPTHxWIDTH; the sweep keeps DEPTH and varies WIDTH (default 5x1024, or 3x500 per class for a multi-class task).")
    var layers: String?

    @Option(help: "LUTs per hidden layer (a list, e.g. 32,64,128; default 32,64,…,4096, or 125,250,500,1000 for a multi-class task).")
    var widths: String?

    @Option(help: "Multi-class tasks: every class's network wired as 'lutnet train --wiring' does (default local:6 for image data).")
    var wiring: String?

    func run() throws {
        let settings = try options.settings()
        let dataset = try options.loadDataset()
        let chosen = try options.classTask(task, for: dataset)
        let multiClass = chosen.groups.count > 2
        let k = k ?? (multiClass ? MultiClassTrainingOptions.defaultK : 8)
        let shape = try NetworkShape(k: k, layers: layers ?? (multiClass ? MultiClassTrainingOptions.defaultLayers : "5x1024"))
        let widthList = try NumberList.parse(widths ?? (multiClass ? "125,250,500,1000" : "32,64,128,256,512,1024,2048,4096"),
                                             option: "--widths")
        let classWiring = try SweepWiring.resolve(wiring, multiClass: multiClass, dataset: dataset, shapes: try widthList.map {
            try NetworkShape(k: k, hiddenWidths: Array(repeating: $0, count: shape.hiddenWidths.count))
        })
        let experiment = try WidthExperiment(settings: settings, task: chosen, wiring: classWiring, k: k,
                                             depth: shape.hiddenWidths.count, widths: widthList)
        try options.perform(experiment, on: dataset)
    }
}
