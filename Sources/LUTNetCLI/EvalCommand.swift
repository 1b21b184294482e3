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

    func run() throws {
        let network = try modelOptions.load()
        let threads = try modelOptions.threadCount()
        let threshold = try dataOptions.binarizationThreshold(default: network.threshold)
        let task = try dataOptions.task.map { try BinaryTask(parsing: $0) } ?? network.task
        let dataset = try dataOptions.loadDataset()
        guard dataset.train.featureCount == network.inputCount else {
            throw ConfigurationError.inputSizeMismatch(modelInputs: network.inputCount,
                                                       dataFeatures: dataset.train.featureCount,
                                                       source: dataset.train.source)
        }
        let (train, test) = try dataOptions.binarizedSplits(of: dataset, task: task, threshold: threshold)
        print("model \(modelOptions.model): \(network.shape), trained on task \(network.task) at threshold \(network.threshold)")
        print("evaluated on task \(task) at threshold \(threshold)")
        print(String(format: "train accuracy %.4f (%d examples)", try network.accuracy(on: train, threads: threads), train.count))
        if let test {
            print(String(format: "test accuracy %.4f (%d examples)", try network.accuracy(on: test, threads: threads), test.count))
        }
    }
}
