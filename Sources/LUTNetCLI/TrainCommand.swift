import ArgumentParser
import Foundation
import LUTNet

/// `lutnet train`: trains a LUT network by memorization and reports per-layer accuracies.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a LUT network by memorization and report per-layer and final accuracy."
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var networkOptions: NetworkOptions

    @Flag(help: "Replace the training labels by seeded coin flips (the memorization experiment).")
    var randomLabels = false

    @Option(help: "Save the trained network to this model file.")
    var save: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: "Multi-class tasks: write the confusion matrix (test split, else training) to PREFIX.csv and PREFIX.svg.")
    var confusion: String?

    @Flag(help: "Data-parallel training as one rank of 'mpirun -np N lutnet train --mpi …' (binary tasks; needs the MPI build: \(DistributedTrainRun.buildCommand)).")
    var mpi = false

    @Option(help: ArgumentHelp("With --mpi: seconds a rank waits at one exchange for the other ranks before it ends the whole job (default \(Int(DistributedTrainRun.defaultTimeoutSeconds)); 0: wait forever).", valueName: "seconds"))
    var mpiTimeout: Double?

    func run() throws {
        guard networkOptions.preset == nil else {
            var resolved = self
            resolved.dataOptions = dataOptions.resolvingPreset(try networkOptions.presetNetwork(multiClass: dataOptions.namesMultiClassTask))
            resolved.networkOptions = try networkOptions.resolvingPreset(multiClass: dataOptions.namesMultiClassTask)
            return try resolved.run()
        }
        if networkOptions.readsClasses {
            if mpi || randomLabels {
                throw ConfigurationError.invalidValue(option: "--readout", reason: "classes trains one process on the true labels; "
                                                      + "drop \(mpi ? "--mpi" : "--random-labels")")
            }
            let dataset = try dataOptions.loadDataset()
            guard case .binary(let groups) = try dataOptions.classTask(for: dataset) else { return try networkOptions.checkMultiClass() }
            try networkOptions.checkMultiClass(readingClasses: true)
            return try MultiClassTrainRun(dataset: dataset, task: try MultiClassTask(classesOf: groups), groups: groups,
                                          threshold: try dataOptions.binarizationThreshold(), networkOptions: networkOptions,
                                          confusion: confusion, save: save, json: json).run()
        }
        if mpi {
            try MultiClassReport.refuseForBinary(confusion)
            return try DistributedTrainRun(dataOptions: dataOptions, networkOptions: networkOptions, randomLabels: randomLabels,
                                           save: save, json: json, timeoutSeconds: mpiTimeout).run()
        }
        if mpiTimeout != nil {
            throw ConfigurationError.invalidValue(option: "--mpi-timeout", reason: "it bounds the waits of data-parallel training; give it with --mpi")
        }
        let shape = try networkOptions.shape()
        let threshold = try dataOptions.binarizationThreshold()
        let threads = try networkOptions.threadCount()
        if let save { try ModelFile.checkWritable(save) }
        let task: BinaryTask, location: String, imageShape: [Int]
        var train: BinarizedExamples, test: BinarizedExamples?
        if try networkOptions.readsThresholdBitsOnly(), let opened = try dataOptions.openForTaskBits() {
            // Only the task's bits are needed: they are packed while the image files are inflated.
            try networkOptions.checkBinary()
            try MultiClassReport.refuseForBinary(confusion)
            (task, location, imageShape) = (opened.task, opened.folder.location, opened.folder.train.imageShape)
            (train, test) = try opened.folder.binarized(task: task, threshold: threshold)
        } else {
            let dataset = try dataOptions.loadDataset()
            switch try dataOptions.classTask(for: dataset) {
            case .binary(let binary):
                task = binary
                try networkOptions.checkBinary()
                try MultiClassReport.refuseForBinary(confusion)
            case .multiClass(let multiClass):
                if randomLabels { throw ConfigurationError.invalidValue(option: "--random-labels", reason: "it applies to binary tasks") }
                try networkOptions.checkMultiClass()
                return try MultiClassTrainRun(dataset: dataset, task: multiClass, groups: nil, threshold: threshold,
                                              networkOptions: networkOptions,
                                              confusion: confusion, save: save, json: json).run()
            }
            let encoding = try networkOptions.inputEncoding(for: dataset.train)
            (location, imageShape) = (dataset.location, encoding.encodedShape(dataset.train.imageShape))
            (train, test) = try BinarizedExamples.splits(of: dataset, task: task, threshold: threshold, encoding: encoding)
        }
        let seed = networkOptions.seed
        if randomLabels { train = train.withRandomLabels(seed: seed) }
        let options = try networkOptions.trainingOptions(threads: threads)
        let examples = try options.augmentation.trainingCount(train.count, inputCount: train.inputs.rowCount, encoding: train.encoding, dataShape: imageShape,
                                                              given: options.imageShape)
        Console.progress("training \(shape) on \(examples) examples of \(train.inputs.rowCount) bits"
                         + "\(options.augmentation.reportText(originals: train.count)), task \(task), seed \(seed)"
                         + (options.wiring.isRandom ? "" : ", wiring \(options.wiring)")
                         + (train.encoding.isThresholdOnly ? "" : ", input bits \(train.encoding)"))
        let trained = try LUTNetwork.train(on: train, test: test, options: options, dataShape: imageShape) { layer in
            Console.progress(String(format: "layer %d done in %.3f s", layer.index + 1, layer.seconds))
        }
        let network = trained.network, report = trained.report
        var randomTestAccuracy: Double? = nil
        if randomLabels, let test {
            let randomTest = test.withRandomTestLabels(seed: seed)
            randomTestAccuracy = try network.accuracy(on: randomTest, threads: threads)
        }
        if let save {
            try ModelFile.save(network, to: save)
            Console.progress("saved \(save)")
        }
        let result = TrainResult(data: location, task: task.description, shape: shape,
                                 seed: seed, randomLabels: randomLabels,
                                 trainExamples: examples, testExamples: test?.count, report: report,
                                 testAccuracyAgainstRandomLabels: randomTestAccuracy)
        if json { try Console.printJSON(result) } else { result.printTable() }
    }
}

/// What `lutnet train` reports.
struct TrainResult: Codable {
    let data: String
    let task: String
    /// The first layer's k (every layer's unless `layerKs` is given).
    let k: Int
    /// Every layer's k, the output LUT last; only when they differ.
    let layerKs: [Int]?
    let hiddenWidths: [Int]
    let seed: UInt64
    let randomLabels: Bool
    let trainExamples: Int
    let testExamples: Int?
    let report: TrainingReport
    let testAccuracyAgainstRandomLabels: Double?
    /// Data-parallel runs: the number of ranks, the width of the summed counters and rank 0's time
    /// per layer.
    var ranks: Int? = nil
    var counterBits: Int? = nil
    var layerTimings: [LayerTiming]? = nil

    /// The report of training a network of `shape`.
    init(data: String, task: String, shape: NetworkShape, seed: UInt64, randomLabels: Bool, trainExamples: Int,
         testExamples: Int?, report: TrainingReport, testAccuracyAgainstRandomLabels: Double?,
         ranks: Int? = nil, counterBits: Int? = nil, layerTimings: [LayerTiming]? = nil) {
        self.data = data
        self.task = task
        self.k = shape.k(layer: 0)
        self.layerKs = shape.uniformK == nil ? shape.layerKs : nil
        self.hiddenWidths = shape.hiddenWidths
        self.seed = seed
        self.randomLabels = randomLabels
        self.trainExamples = trainExamples
        self.testExamples = testExamples
        self.report = report
        self.testAccuracyAgainstRandomLabels = testAccuracyAgainstRandomLabels
        self.ranks = ranks
        self.counterBits = counterBits
        self.layerTimings = layerTimings
    }

    func printTable() { print(tableText(), terminator: "") }

    /// The report as the table `lutnet train` prints.
    func tableText() -> String {
        var lines: [String] = []
        func print(_ line: String) { lines.append(line) }
        print("layer  LUTs   train mean ± std    test mean ± std     seconds")
        for layer in report.layers {
            let name = layer.index == report.layers.count - 1 ? "out" : String(layer.index + 1)
            let test = layer.testAccuracyMean.map {
                String(format: "%.4f ± %.4f", $0, layer.testAccuracyStandardDeviation ?? 0)
            } ?? "-"
            let train = String(format: "%.4f ± %.4f", layer.trainAccuracyMean, layer.trainAccuracyStandardDeviation)
            print(name.padded(6) + " " + String(layer.width).padded(6) + " " + train.padded(19) + " "
                  + test.padded(19) + " " + String(format: "%.3f", layer.seconds))
        }
        print(String(format: "train accuracy %.4f", report.trainAccuracy))
        if let test = report.testAccuracy {
            print(String(format: "test accuracy %.4f%@", test, randomLabels ? " (against the real test labels)" : ""))
        }
        if let random = testAccuracyAgainstRandomLabels {
            print(String(format: "test accuracy %.4f (against random test labels)", random))
        }
        print(String(format: "wall time %.3f s", report.seconds))
        if let ranks, let counterBits, let layerTimings {
            print("")
            print("\(ranks) ranks, \(counterBits)-bit counters; rank 0's time per layer:")
            print("layer  count s   wait s    sum s     evaluate s  bytes summed")
            for (index, timing) in layerTimings.enumerated() {
                let name = index == layerTimings.count - 1 ? "out" : String(index + 1)
                print(name.padded(6) + " " + String(format: "%.4f", timing.counting).padded(9) + " "
                      + String(format: "%.4f", timing.waiting).padded(9) + " "
                      + String(format: "%.4f", timing.reduction).padded(9) + " "
                      + String(format: "%.4f", timing.evaluation).padded(11) + " " + String(timing.bytesReduced))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }
}

extension String {
    /// The string left-aligned in a column of `width` characters.
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
