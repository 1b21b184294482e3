import ArgumentParser
import Foundation
import LUTNet
import LUTNetBaseline

/// `lutnet compare`: a LUT network and the logistic-regression baseline on the same split.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Train a LUT network, the best preset and the logistic-regression baseline on the same split and print one table.",
        discussion: """
            The first row is the network the options (or --preset) describe, by default the paper's; the \
            second the best preset (left out when --preset best is given, or when it does not apply to the \
            data). All learn from the same examples and, by default, the baseline reads the first network's bits. Prediction time \
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
        _ = try dataOptions.binarizationThreshold()
        let threads = try networkOptions.threadCount()
        _ = try baselineOptions.solverOptions(threads: threads)
        let dataset = try dataOptions.loadDataset()
        let classTask = try dataOptions.classTask(for: dataset)
        // Every row reads the bits of the first network's threshold (a preset's when it names one).
        let threshold = try dataOptions.resolvingPreset(try networkOptions.presetNetwork(multiClass: classTask.isMultiClass))
            .binarizationThreshold()
        let options = try networkOptions.resolvingPreset(multiClass: classTask.isMultiClass)
        let best = try NetworkOptions.preset(Preset.best.name, like: networkOptions).resolvingPreset(multiClass: classTask.isMultiClass)
        let showsBest = networkOptions.preset != Preset.best.name
        switch classTask {
        case .binary(let task):
            if options.readsClasses { try options.checkMultiClass(readingClasses: true) } else { try options.checkBinary() }
            try compare(task, dataset: dataset, threshold: threshold, threads: threads, networks: [options] + (showsBest ? [best] : []))
        case .multiClass(let task):
            try options.checkMultiClass()
            try compare(task, dataset: dataset, threshold: threshold, threads: threads, networks: [options] + (showsBest ? [best] : []))
        }
    }

    /// Prints the comparison in the chosen format.
    private func report(_ comparison: Comparison) throws {
        switch format {
        case .json: try Console.printJSON(comparison)
        case .csv: print(comparison.csv())
        case .md: print(comparison.markdown())
        }
    }

    /// `networks`' rows, then the logistic-regression baseline's on the bits the first network reads.
    private func compare(_ task: BinaryTask, dataset: Dataset, threshold: UInt8, threads: Int, networks: [NetworkOptions]) throws {
        var rows: [ComparisonRow] = []
        var bits: (train: BinarizedExamples, test: BinarizedExamples?)?
        for (index, options) in networks.enumerated() {
            do {
                if options.readsClasses {
                    rows.append(try classesRow(task, options: options, dataset: dataset, threshold: threshold, threads: threads))
                    if bits == nil {
                        bits = try BinarizedExamples.splits(of: dataset, task: task, threshold: threshold,
                                                            encoding: try options.inputEncoding(for: dataset.train))
                    }
                    continue
                }
                let shape = try options.shape()
                let encoding = try options.inputEncoding(for: dataset.train)
                let (train, test) = try BinarizedExamples.splits(of: dataset, task: task, threshold: threshold, encoding: encoding)
                if bits == nil { bits = (train, test) }
                let training = try options.trainingOptions(threads: threads)
                let dataShape = encoding.encodedShape(dataset.train.imageShape)
                let examples = try training.augmentation.trainingCount(train.count, inputCount: train.inputs.rowCount, encoding: encoding, dataShape: dataShape,
                                                                       given: training.imageShape)
                Console.progress("training the LUT network (\(shape)) on \(examples) examples"
                                 + "\(training.augmentation.reportText(originals: train.count)), task \(task)")
                let trained = try LUTNetwork.train(on: train, options: training, dataShape: dataShape)
                let network = trained.network, report = trained.report
                let (testAccuracy, networkPredictSeconds) = try fastestRun(of: TaskBaseline.predictionRuns) {
                    try test.map { try network.accuracy(on: $0, threads: threads) }
                }
                let details = [shape.description] + (training.wiring.isRandom ? [] : ["wiring \(training.wiring)"])
                    + (encoding.isThresholdOnly ? [] : ["input bits \(encoding)"])
                    + (training.augmentation.isNone ? [] : ["augmented \(training.augmentation)"])
                rows.append(ComparisonRow(
                    method: "LUT network (\(details.joined(separator: ", ")))", trainAccuracy: report.trainAccuracy, testAccuracy: testAccuracy,
                    trainingSeconds: report.seconds,
                    predictionSecondsPerImage: test.map { networkPredictSeconds / Double(max($0.count, 1)) },
                    modelBytes: ModelFile.encode(network).count))
            } catch where index > 0 {
                Console.progress("note: the \(Preset.best.name) preset does not apply to this data (\(error)); its row is left out")
            }
        }
        guard let (train, test) = bits else { return }
        Console.progress("fitting the logistic-regression baseline (C = \(baselineOptions.c), \(baselineOptions.features))")
        // The bits the first network learned from, not a second binarization of the pixels.
        let baseline = try baselineOptions.fit(dataset: dataset, task: task, threshold: threshold, threads: threads,
                                               binarized: (train, test))
        rows.append(ComparisonRow(
            method: "logistic regression (C = \(baselineOptions.c), \(baseline.kind))",
            trainAccuracy: baseline.trainAccuracy, testAccuracy: baseline.testAccuracy,
            trainingSeconds: baseline.fit.seconds,
            predictionSecondsPerImage: baseline.testPredictSeconds.map { $0 / Double(max(baseline.testExamples ?? 1, 1)) },
            modelBytes: (baseline.featureCount + 1) * MemoryLayout<Double>.size))
        try report(Comparison(data: dataset.location, task: task.description, threshold: Int(threshold),
                              trainExamples: train.count, testExamples: test?.count, rows: rows))
    }

    /// The row of a binary task read through its classes: one-vs-rest networks of the task's
    /// labels, scored on the groups of the classes they answer.
    private func classesRow(_ task: BinaryTask, options: NetworkOptions, dataset: Dataset, threshold: UInt8,
                            threads: Int) throws -> ComparisonRow {
        let classes = try MultiClassTask(classesOf: task)
        let (lut, network) = try multiClassRow(classes, options: options, dataset: dataset, threshold: threshold, threads: threads)
        let grouped = try network.readingGroups(of: task)
        let (testAccuracy, seconds) = try fastestRun(of: TaskBaseline.predictionRuns) {
            try dataset.test.map { try grouped.groupAccuracy(on: $0, threads: threads) }
        }
        let test = dataset.test.map { task.select(from: $0.labels).indices.count }
        return ComparisonRow(method: lut.method.replacingOccurrences(of: "LUT networks, one per class", with: "LUT networks, one per class of \(task)"),
                             trainAccuracy: try grouped.groupAccuracy(on: dataset.train, threads: threads), testAccuracy: testAccuracy,
                             trainingSeconds: lut.trainingSeconds,
                             predictionSecondsPerImage: test.map { seconds / Double(max($0, 1)) },
                             modelBytes: ModelFile.encode(grouped).count)
    }

    /// One-vs-rest networks on a multi-class task: their row and model.
    private func multiClassRow(_ task: MultiClassTask, options: NetworkOptions, dataset: Dataset, threshold: UInt8,
                               threads: Int) throws -> (ComparisonRow, MultiClassNetwork) {
        let shape = try options.multiClassShape()
        let (train, test) = try options.multiClassSplits(of: dataset, task: task, threshold: threshold)
        let wiring = try options.multiClassWiring(for: train, shape: shape)
        let training = try options.multiClassTrainingOptions(shape: shape, wiring: wiring, threads: threads)
        let examples = try training.augmentation.trainingCount(train.count, inputCount: train.inputs.rowCount, encoding: train.encoding,
                                                                    dataShape: train.imageShape)
        Console.progress("training \(task.classCount) one-vs-rest LUT networks (\(shape.perClassDescription)) on \(examples) examples"
                         + "\(training.augmentation.reportText(originals: train.count)), task \(task)")
        let trained = try MultiClassNetwork.train(on: train, options: training)
        let (testConfusion, predictSeconds) = try fastestRun(of: TaskBaseline.predictionRuns) {
            try test.map { try trained.network.confusion(on: $0, threads: threads) }
        }
        let row = ComparisonRow(
            method: "LUT networks, one per class (\(shape.perClassDescription)\(wiring.isRandom ? "" : ", " + wiring.multiClassSummary)"
                + (train.encoding.isThresholdOnly ? "" : ", input bits \(train.encoding)")
                + (training.augmentation.isNone ? "" : ", augmented \(training.augmentation)") + ")",
            trainAccuracy: trained.trainConfusion.accuracy, testAccuracy: testConfusion?.accuracy,
            trainingSeconds: trained.seconds,
            predictionSecondsPerImage: test.map { predictSeconds / Double(max($0.count, 1)) },
            modelBytes: ModelFile.encode(trained.network).count)
        return (row, trained.network)
    }

    /// `networks`' rows beside the multinomial baseline's on a multi-class task, the baseline on
    /// the bits the first network reads.
    private func compare(_ task: MultiClassTask, dataset: Dataset, threshold: UInt8, threads: Int, networks: [NetworkOptions]) throws {
        var rows: [ComparisonRow] = []
        for (index, options) in networks.enumerated() {
            do {
                rows.append(try multiClassRow(task, options: options, dataset: dataset, threshold: threshold, threads: threads).0)
            } catch where index > 0 {
                Console.progress("note: the \(Preset.best.name) preset does not apply to this data (\(error)); its row is left out")
            }
        }
        let (train, test) = try networks[0].multiClassSplits(of: dataset, task: task, threshold: threshold)
        Console.progress("fitting the multinomial logistic-regression baseline (C = \(baselineOptions.c), \(baselineOptions.features))")
        let baselineOptions = try self.baselineOptions.multinomialOptions(threads: threads)
        // The bits the first networks read: the images encoded by their input bits.
        let encoding = train.encoding
        let bits = encoding.isThresholdOnly ? dataset
            : try Dataset(train: try encoding.encode(dataset.train), test: try dataset.test.map { try encoding.encode($0) },
                          location: dataset.location)
        let (baseline, _) = try MultiClassBaselineRun.fit(dataset: bits, task: task, threshold: threshold,
                                                          options: baselineOptions, features: self.baselineOptions.features)
        rows.append(ComparisonRow(
            method: "multinomial logistic regression (C = \(baseline.c), \(baseline.features))",
            trainAccuracy: baseline.trainAccuracy, testAccuracy: baseline.testAccuracy, trainingSeconds: baseline.fitSeconds,
            predictionSecondsPerImage: baseline.predictSeconds.map { $0 / Double(max(baseline.testExamples ?? 1, 1)) },
            modelBytes: task.classCount * (bits.train.featureCount + 1) * MemoryLayout<Double>.size))
        try report(Comparison(data: dataset.location, task: task.description, threshold: Int(threshold),
                              trainExamples: train.count, testExamples: test?.count, rows: rows))
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
