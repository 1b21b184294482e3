import ArgumentParser
import LUTNet
import LUTNetExperiments

/// `lutnet experiment random-labels`: memorization capacity against training-set size and k.
struct RandomLabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "random-labels",
        abstract: "Training accuracy on random and on real labels against training-set size and k."
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Binary task: classes of label 0, then of label 1 (default 0-4:5-9, or 0:1 for two-class data).")
    var task: String?

    @Option(help: "The k values (a list or a range, e.g. 4,8,12,16).")
    var ks: String = "4,8,12,16"

    @Option(help: "Training-set sizes: seeded subsets of the task's training split; 'all' for the whole split.")
    var sizes: String = "1000,2000,5000,10000,20000,all"

    @Option(help: "Hidden layers as DEPTHxWIDTH or a list of widths.")
    var layers: String = NetworkShape.paper.layersText

    func run() throws {
        let settings = try options.settings()
        let dataset = try options.loadDataset()
        let binaryTask = try options.task(task, for: dataset)
        let shape = try NetworkShape(k: 1, layers: layers)
        var sizeList: [Int?] = []
        for item in sizes.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            if trimmed == "all" { sizeList.append(nil) } else {
                sizeList.append(contentsOf: try NumberList.parse(trimmed, option: "--sizes").map { Optional($0) })
            }
        }
        let experiment = try RandomLabelsExperiment(settings: settings, task: binaryTask,
                                                    ks: try KList.parseSingle(ks, option: "--ks",
                                                                              why: "random-labels sets one k for every layer"), sizes: sizeList,
                                                    hiddenWidths: shape.hiddenWidths)
        try options.perform(experiment, on: dataset)
    }
}
