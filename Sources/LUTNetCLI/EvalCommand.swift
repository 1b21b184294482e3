import ArgumentParser
import Foundation
import LUTNet

/// `lutnet eval`: accuracy of a saved model on a dataset.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Accuracy of a saved model on the training and test splits of a dataset."
    )

    @Option(help: "A model file written by 'lutnet train --save'.")
    var model: String

    @Option(help: "Dataset (a folder of gzipped IDX files, or another supported source).")
    var data: String = DatasetLoader.defaultLocation

    @Option(help: "Test data, when --data holds only a training split.")
    var test: String?

    @Option(help: "Binary task (default: the task the model was trained on).")
    var task: String?

    @Option(help: "Worker threads (default: every core).")
    var threads: Int = ParallelWork.defaultThreads

    func run() throws {
        let network = try ModelFile.load(from: model)
        let task = try self.task.map { try BinaryTask(parsing: $0) } ?? network.task
        let options = try DataOptions.parse(["--data", data, "--task", task.description,
                                             "--threshold", String(network.threshold)]
                                            + (test.map { ["--test", $0] } ?? []))
        let dataset = try options.loadDataset()
        guard dataset.train.featureCount == network.inputCount else {
            throw ConfigurationError.inputSizeMismatch(modelInputs: network.inputCount,
                                                       dataFeatures: dataset.train.featureCount,
                                                       source: dataset.train.source)
        }
        let (train, testSplit) = try options.binarizedSplits(of: dataset, task: task, threshold: network.threshold)
        print("model \(model): \(network.shape), task \(network.task), threshold \(network.threshold)")
        print(String(format: "train accuracy %.4f (%d examples)", try network.accuracy(on: train, threads: threads), train.count))
        if let testSplit {
            print(String(format: "test accuracy %.4f (%d examples)", try network.accuracy(on: testSplit, threads: threads), testSplit.count))
        }
    }
}

/// `lutnet predict`: a saved model's answer for every image of an IDX file.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Print a saved model's answer (0 or 1) for every image of an IDX image file, one per line."
    )

    @Option(help: "A model file written by 'lutnet train --save'.")
    var model: String

    @Argument(help: "An IDX image file (N×H×W or N×H×W×C unsigned bytes), gzipped or plain.")
    var file: String

    @Option(help: "Worker threads (default: every core).")
    var threads: Int = ParallelWork.defaultThreads

    func run() throws {
        let network = try ModelFile.load(from: model)
        let set = try ImageSet(unlabeled: try IDXTensor.read(path: file))
        let predictions = try network.predict(set, threads: threads)
        var output = ""
        output.reserveCapacity(predictions.count * 2)
        for p in predictions { output += p == 0 ? "0\n" : "1\n" }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
