import ArgumentParser
import Foundation
import LUTNet

/// `lutnet bench predict`: how many images a saved model (binary or multi-class) answers per
/// second on the test split of a dataset: from ready input bits, and from the images' bytes (the
/// model's input bits, e.g. a deskew, made inside the timed part).
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
        func predict(_ bits: BitMatrix) throws {
            switch model {
            case .binary(let network): _ = try network.outputs(for: bits, threads: threads)
            case .multiClass(let network): _ = try network.predict(inputs: bits, threads: threads)
            }
        }
        var best = Double.infinity, bestFromBytes = Double.infinity
        for _ in 0..<repetitions {
            var start = ContinuousClock.now
            try predict(bits)
            best = min(best, (ContinuousClock.now - start).seconds)
            start = ContinuousClock.now
            try predict(try model.binarize(images))
            bestFromBytes = min(bestFromBytes, (ContinuousClock.now - start).seconds)
        }
        print(String(format: "%d images (%@), %d classes, %d thread(s): best %.4f s, %.0f images/s; "
                     + "from the images' bytes (input bits made in the timed part): %.4f s, %.0f images/s",
                     images.count, images.source, model.classCount, threads, best, Double(images.count) / best,
                     bestFromBytes, Double(images.count) / bestFromBytes))
    }
}
