import ArgumentParser
import Foundation
import LUTNet
import LUTNetBaseline

/// `lutnet compare`: a LUT network and the logistic-regression baseline on the same split.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Train a LUT network and the logistic-regression baseline on the same split and print one table.",
        discussion: """
            Both learn from the same examples and, by default, the same binarized bits. Prediction time \
            per image is measured on the test split from ready features (bits for the network, the \
            feature matrix for the baseline), the fastest of three runs for each. Model size is the \
            network's model file and the baseline's weights and bias as 64-bit floats.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, csv, json
    }

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var networkOptions: NetworkOptions
    @OptionGroup var baselineOptions: BaselineOptions

    @Option(help: "Output format: md (a Markdown table), csv or json.")
    var format: Format = .md

    func run() throws {
        let threshold = try dataOptions.binarizationThreshold()
        let threads = try networkOptions.threadCount()
        _ = try baselineOptions.solverOptions(threads: threads)
        let dataset = try dataOptions.loadDataset()
        let task: BinaryTask
        switch try dataOptions.classTask(for: dataset) {
        case .binary(let binary):
            task = binary
            try networkOptions.checkBinary()
        case .multiClass(let multiClass):
            try networkOptions.checkMultiClass()
            return try compare(multiClass, dataset: dataset, threshold: threshold, threads: threads)
        }
        let shape = try networkOptions.shape()
        let encoding = try networkOptions.inputEncoding(for: dataset.train)
        let (train, test) = try BinarizedExamples.splits(of: dataset, task: task, threshold: threshold, encoding: encoding)

        Console.progress("training the LUT network (\(shape)) on \(train.count) examples, task \(task)")
        let options = try networkOptions.trainingOptions(threads: threads)
        let trained = try LUTNetwork.train(on: train, options: options, dataShape: encoding.encodedShape(dataset.train.imageShape))
        let network = trained.network, report = trained.report
        let (testAccuracy, networkPredictSeconds) = try fastestRun(of: TaskBaseline.predictionRuns) {
            try test.map { try network.accuracy(on: $0, threads: threads) }
        }
        let details = [shape.description] + (options.wiring.isRandom ? [] : ["wiring \(options.wiring)"])
            + (encoding.isThresholdOnly ? [] : ["input bits \(encoding)"])
        let lut = ComparisonRow(
            method: "LUT network (\(details.joined(separator: ", ")))", trainAccuracy: report.trainAccuracy, testAccuracy: testAccuracy,
            trainingSeconds: report.seconds,
            predictionSecondsPerImage: test.map { networkPredictSeconds / Double(max($0.count, 1)) },
            modelBytes: ModelFile.encode(network).count)

        Console.progress("fitting the logistic-regression baseline (C = \(baselineOptions.c), \(baselineOptions.features))")
        // The bits the network learned from, not a second binarization of the pixels.
        let baseline = try baselineOptions.fit(dataset: dataset, task: task, threshold: threshold, threads: threads,
                                               binarized: (train, test))
        let regression = ComparisonRow(
            method: "logistic regression (C = \(baselineOptions.c), \(baseline.kind))",
            trainAccuracy: baseline.trainAccuracy, testAccuracy: baseline.testAccuracy,
            trainingSeconds: baseline.fit.seconds,
            predictionSecondsPerImage: baseline.testPredictSeconds.map { $0 / Double(max(baseline.testExamples ?? 1, 1)) },
            modelBytes: (baseline.featureCount + 1) * MemoryLayout<Double>.size)

        let comparison = Comparison(data: dataset.location, task: task.description, threshold: Int(threshold),
                                    trainExamples: train.count, testExamples: test?.count, rows: [lut, regression])
        switch format {
        case .json: try Console.printJSON(comparison)
        case .csv: print(comparison.csv())
        case .md: print(comparison.markdown())
        }
    }
}

extension CompareCommand {
    /// The one-vs-rest LUT networks beside the multinomial baseline on a multi-class task.
    func compare(_ task: MultiClassTask, dataset: Dataset, threshold: UInt8, threads: Int) throws {
        let shape = try networkOptions.multiClassShape()
        let wiring = try networkOptions.multiClassWiring(for: dataset.train, shape: shape)
        let train = try MultiClassExamples(images: dataset.train, task: task, threshold: threshold, split: dataset.train.source)
        let test = try dataset.test.map {
            try MultiClassExamples(images: $0, task: task, threshold: threshold, split: $0.source, everyClass: false)
        }
        Console.progress("training \(task.classCount) one-vs-rest LUT networks (\(shape.perClassDescription)) on \(train.count) examples, task \(task)")
        var options = MultiClassTrainingOptions(shape: shape, seed: networkOptions.seed, wiring: wiring, threads: threads)
        options.sharedFirstLayer = networkOptions.sharedFirstLayer
        options.alternateHalves = networkOptions.alternateHalves
        let trained = try MultiClassNetwork.train(on: train, options: options)
        let (testConfusion, predictSeconds) = try fastestRun(of: TaskBaseline.predictionRuns) {
            try test.map { try trained.network.confusion(on: $0, threads: threads) }
        }
        let lut = ComparisonRow(
            method: "LUT networks, one per class (\(shape.perClassDescription)\(wiring.isRandom ? "" : ", " + wiring.multiClassSummary))",
            trainAccuracy: trained.trainConfusion.accuracy, testAccuracy: testConfusion?.accuracy,
            trainingSeconds: trained.seconds,
            predictionSecondsPerImage: test.map { predictSeconds / Double(max($0.count, 1)) },
            modelBytes: ModelFile.encode(trained.network).count)
        Console.progress("fitting the multinomial logistic-regression baseline (C = \(baselineOptions.c), \(baselineOptions.features))")
        let baselineOptions = try self.baselineOptions.multinomialOptions(threads: threads)
        let (baseline, _) = try MultiClassBaselineRun.fit(dataset: dataset, task: task, threshold: threshold,
                                                          options: baselineOptions, features: self.baselineOptions.features)
        let regression = ComparisonRow(
            method: "multinomial logistic regression (C = \(baseline.c), \(baseline.features))",
            trainAccuracy: baseline.trainAccuracy, testAccuracy: baseline.testAccuracy, trainingSeconds: baseline.fitSeconds,
            predictionSecondsPerImage: baseline.predictSeconds.map { $0 / Double(max(baseline.testExamples ?? 1, 1)) },
            modelBytes: task.classCount * (dataset.train.featureCount + 1) * MemoryLayout<Double>.size)
        let comparison = Comparison(data: dataset.location, task: task.description, threshold: Int(threshold),
                                    trainExamples: train.count, testExamples: test?.count, rows: [lut, regression])
        switch format {
        case .json: try Console.printJSON(comparison)
        case .csv: print(comparison.csv())
        case .md: print(comparison.markdown())
        }
    }
}

/// One method's figures in a comparison.
struct ComparisonRow: Codable {
    let method: String
    let trainAccuracy: Double
    let testAccuracy: Double?
    let trainingSeconds: Double
    let predictionSecondsPerImage: Double?
    let modelBytes: Int
}

/// What `lutnet compare` reports.
struct Comparison: Codable {
    let data: String
    let task: String
    let threshold: Int
    let trainExamples: Int
    let testExamples: Int?
    let rows: [ComparisonRow]

    func markdown() -> String {
        var lines = ["Data \(data), task \(task), threshold \(threshold): \(trainExamples) training and "
                     + "\(testExamples.map(String.init) ?? "no") test examples.", "",
                     "| method | train accuracy | test accuracy | training s | prediction µs/image | model bytes |",
                     "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for row in rows {
            lines.append("| \(row.method) | \(String(format: "%.4f", row.trainAccuracy)) | "
                         + "\(row.testAccuracy.map { String(format: "%.4f", $0) } ?? "-") | "
                         + "\(String(format: "%.3f", row.trainingSeconds)) | "
                         + "\(row.predictionSecondsPerImage.map { String(format: "%.3f", $0 * 1e6) } ?? "-") | "
                         + "\(row.modelBytes) |")
        }
        return lines.joined(separator: "\n")
    }

    func csv() -> String {
        var lines = ["method,train_accuracy,test_accuracy,training_seconds,prediction_seconds_per_image,model_bytes"]
        for row in rows {
            let method = "\"" + row.method.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            lines.append([method, String(row.trainAccuracy), row.testAccuracy.map { String($0) } ?? "",
                          String(row.trainingSeconds), row.predictionSecondsPerImage.map { String($0) } ?? "",
                          String(row.modelBytes)].joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }
}
