import ArgumentParser
import Foundation
import LUTNet

/// `lutnet bench predict`: how many images a saved model (binary or multi-class) answers per
/// second, from ready bits, on the test split of a dataset.
struct BenchPredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Prediction throughput of a saved model on a dataset's test split (best of --repetitions)."
    )

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Dataset whose test split (else training split) is predicted.")
    var data: String = DatasetLoader.defaultLocation

    @Option(help: "Timed repetitions; the best is reported.")
    var repetitions: Int = 5

    func run() throws {
        guard repetitions >= 1 else {
            throw ConfigurationError.invalidValue(option: "--repetitions", reason: "\(repetitions); use 1 or more")
        }
        let model = try modelOptions.loadModel()
        let threads = try modelOptions.threadCount()
        let dataset = try DatasetLoader.load(path: data)
        let images = dataset.test ?? dataset.train
        let bits = try model.binarize(images)
        var best = Double.infinity
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            switch model {
            case .binary(let network): _ = try network.outputs(for: bits, threads: threads)
            case .multiClass(let network): _ = try network.predict(inputs: bits, threads: threads)
            }
            best = min(best, (ContinuousClock.now - start).seconds)
        }
        print(String(format: "%d images (%@), %d classes, %d thread(s): best %.4f s, %.0f images/s",
                     images.count, images.source, model.classCount, threads, best, Double(images.count) / best))
    }
}
