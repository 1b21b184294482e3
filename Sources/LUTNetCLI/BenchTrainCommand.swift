import ArgumentParser
import Foundation
import LUTNet

/// `lutnet bench train`: training time, batch prediction throughput and peak memory of a network.
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Time each phase of training (load, binarize, train, test evaluation) and batch prediction (release build), and report peak memory."
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var networkOptions: NetworkOptions

    @Option(help: "Timed repetitions; the best is reported.")
    var repetitions: Int = 5

    func run() throws {
        guard networkOptions.preset == nil else {
            var resolved = self
            resolved.dataOptions = dataOptions.resolvingPreset(try networkOptions.presetNetwork(multiClass: false))
            resolved.networkOptions = try networkOptions.resolvingPreset(multiClass: false)
            return try resolved.run()
        }
        if networkOptions.readsClasses {
            throw ConfigurationError.invalidValue(option: "--readout", reason: "bench train times binary networks that learn the task's "
                                                  + "groups; time --readout classes with lutnet train")
        }
        guard repetitions >= 1 else {
            throw ConfigurationError.invalidValue(option: "--repetitions", reason: "must be at least 1")
        }
        let shape = try networkOptions.shape()
        let threshold = try dataOptions.binarizationThreshold()
        let threads = try networkOptions.threadCount()
        var start = ContinuousClock.now
        let task: BinaryTask, location: String, imageShape: [Int]
        let train: BinarizedExamples, test: BinarizedExamples?
        let loadSeconds: Double, binarizeSeconds: Double, loadNote: String, binarizeNote: String
        if try networkOptions.readsThresholdBitsOnly(), let opened = try dataOptions.openForTaskBits() {
            // As `lutnet train` reads an IDX folder: labels first, then each image file inflated and packed in chunks.
            (task, location, imageShape) = (opened.task, opened.folder.location, opened.folder.train.imageShape)
            loadSeconds = (ContinuousClock.now - start).seconds
            start = .now
            (train, test) = try opened.folder.binarized(task: task, threshold: threshold)
            binarizeSeconds = (ContinuousClock.now - start).seconds
            loadNote = "labels and image headers; the images are decoded while binarizing"
            binarizeNote = "gzip IDX decode packed chunk by chunk, training and test splits at the same time"
        } else {
            let dataset = try dataOptions.loadDataset()
            let encoding = try networkOptions.inputEncoding(for: dataset.train)
            (task, location, imageShape) = (try dataOptions.binaryTask(for: dataset), dataset.location,
                                            encoding.encodedShape(dataset.train.imageShape))
            loadSeconds = (ContinuousClock.now - start).seconds
            start = .now
            (train, test) = try BinarizedExamples.splits(of: dataset, task: task, threshold: threshold, encoding: encoding)
            binarizeSeconds = (ContinuousClock.now - start).seconds
            loadNote = "gzip IDX decode, training and test splits at the same time"
            binarizeNote = encoding.isThresholdOnly ? "from the decoded bytes" : "input bits \(encoding), encoded from the decoded bytes"
        }
        let options = try networkOptions.trainingOptions(threads: threads)
        var trainTimes: [Double] = [], trainCPU = Double.infinity
        var network: LUTNetwork?
        var accuracy = 0.0
        for _ in 0..<repetitions {
            let cpu = ProcessCPU.seconds()
            start = .now
            let result = try LUTNetwork.train(on: train, options: options, dataShape: imageShape)
            trainTimes.append((ContinuousClock.now - start).seconds)
            trainCPU = min(trainCPU, ProcessCPU.seconds() - cpu)
            network = result.network
            accuracy = result.report.trainAccuracy
        }
        guard let network else { return }
        // What training with a test split adds: each layer evaluated on the test examples.
        var testLayerTimes = [Double](repeating: .infinity, count: network.layers.count)
        if let test {
            for _ in 0..<repetitions {
                var current = test.inputs
                for (index, layer) in network.layers.enumerated() {
                    start = .now
                    current = layer.evaluate(current, threads: threads)
                    testLayerTimes[index] = min(testLayerTimes[index], (ContinuousClock.now - start).seconds)
                }
            }
        }
        var predictTimes: [Double] = [], predictCPU = Double.infinity
        for _ in 0..<repetitions {
            let cpu = ProcessCPU.seconds()
            let duration = try ContinuousClock().measure { _ = try network.outputs(for: train.inputs, threads: threads) }
            predictTimes.append(duration.seconds)
            predictCPU = min(predictCPU, ProcessCPU.seconds() - cpu)
        }
        let bestTrain = trainTimes.min() ?? 0, bestPredict = predictTimes.min() ?? 0
        let splits = "\(train.count) training" + (test.map { ", \($0.count) test" } ?? "") + " examples"
        print("data            \(location), task \(task), \(splits)")
        print("network         \(shape), seed \(networkOptions.seed), \(threads) threads, kernels \(KernelVariant.active)")
        print(String(format: "load            %.3f s (%@)", loadSeconds, loadNote))
        print(String(format: "binarize        %.3f s (%@)", binarizeSeconds, binarizeNote))
        print(String(format: "train           %.3f s best of %d (median %.3f s; least CPU time %.3f s); train accuracy %.4f",
                     bestTrain, repetitions, trainTimes.sorted()[trainTimes.count / 2], trainCPU, accuracy))
        if let test {
            let layers = testLayerTimes.map { String(format: "%.4f", $0) }.joined(separator: " ")
            print(String(format: "test evaluation %.3f s for %d images, per layer (s): %@", testLayerTimes.reduce(0, +),
                         test.count, layers))
        }
        print(String(format: "predict         %.3f s for %d images: %.0f images/s (least CPU time %.3f s; the %d of %d LUTs the answer reads)",
                     bestPredict, train.count, Double(train.count) / bestPredict, predictCPU,
                     network.answerLUTCount, network.lutCount))
        print(String(format: "peak memory     %.1f MB (maximum resident set)", ProcessMemory.peakResidentMegabytes()))
    }
}

/// The CPU time the process has used, all threads together: on a machine shared with other work it
/// shows what a phase costs when wall-clock times stretch.
enum ProcessCPU {
    /// User and system seconds so far.
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
