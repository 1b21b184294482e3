import ArgumentParser
import Foundation
import LUTNet
import LUTNetExperiments

/// `lutnet experiment wiring`: accuracy against how LUTs choose their inputs.
struct WiringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wiring",
        abstract: "Train and test accuracy against the wiring: window size, NEAR, spatial layers, k and widths, beside random wiring.",
        discussion: "Every input bits × layers × k × wiring, several seeds each; training times are given against the paper's network (random wiring, k = 8, 5 × 1024) when the sweep has it, else against the first configuration. Appends each network to wiring.csv as it is trained (networks already there are skipped), then writes wiring.md and wiring.svg."
    )

    @OptionGroup var options: ExperimentOptions

    @Option(help: "Binary task: classes of label 0, then of label 1 (default 0-4:5-9, or 0:1 for two-class data).")
    var task: String?

    @Option(help: "Wirings separated by ';' (see 'lutnet train --help'), e.g. \"random;local:6;hier:7,64,4,grid\".")
    var wirings: String = "random;local:6;local:6,grid;hier:6,64,3;hier:7,64,4;hier:7,64,4,grid"

    @Option(help: "Inputs per LUT, a list (e.g. 8,10); an item may give each layer its k with '/', the last value repeating upward (8,12/8: k 8 everywhere, then k 12 in the first layer and 8 above).")
    var k: String = "8"

    @Option(help: "Hidden layers, a list separated by ';' (e.g. \"5x1024;5x2048\").")
    var layers: String = NetworkShape.paper.layersText

    @Option(help: "Input bits, a list separated by ';' of families joined by ',' (see 'lutnet train --help'), e.g. \"threshold;threshold,mean,opponents\".")
    var inputBits: String = "threshold"

    @Option(help: "Test data, when --data holds only a training split (e.g. a PLA file).")
    var test: String?

    @Option(help: "The images' shape as HxW or HxWxC, when the data does not tell it.")
    var imageShape: String?

    func run() throws {
        let settings = try options.settings()
        var dataset = try options.loadDataset()
        if let test {
            let source = try DatasetLoader.load(path: test)
            dataset = try Dataset(train: dataset.train, test: source.test ?? source.train, location: dataset.location)
        }
        let binaryTask = try options.task(task, for: dataset)
        let specs = try wirings.split(separator: ";").map { try WiringSpec(parsing: String($0)) }
        let experiment = try WiringExperiment(data: settings.data, task: binaryTask, threshold: settings.threshold, wirings: specs,
                                              ks: try KList.parse(k, option: "--k"),
                                              layers: layers.split(separator: ";").map(String.init),
                                              inputBits: try inputBits.split(separator: ";", omittingEmptySubsequences: false)
                                                  .map { try InputBitFamily.list(parsing: String($0)) },
                                              seeds: options.seeds)
        let identity = DataIdentity(dataset: dataset)
        let folder = options.folder(for: identity)
        let lock = try ResultFolderLock(folder: folder)
        defer { lock.release() }
        var log = try WiringLog(folder: folder, experiment: experiment, identity: identity, fresh: options.fresh)
        Console.progress("wiring: \(experiment.configurations.count * options.seeds) networks on \(dataset.location), results in \(folder)")
        let results = try experiment.run(on: dataset, threads: try options.threadCount(),
                                         imageShape: try imageShape.map { try ImageGeometry(parsing: $0) }, log: &log) { result in
            Console.progress(String(format: "%@ seed %llu: train %.4f test %.4f, %.2f s", result.configuration.name,
                                    result.seed, result.trainAccuracy, result.testAccuracy, result.seconds))
        }
        print(log.path)
        for file in experiment.files(results) {
            let path = (folder as NSString).appendingPathComponent(file.name)
            try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
            print(path)
        }
    }
}
