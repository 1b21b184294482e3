import Foundation
import LUTNet

/// `lutnet train` on a multi-class task: one-vs-rest networks, the readout per layer, and the
/// final model's accuracy, per-class accuracy and confusion matrix; for a binary task read through
/// its classes (`--readout classes`), also the accuracy of the groups.
struct MultiClassTrainRun {
    let dataset: Dataset
    let task: MultiClassTask
    /// The binary task whose groups the model answers, nil for a multi-class task.
    let groups: BinaryTask?
    let threshold: UInt8
    let networkOptions: NetworkOptions
    let confusion: String?
    let save: String?
    let json: Bool

    /// What `lutnet train --json` prints for a multi-class task.
    struct Result: Codable {
        let data: String
        let task: String
        let k: Int
        let widths: [Int]
        let window: Int?
        let wiring: String
        let inputBits: String
        /// `--augment`, when given: `trainExamples` counts the copies.
        let augment: String?
        let seed: UInt64
        let trainExamples: Int
        let testExamples: Int?
        let layers: [Layer]
        let seconds: Double
        let train: MultiClassReport
        let test: MultiClassReport?
        /// For a binary task read through its classes: the task and its accuracies.
        let groups: Groups?

        /// The accuracy of a binary task read through the classes.
        struct Groups: Codable {
            let task: String
            let trainAccuracy: Double
            let testAccuracy: Double?
        }

        /// One layer's readout.
        struct Layer: Codable {
            let index: Int
            let width: Int
            let trainAccuracy: Double
            let testAccuracy: Double?
            let summedVotesTestAccuracy: Double?
            let seconds: Double
        }
    }

    func run() throws {
        let shape = try networkOptions.multiClassShape()
        let threads = try networkOptions.threadCount()
        let (train, test) = try networkOptions.multiClassSplits(of: dataset, task: task, threshold: threshold)
        let wiring = try networkOptions.multiClassWiring(for: train, shape: shape)
        let seed = networkOptions.seed
        let options = try networkOptions.multiClassTrainingOptions(shape: shape, wiring: wiring, threads: threads)
        let examples = try options.augmentation.trainingCount(train.count, inputCount: train.inputs.rowCount, encoding: train.encoding,
                                                                   dataShape: train.imageShape)
        Console.progress("training \(task.classCount) one-vs-rest networks of \(shape.perClassDescription) on \(examples) examples of "
                         + "\(train.inputs.rowCount) bits\(options.augmentation.reportText(originals: train.count)), task \(task), "
                         + "\(wiring.multiClassSummary), seed \(seed)"
                         + (train.encoding.isThresholdOnly ? "" : ", input bits \(train.encoding)"))
        var trained = try MultiClassNetwork.train(on: train, test: test, options: options) { layer in
            Console.progress(String(format: "layer %d done in %.3f s", layer.index + 1, layer.seconds))
        }
        if let groups { trained = try trained.readingGroups(of: groups) }
        if let save {
            try ModelFile.save(trained.network, to: save)
            Console.progress("saved \(save)")
        }
        let names = MultiClassReport.names(of: task)
        if let confusion, let matrix = trained.testConfusion ?? Optional(trained.trainConfusion) {
            try MultiClassReport.write(matrix, names: names, to: confusion,
                                       title: "LUT network, \(trained.testConfusion == nil ? "training" : "test") split")
        }
        let result = Result(
            data: dataset.location, task: task.description, k: shape.k(layer: 0), widths: shape.hiddenWidths, window: wiring.window,
            wiring: wiring.description, inputBits: train.encoding.description,
            augment: options.augmentation.isNone ? nil : options.augmentation.description, seed: seed,
            trainExamples: examples, testExamples: test?.count,
            layers: trained.layers.map { Result.Layer(index: $0.index, width: $0.width, trainAccuracy: $0.trainAccuracy,
                                                      testAccuracy: $0.testAccuracy,
                                                      summedVotesTestAccuracy: $0.summedVotesTestAccuracy, seconds: $0.seconds) },
            seconds: trained.seconds,
            train: MultiClassReport(split: "train", matrix: trained.trainConfusion),
            test: trained.testConfusion.map { MultiClassReport(split: "test", matrix: $0) },
            groups: trained.network.groupOfClass.map { groupOfClass in
                Result.Groups(task: groups?.description ?? "", trainAccuracy: trained.trainConfusion.groupAccuracy(groupOfClass: groupOfClass),
                              testAccuracy: trained.testConfusion?.groupAccuracy(groupOfClass: groupOfClass))
            })
        if json { try Console.printJSON(result); return }
        print("layer  LUTs/class  train    test     summed   seconds   (readout from this layer's votes; summed: of the layers so far, test)")
        for layer in result.layers {
            print(String(layer.index + 1).padded(6) + " " + String(layer.width).padded(11) + " "
                  + String(format: "%.4f", layer.trainAccuracy).padded(8) + " "
                  + (layer.testAccuracy.map { String(format: "%.4f", $0) } ?? "-").padded(8) + " "
                  + (layer.summedVotesTestAccuracy.map { String(format: "%.4f", $0) } ?? "-").padded(8) + " "
                  + String(format: "%.3f", layer.seconds))
        }
        result.train.printTable(names: names)
        result.test?.printTable(names: names)
        if let groups = result.groups {
            print("task \(groups.task) read through its classes: " + String(format: "train accuracy %.4f", groups.trainAccuracy)
                  + (groups.testAccuracy.map { String(format: ", test accuracy %.4f", $0) } ?? ""))
        }
        print(String(format: "wall time %.3f s", result.seconds))
    }
}

extension WiringSpec {
    /// The wiring of a multi-class model in a few words: `6×6 windows` for `local:6`, `no windows`
    /// for random, else `wiring hier:6,32,2`.
    var multiClassSummary: String {
        guard let window else { return "no windows" }
        return isWindowOnly ? "\(window)×\(window) windows" : "wiring \(self)"
    }
}
