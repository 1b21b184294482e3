import ArgumentParser
import LUTNet
import LUTNetExperiments

/// `lutnet experiment pairs`: every pair of classes as its own task.
struct PairsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairs",
        abstract: "Test accuracy of every pairwise task i:j: a matrix, a heat map, the mean and the worst pair."
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Inputs per LUT (1-\(LUTNetLimits.maxK)).")
    var k: Int = 8

    @Option(help: "Hidden layers as DEPTHxWIDTH or a list of widths.")
    var layers: String = NetworkShape.paper.layersText

    @Option(help: "Classes to pair (a list or a range; default: every class in the training split).")
    var classes: String?

    func run() throws {
        let shape = try NetworkShape(k: k, layers: layers)
        let settings = try options.settings() // checks --threads before the data is loaded
        let dataset = try DatasetLoader.load(path: options.data)
        let present = dataset.train.classCounts().enumerated().filter { $0.element > 0 }.map { UInt8($0.offset) }
        var chosen = present
        if let classes {
            let asked = try NumberList.parse(classes, option: "--classes")
            if let missing = asked.first(where: { !(0...255).contains($0) || !present.contains(UInt8($0)) }) {
                throw ConfigurationError.invalidValue(option: "--classes", reason: "class \(missing) has no examples in \(dataset.train.source)")
            }
            chosen = asked.map { UInt8($0) }
        }
        let experiment = try PairsExperiment(settings: settings, classes: chosen,
                                             classNames: ClassNames.known(forData: settings.data), shape: shape)
        try options.perform(experiment, on: dataset)
    }
}
