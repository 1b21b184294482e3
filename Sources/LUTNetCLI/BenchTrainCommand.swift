import ArgumentParser
import Foundation
import LUTNet

/// `lutnet bench train`: training time, batch prediction throughput and peak memory of a network.
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Time memorization training and batch prediction (release build), and report peak memory."
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var networkOptions: NetworkOptions

    @Option(help: "Timed repetitions; the best is reported.")
    var repetitions: Int = 5

    func run() throws {
        guard repetitions >= 1 else {
            throw ConfigurationError.invalidValue(option: "--repetitions", reason: "must be at least 1")
        }
        let shape = try networkOptions.shape()
        let threshold = try dataOptions.binarizationThreshold()
        let threads = try networkOptions.threadCount()
        var start = ContinuousClock.now
        let dataset = try dataOptions.loadDataset()
        let task = try dataOptions.binaryTask(for: dataset)
        let loadSeconds = (ContinuousClock.now - start).seconds
        start = .now
        let (train, _) = try dataOptions.binarizedSplits(of: dataset, task: task, threshold: threshold)
        let binarizeSeconds = (ContinuousClock.now - start).seconds
        let options = TrainingOptions(shape: shape, seed: networkOptions.seed, threads: threads)
        var trainTimes: [Double] = []
        var network: LUTNetwork?
        var accuracy = 0.0
        for _ in 0..<repetitions {
            let result = try LUTNetwork.train(on: train, options: options)
            let trained = result.network, report = result.report
            trainTimes.append(result.report.seconds)
            network = trained
            accuracy = report.trainAccuracy
        }
        guard let network else { return }
        var predictTimes: [Double] = []
        for _ in 0..<repetitions {
            let duration = try ContinuousClock().measure { _ = try network.outputs(for: train.inputs, threads: threads) }
            predictTimes.append(duration.seconds)
        }
        let bestTrain = trainTimes.min() ?? 0, bestPredict = predictTimes.min() ?? 0
        print("data            \(dataset.location), task \(task), \(train.count) training examples")
        print("network         \(shape), seed \(networkOptions.seed), \(threads) threads, kernels \(KernelInfo.variantName)")
        print(String(format: "load            %.3f s (gzip IDX decode)", loadSeconds))
        print(String(format: "binarize        %.3f s", binarizeSeconds))
        print(String(format: "train           %.3f s best of %d (median %.3f s); train accuracy %.4f",
                     bestTrain, repetitions, trainTimes.sorted()[trainTimes.count / 2], accuracy))
        print(String(format: "predict         %.3f s for %d images: %.0f images/s", bestPredict, train.count,
                     Double(train.count) / bestPredict))
        print(String(format: "peak memory     %.1f MB (maximum resident set)", ProcessMemory.peakResidentMegabytes()))
    }
}

/// The process's own memory use.
enum ProcessMemory {
    /// The process's maximum resident set size so far, in megabytes.
    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
