import ArgumentParser
import LUTNet
import LUTNetExperiments

/// `lutnet experiment k-sweep`: accuracy on real and random labels against k.
struct KSweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "k-sweep",
        abstract: "Train and test accuracy on real and on random labels for each k.",
        discussion: "A multi-class task (all, or three or more groups) sweeps one-vs-rest models on the real labels, each class's network wired as 'lutnet train --task all' wires it (--wiring)."
    )

    @OptionGroup var options: ExperimentOptions

    @OptionGroup var sweepTask: SweepTaskOptions

    @Option(help: "The k values: a list, a range or a stepped range (e.g. 2,4,6 or 2-16/2; default 2-16/2, or 6-12/2 for a multi-class task).")
    var ks: String?

    @Option(help: "Hidden layers as DEPTHxWIDTH or a list of widths (default 5x1024, or 3x500 per class for a multi-class task).")
    var layers: String?

    @Flag(help: "Draw the paper's published MNIST 0-4:5-9 figures (5x1024) beside ours.")
    var comparePaper = false

    func run() throws {
        let settings = try options.settings()
        let dataset = try options.loadDataset()
        let chosen = try sweepTask.task(for: dataset)
        let multiClass = chosen.isMultiClass
        let layers = layers ?? (multiClass ? TrainingPolicy.multiClassLayers : TrainingPolicy.binaryLayers)
        let shape = try NetworkShape(k: 1, layers: layers)
        if comparePaper, chosen.description != PaperFigures.task || shape.hiddenWidths != PaperFigures.hiddenWidths {
            Console.progress("note: the paper's figures are for task \(PaperFigures.task) with 5x1024 LUTs, not \(chosen) with \(layers)")
        }
        let kValues = try KList.parseSingle(ks ?? (multiClass ? "6-12/2" : "2-16/2"), option: "--ks",
                                           why: "k-sweep sets one k for every layer; sweep per-layer ks with 'lutnet experiment wiring --k'")
        let classWiring = try sweepTask.wiring(for: chosen, dataset: dataset,
                                                  shapes: try kValues.map { try NetworkShape(k: $0, hiddenWidths: shape.hiddenWidths) })
        let experiment = try KSweepExperiment(settings: settings, task: chosen, wiring: classWiring, ks: kValues,
                                              hiddenWidths: shape.hiddenWidths, showPaper: comparePaper)
        try options.perform(experiment, on: dataset)
    }
}
