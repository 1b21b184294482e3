import ArgumentParser
import Foundation
import LUTNet

/// `lutnet eval`: accuracy of a saved model on a dataset.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Accuracy of a saved model on the training and test splits of a dataset (task: the model's unless --task is given)."
    )

    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Multi-class models: write the test confusion matrix (else the training one) to PREFIX.csv and PREFIX.svg.")
    var confusion: String?

    func run() throws {
        let network: LUTNetwork
        switch try modelOptions.loadModel() {
        case .binary(let binary):
            network = binary
            try MultiClassReport.refuseForBinary(confusion)
        case .multiClass(let multiClass): return try evaluate(multiClass)
        }
        let threads = try modelOptions.threadCount()
        let threshold = try dataOptions.binarizationThreshold(default: network.threshold)
        let task = try dataOptions.task.map { try BinaryTask(parsing: $0) } ?? network.task
        let dataset = try dataOptions.loadDataset()
        guard dataset.train.featureCount == network.featureCount else {
            throw ConfigurationError.inputSizeMismatch(modelInputs: network.featureCount,
                                                       dataFeatures: dataset.train.featureCount,
                                                       source: dataset.train.source)
        }
        let (train, test) = try BinarizedExamples.splits(of: dataset, task: task, threshold: threshold, encoding: network.encoding)
        print("model \(modelOptions.model): \(network.shape)\(network.wiring.isRandom ? "" : ", wiring \(network.wiring)")"
              + (network.encoding.isThresholdOnly ? "" : ", input bits \(network.encoding)")
              + ", trained on task \(network.task) at threshold \(network.threshold)")
        print("evaluated on task \(task) at threshold \(threshold)")
        print(String(format: "train accuracy %.4f (%d examples)", try network.accuracy(on: train, threads: threads), train.count))
        if let test {
            print(String(format: "test accuracy %.4f (%d examples)", try network.accuracy(on: test, threads: threads), test.count))
        }
    }

    /// Accuracy, per-class accuracy and confusion matrix of a multi-class model on its task (or
    /// `--task`, a multi-class task of as many classes) over the dataset's splits.
    func evaluate(_ network: MultiClassNetwork) throws {
        let threads = try modelOptions.threadCount()
        let threshold = try dataOptions.binarizationThreshold(default: network.threshold)
        let dataset = try dataOptions.loadDataset()
        var task = network.task
        if dataOptions.task != nil, network.groups == nil {
            guard case .multiClass(let given) = try dataOptions.classTask(for: dataset), given.classCount == network.classCount else {
                throw ConfigurationError.invalidValue(option: "--task", reason: "the model tells \(network.classCount) classes apart; "
                                                      + "give a task of as many groups")
            }
            task = given
        }
        guard dataset.train.featureCount == network.featureCount else {
            throw ConfigurationError.inputSizeMismatch(modelInputs: network.featureCount, dataFeatures: dataset.train.featureCount,
                                                       source: dataset.train.source)
        }
        print("model \(modelOptions.model): \(network.classCount) one-vs-rest networks of \(network.classLayers[0].map { String($0.width) }.joined(separator: ",")) LUTs, "
              + "k = \(network.k), \(network.wiring.multiClassSummary)"
              + (network.encoding.isThresholdOnly ? "" : ", input bits \(network.encoding)")
              + ", trained on task \(network.task) at threshold \(network.threshold)"
              + (network.groups.map { ", answering the groups of \($0)" } ?? ""))
        if let groups = network.groups {
            // A binary task read through its classes: the accuracy of its groups.
            let binaryTask = try dataOptions.task.map { try BinaryTask(parsing: $0) } ?? groups
            guard threshold == network.threshold else {
                throw ConfigurationError.invalidValue(option: "--threshold", reason: "the model answers \(groups) through its classes at "
                                                      + "threshold \(network.threshold); evaluate it there")
            }
            print("evaluated on task \(binaryTask) through the model's classes at threshold \(threshold)")
            for (name, images) in [("train", dataset.train), ("test", dataset.test)] {
                guard let images else { continue }
                let accuracy = try network.groupAccuracy(on: images, task: binaryTask, threads: threads)
                print(String(format: "%@ accuracy %.4f (%d examples)", name, accuracy, binaryTask.select(from: images.labels).indices.count))
            }
            return
        }
        print("evaluated on task \(task) at threshold \(threshold)")
        let names = MultiClassReport.names(of: task)
        var last: ConfusionMatrix?
        for (name, images) in [("train", dataset.train), ("test", dataset.test)] {
            guard let images else { continue }
            let examples = try MultiClassExamples(images: images, task: task, threshold: threshold, split: images.source, everyClass: false,
                                                  encoding: network.encoding)
            let predicted = try network.predict(inputs: examples.inputs, threads: threads)
            let matrix = ConfusionMatrix(actual: examples.classes, predicted: predicted, classCount: task.classCount)
            MultiClassReport(split: name, matrix: matrix).printTable(names: names)
            last = matrix
        }
        if let confusion, let last {
            try MultiClassReport.write(last, names: names, to: confusion, title: "LUT network \(modelOptions.model)")
        }
    }
}
