import ArgumentParser
import LUTNet
import LUTNetExperiments

/// `lutnet experiment k-sweep`: accuracy on real and random labels against k.
struct KSweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "k-sweep",
        abstract: "Train and test accuracy on real and on random labels for each k."
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Binary task: classes of label 0, then of label 1 (default 0-4:5-9, or 0:1 for two-class data).")
    var task: String?

    @Option(help: "The k values: a list, a range or a stepped range (e.g. 2,4,6 or 2-16/2).")
    var ks: String = "2-16/2"

    @Option(help: "Hidden layers as DEPTHxWIDTH or a list of widths.")
    var layers: String = "5x1024"

    @Flag(help: "Draw the paper's published MNIST 0-4:5-9 figures (5x1024) beside ours.")
    var comparePaper = false

    func run() throws {
        let settings = try options.settings()
        let dataset = try options.loadDataset()
        let binaryTask = try options.task(task, for: dataset)
        let shape = try NetworkShape(k: 1, layers: layers)
        if comparePaper, binaryTask.description != PaperFigures.task || shape.hiddenWidths != PaperFigures.hiddenWidths {
            Console.progress("note: the paper's figures are for task \(PaperFigures.task) with 5x1024 LUTs, not \(binaryTask) with \(layers)")
        }
        let experiment = try KSweepExperiment(settings: settings, task: binaryTask,
                                              ks: try NumberList.parse(ks, option: "--ks"), hiddenWidths: shape.hiddenWidths,
                                              showPaper: comparePaper)
        try options.perform(experiment, on: dataset)
    }
}
