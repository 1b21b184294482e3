import Foundation
import LUTNet

/// Accuracy against wiring: networks of several wirings, fan-ins and sizes on one binary task,
/// several seeds each, beside the paper's random wiring. Its records accumulate in `wiring.csv` (one
/// per network, see `WiringLog`); `wiring.md` and `wiring.svg` report the sweep.
package struct WiringExperiment: Sendable {
    /// One configuration of the sweep.
    package struct Configuration: Sendable, Hashable {
        /// How LUTs choose their inputs.
        package let wiring: WiringSpec
        /// The topology.
        package let shape: NetworkShape
        /// The bits read of each pixel (the threshold bits alone by default).
        package let inputBits: [InputBitFamily]

        /// A configuration.
        package init(wiring: WiringSpec, shape: NetworkShape, inputBits: [InputBitFamily] = [.threshold]) {
            self.wiring = wiring
            self.shape = shape
            self.inputBits = inputBits.sorted()
        }

        /// Whether the network reads the threshold bits alone.
        package var readsThresholdBitsOnly: Bool { inputBits == [.threshold] }

        /// The input bits as `--input-bits` writes them.
        package var inputBitsText: String { InputBitFamily.text(of: inputBits) }

        /// `wiring k=K LAYERS`, e.g. `hier:7,64,4 k=10 5x1024`, then `bits=…` when more than the
        /// threshold bits are read.
        package var name: String { nameParts.filter { !$0.isEmpty }.joined(separator: " ") }

        /// The four words of `name`: wiring, `k=K`, layers, and `bits=…` (empty for the threshold
        /// bits alone).
        var nameParts: [String] {
            ["\(wiring)", "k=\(shape.ks)", ExperimentRun.layersText(shape.hiddenWidths), readsThresholdBitsOnly ? "" : "bits=\(inputBitsText)"]
        }

        /// The `lutnet train` options that train this network.
        package var commandLine: String {
            "--k \(shape.ks) --layers \(ExperimentRun.layersText(shape.hiddenWidths))" + (wiring.isRandom ? "" : " --wiring \(wiring)")
                + (readsThresholdBitsOnly ? "" : " --input-bits \(inputBitsText)")
        }
    }

    /// One trained network's figures.
    package struct Result: Sendable {
        /// Its configuration.
        package let configuration: Configuration
        /// Its seed.
        package let seed: UInt64
        /// Accuracy on the training split.
        package let trainAccuracy: Double
        /// Accuracy on the test split.
        package let testAccuracy: Double
        /// Training seconds (wiring included).
        package let seconds: Double
        /// Bytes of its model file.
        package let modelBytes: Int
    }

    /// The data's name, for the reports.
    package let data: String
    /// The binary task.
    package let task: BinaryTask
    /// Binarization threshold.
    package let threshold: UInt8
    /// The configurations, in report order; the paper's network (or else the first) is the
    /// reference for training time.
    package let configurations: [Configuration]
    /// Seeds per configuration (0, 1, …).
    package let seeds: Int

    /// A sweep of every input bits × hidden layers × k (one for all layers, or per layer) ×
    /// wiring; throws naming the option of a value that cannot make a network.
    package init(data: String, task: BinaryTask, threshold: UInt8, wirings: [WiringSpec], ks: [LayerKs], layers: [String],
                inputBits: [[InputBitFamily]] = [[.threshold]], seeds: Int) throws(ConfigurationError) {
        guard !wirings.isEmpty else { throw .invalidValue(option: "--wirings", reason: "no wiring given") }
        guard seeds >= 1 else { throw .invalidValue(option: "--seeds", reason: "\(seeds); use 1 or more") }
        guard !inputBits.isEmpty, !inputBits.contains(where: \.isEmpty) else {
            throw .invalidValue(option: "--input-bits", reason: "no family of input bits given")
        }
        var configurations: [Configuration] = []
        for bits in inputBits {
            for text in layers {
                for k in ks {
                    let shape = try NetworkShape(ks: k, layers: text)
                    for wiring in wirings { configurations.append(Configuration(wiring: wiring, shape: shape, inputBits: bits)) }
                }
            }
        }
        self.data = data
        self.task = task
        self.threshold = threshold
        self.configurations = configurations
        self.seeds = seeds
    }

    /// Trains every configuration and seed on `dataset` that `log` does not have yet (a
    /// configuration that cannot wire this data throws before any training), appending each to
    /// `log` as soon as it is trained; `progress` gets each new result. Returns the results of every
    /// configuration and seed, those found in `log` included, in sweep order.
    package func run(on dataset: Dataset, threads: Int, imageShape: ImageGeometry? = nil, log: inout WiringLog,
                    progress: ((Result) -> Void)? = nil) throws -> [Result] {
        // Each input encoding's examples, made once.
        var splits: [[InputBitFamily]: (train: BinarizedExamples, test: BinarizedExamples?, shape: [Int])] = [:]
        for bits in configurations.map(\.inputBits) where splits[bits] == nil {
            let encoding = try InputEncoding(families: bits, for: dataset.train)
            let (train, test) = try BinarizedExamples.splits(of: dataset, task: task, threshold: threshold, encoding: encoding)
            splits[bits] = (train, test, encoding.encodedShape(dataset.train.imageShape))
        }
        for configuration in configurations {
            guard let split = splits[configuration.inputBits] else { continue }
            _ = try WiringPlan(spec: configuration.wiring, shape: configuration.shape, inputCount: split.train.inputs.rowCount,
                               dataShape: split.shape, imageShape: imageShape)
        }
        var results: [Result] = []
        for configuration in configurations {
            for seed in 0..<UInt64(seeds) {
                if let recorded = log.result(of: configuration, seed: seed) {
                    results.append(recorded)
                    continue
                }
                guard let split = splits[configuration.inputBits] else { continue }
                let options = TrainingOptions(shape: configuration.shape, seed: seed, threads: threads,
                                              wiring: configuration.wiring, imageShape: imageShape)
                let clock = ContinuousClock.now
                let trained = try LUTNetwork.train(on: split.train, test: split.test, options: options, dataShape: split.shape)
                let seconds = (ContinuousClock.now - clock).seconds
                let result = Result(configuration: configuration, seed: seed, trainAccuracy: trained.report.trainAccuracy,
                                    testAccuracy: trained.report.testAccuracy ?? 0, seconds: seconds,
                                    modelBytes: ModelFile.encode(trained.network).count)
                let stored = try log.append(result)
                progress?(stored)
                results.append(stored)
            }
        }
        return results
    }

    /// The stem of the sweep's files: `wiring.csv`, `wiring.md`, `wiring.svg`.
    package static let fileStem = "wiring"

    /// Columns of `wiring.csv`, the data's identity last. `input_bits` came later: a file without
    /// it holds networks of the threshold bits alone.
    package static let columns = ["data", "task", "threshold", "wiring", "k", "layers", "seed", "train_accuracy",
                                 "test_accuracy", "seconds", "model_bytes", inputBitsColumn] + DataIdentity.columns

    /// The column of the input bits.
    package static let inputBitsColumn = "input_bits"

    /// `wiring.md` and `wiring.svg` for `results` (`wiring.csv` is the log's).
    package func files(_ results: [Result]) -> [ExperimentFile] {
        let groups = configurations.map { configuration in
            (configuration, results.filter { $0.configuration == configuration })
        }.filter { !$0.1.isEmpty }
        // The paper's network (random wiring, k = 8, 5 × 1024) is the reference when the sweep has it.
        let paper = groups.first { $0.0.wiring.isRandom && $0.0.shape == .paper && $0.0.readsThresholdBitsOnly } ?? groups.first
        // A column of input bits when some network reads more than the threshold bits.
        let bitsColumn = groups.contains { !$0.0.readsThresholdBitsOnly }
        let reference = paper.map { Summary($0.1.map(\.seconds)).mean } ?? 1
        let referenceName = paper?.0.name ?? "–"
        let about = "\(data), task \(task), \(ReportFormat.seeds(seeds)), threshold \(threshold)"
        let rows = groups.map { configuration, runs -> [String] in
            let seconds = Summary(runs.map(\.seconds))
            return [configuration.wiring.description, configuration.shape.ks.description,
                    ExperimentRun.layersText(configuration.shape.hiddenWidths)]
                + (bitsColumn ? [configuration.inputBitsText] : [])
                + [ReportFormat.meanSD(Summary(runs.map(\.trainAccuracy))), ReportFormat.meanSD(Summary(runs.map(\.testAccuracy))),
                    ReportFormat.seconds(seconds), String(format: "%.2f", seconds.mean / reference),
                    String(runs[0].modelBytes)]
        }
        let best = groups.max { Summary($0.1.map(\.testAccuracy)).mean < Summary($1.1.map(\.testAccuracy)).mean }.map { configuration, runs in
            String(format: "Best mean test accuracy %.4f: `lutnet train --task %@ --threshold %d %@`.",
                   Summary(runs.map(\.testAccuracy)).mean, task.description, Int(threshold), configuration.commandLine)
        } ?? ""
        let headers = ["wiring", "k", "layers"] + (bitsColumn ? ["input bits"] : [])
            + ["train", "test", "seconds per network", "time / reference", "model bytes"]
        let table = MarkdownTable(headers: headers, rows: rows,
                                  rightAligned: Set([1] + Array((bitsColumn ? 4 : 3)..<headers.count)))
        let markdown = """
            # Accuracy against wiring

            \(about). Mean ± standard deviation over seeds; times measured in the same run against the \
            reference, \(referenceName) (the paper's network when the sweep has it, else the first row). `random` is the paper's wiring; `local:S` first-layer LUTs read one S × S window; \
            `hier:S,NEAR,L` layers 2 to L read the NEAR nearest LUTs below; `,grid` places the windows on a grid.

            \(table.text)
            \(best)

            ![accuracy against wiring](wiring.svg)

            """
        func bars(_ values: (Result) -> Double) -> [BarChart.Bar] {
            groups.map { _, runs in
                let summary = Summary(runs.map(values))
                return BarChart.Bar(value: summary.mean, error: summary.standardDeviation)
            }
        }
        let low = (results.map(\.testAccuracy).min() ?? 0.5) - 0.02
        // The bars are named by what varies (everything when one network is shown); what every
        // network shares is said once, under the axis.
        let parts = groups.map(\.0.nameParts)
        let varies = (0..<4).map { i in Set(parts.map { $0[i] }).count > 1 }
        let shown = (0..<4).filter { i in varies.contains(true) ? varies[i] : parts.contains { !$0[i].isEmpty } }
        let shared = (0..<4).filter { !shown.contains($0) }.compactMap { parts.first?[$0] }.filter { !$0.isEmpty }
        let axis = shown.map { ["wiring", "k", "hidden layers", "input bits"][$0] }.joined(separator: ", ")
            + (shared.isEmpty ? "" : " (all " + shared.joined(separator: " ") + ")")
        let chart = BarChart(labels: ChartLabels(title: "Accuracy against wiring", subtitle: about + "; error bars ±1 s.d. over seeds",
                                                 x: axis, y: "accuracy"),
                             categories: parts.map { part in shown.map { part[$0] }.filter { !$0.isEmpty }.joined(separator: " ") },
                             series: [BarChart.Series(name: "train", bars: bars(\.trainAccuracy), colorIndex: 0),
                                      BarChart.Series(name: "test", bars: bars(\.testAccuracy), colorIndex: 1)],
                             yDomain: max(0, low)...1)
        return [ExperimentFile(name: Self.fileStem + ".md", contents: markdown),
                ExperimentFile(name: Self.fileStem + ".svg", contents: chart.markup())]
    }
}
