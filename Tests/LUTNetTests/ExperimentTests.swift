import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// Each experiment end to end on a small generated dataset: the runs it trains, the CSV, the
/// Markdown and the SVG it writes, and resuming.
final class ExperimentTests: XCTestCase {
    private func settings(seeds: Int = 2) throws -> ExperimentSettings {
        try ExperimentSettings(data: "tiny", threshold: 128, seedCount: seeds)
    }

    func testKSweepWritesEveryRunAndResumesWithoutRetraining() throws {
        let dataset = try TinyDataset.make()
        let folder = TinyDataset.temporaryFolder(self)
        let task = try BinaryTask(parsing: "0-1:2-3")
        let sweep = try KSweepExperiment(settings: try settings(), task: task, ks: [2, 4], hiddenWidths: [16, 16])
        XCTAssertEqual(sweep.runs.count, 8)
        var runner = ExperimentRunner(dataset: dataset, threads: 2)
        var progress: [RunProgress] = []
        let written = try runner.perform(sweep, folder: folder) { progress.append($0) }
        XCTAssertEqual(Set(written.map { ($0 as NSString).lastPathComponent }),
                       ["k-sweep.csv", "k-sweep-layers.csv", "k-sweep.md", "k-sweep.svg"])
        XCTAssertEqual(progress.map(\.position), Array(1...8))
        XCTAssertEqual(progress.last?.remaining, 0)
        XCTAssertTrue(progress.allSatisfy { $0.total == 8 && $0.skipped == 0 && $0.line.contains("[\($0.position)/8]") })

        let records = try csvRecords(folder, "k-sweep.csv")
        XCTAssertEqual(records.count, 8)
        XCTAssertEqual(Set(records.map { "\($0["k"]!) \($0["labels"]!) \($0["seed"]!)" }).count, 8)
        XCTAssertTrue(records.allSatisfy { $0["train_examples"] == "240" && $0["test_examples"] == "80" && $0["layers"] == "2x16" })
        XCTAssertEqual(try csvRecords(folder, "k-sweep-layers.csv").count, 8 * 3)
        // The generated task is easy on real labels; random labels carry nothing to the test split.
        for record in records {
            let test = Double(record["test_accuracy"] ?? "") ?? -1
            if record["labels"] == "real", record["k"] == "4" { XCTAssertGreaterThan(test, 0.85) }
            if record["labels"] == "random" { XCTAssertEqual(test, 0.5, accuracy: 0.15) }
        }

        let svgText = try read(folder, "k-sweep.svg")
        let svg = try SVGInspector(svgText)
        for name in ["real labels, train", "real labels, test", "random labels, train", "random labels, test"] {
            XCTAssertEqual(svg.series(name)?.descendants("circle", class: "marker").count, 2, name)
        }
        XCTAssertEqual(svg.elements("text", class: "x-label").first?.text, "k (inputs per LUT)")
        let markdown = try read(folder, "k-sweep.md")
        XCTAssertTrue(markdown.contains("| 2 | "), markdown)
        XCTAssertTrue(markdown.contains("| 4 | "), markdown)
        XCTAssertTrue(markdown.contains("![accuracy against k](k-sweep.svg)"))

        // Started again with the same folder: nothing to train, the same report.
        var again = ExperimentRunner(dataset: dataset, threads: 1)
        var retrained = 0
        try again.perform(sweep, folder: folder) { _ in retrained += 1 }
        XCTAssertEqual(retrained, 0)
        XCTAssertEqual(try read(folder, "k-sweep.md"), markdown)
        XCTAssertEqual(try read(folder, "k-sweep.svg"), svgText)

        // One more k: only its runs are trained.
        let wider = try KSweepExperiment(settings: try settings(), task: task, ks: [2, 4, 6], hiddenWidths: [16, 16])
        var more: [RunProgress] = []
        try again.perform(wider, folder: folder) { more.append($0) }
        XCTAssertEqual(more.count, 4)
        XCTAssertTrue(more.allSatisfy { $0.result.run.shape.uniformK == 6 && $0.skipped == 8 && $0.total == 4 })
        XCTAssertEqual(try csvRecords(folder, "k-sweep.csv").count, 12)
    }

    func testResumedResultsReportExactlyWhatAFreshRunDoes() throws {
        let dataset = try TinyDataset.make()
        let sweep = try KSweepExperiment(settings: try settings(seeds: 1), task: try BinaryTask(parsing: "0:3"), ks: [3],
                                         hiddenWidths: [8])
        let fresh = TinyDataset.temporaryFolder(self), resumed = TinyDataset.temporaryFolder(self)
        var runner = ExperimentRunner(dataset: dataset, threads: 1)
        try runner.perform(sweep, folder: fresh)
        // Train half, then the rest in a second session.
        var log = try RunLog(folder: resumed, name: sweep.name, data: runner.identities)
        _ = try runner.execute(Array(sweep.runs.prefix(1)), log: &log)
        try runner.perform(sweep, folder: resumed)
        XCTAssertEqual(try read(fresh, "k-sweep.md").replacingOccurrences(of: #"\| [0-9.]+ \|\n"#, with: "", options: .regularExpression),
                       try read(resumed, "k-sweep.md").replacingOccurrences(of: #"\| [0-9.]+ \|\n"#, with: "", options: .regularExpression),
                       "identical apart from the seconds column")
        let a = try csvRecords(fresh, "k-sweep.csv").map { $0.filter { $0.key != "seconds" } }
        let b = try csvRecords(resumed, "k-sweep.csv").map { $0.filter { $0.key != "seconds" } }
        XCTAssertEqual(a, b)
    }

    func testThePapersFiguresAreDrawnBesideOursWhenAsked() throws {
        let dataset = try TinyDataset.make()
        let folder = TinyDataset.temporaryFolder(self)
        let sweep = try KSweepExperiment(settings: try settings(seeds: 1), task: try BinaryTask(parsing: "0-1:2-3"), ks: [2, 3, 4],
                                         hiddenWidths: [8], showPaper: true)
        var runner = ExperimentRunner(dataset: dataset, threads: 2)
        var announced: [Int] = []
        try runner.perform(sweep, folder: folder, started: { announced = [$0, $1] })
        XCTAssertEqual(announced, [6, 0])
        let svg = try SVGInspector(try read(folder, "k-sweep.svg"))
        // The paper has figures for even k only.
        XCTAssertEqual(svg.series("paper: real labels, test")?.descendants("circle", class: "marker").count, 2)
        XCTAssertEqual(svg.series("paper: random labels, train")?.descendants("circle", class: "marker").count, 2)
        let markdown = try read(folder, "k-sweep.md")
        XCTAssertTrue(markdown.contains("| paper: real labels, test |"), markdown)
        XCTAssertTrue(markdown.contains("| 0.66 |") && markdown.contains("| 0.53 |") && markdown.contains("| – |"), markdown)

        let depth = try DepthExperiment(settings: try settings(seeds: 1), task: try BinaryTask(parsing: "0-1:2-3"), k: 3, width: 4,
                                        depths: [5], layerChartDepth: 5, showPaper: true)
        try runner.perform(depth, folder: folder, started: { announced = [$0, $1] })
        XCTAssertEqual(announced, [1, 0])
        let bars = try SVGInspector(try read(folder, "depth-layers.svg"))
        let paperBars = bars.series("paper: train")?.descendants("rect", class: "bar") ?? []
        XCTAssertEqual(paperBars.count, 6)
        XCTAssertTrue(paperBars.first?.descendants("title").first?.text.hasSuffix("0.6100") == true)
        XCTAssertTrue(try read(folder, "depth.md").contains("| paper: train mean |"))
    }

    func testDepthExperimentReportsNetworksAndLayers() throws {
        let folder = TinyDataset.temporaryFolder(self)
        let depth = try DepthExperiment(settings: try settings(), task: try BinaryTask(parsing: "0-1:2-3"), k: 4, width: 16,
                                        depths: [1, 3], layerChartDepth: 2)
        XCTAssertEqual(depth.runs.map(\.shape.hiddenWidths.count), [1, 1, 3, 3, 2, 2], "the bar chart's depth is trained too")
        var runner = ExperimentRunner(dataset: try TinyDataset.make(), threads: 2)
        try runner.perform(depth, folder: folder)
        XCTAssertEqual(try csvRecords(folder, "depth.csv").count, 6)
        XCTAssertEqual(try csvRecords(folder, "depth-layers.csv").count, 2 * (2 + 4 + 3))
        let lines = try SVGInspector(try read(folder, "depth.svg"))
        XCTAssertEqual(lines.series("train")?.descendants("circle", class: "marker").count, 2)
        XCTAssertEqual(lines.series("test")?.descendants("circle", class: "marker").count, 2)
        let bars = try SVGInspector(try read(folder, "depth-layers.svg"))
        XCTAssertEqual(bars.series("train")?.descendants("rect", class: "bar").count, 3)
        XCTAssertEqual(bars.series("test")?.descendants("rect", class: "bar").count, 3)
        for label in ["1", "2", "output"] { XCTAssertTrue(bars.texts.contains(label), label) }
        let markdown = try read(folder, "depth.md")
        XCTAssertTrue(markdown.contains("| output | 1 | "), markdown)
        XCTAssertTrue(markdown.contains("| 3 | "), markdown)
    }

    func testDepthLayerStatisticsPoolTheSeeds() throws {
        let depth = try DepthExperiment(settings: try settings(), task: try BinaryTask(parsing: "0:1"), k: 2, width: 4,
                                        depths: [1], layerChartDepth: 1)
        func result(seed: UInt64, mean: Double) throws -> RunResult {
            let run = ExperimentRun(data: "tiny", task: try BinaryTask(parsing: "0:1"), threshold: 128,
                                    shape: try NetworkShape(k: 2, hiddenWidths: [4]), seed: seed)
            let layers = [LayerReport(index: 0, width: 4, trainAccuracyMean: mean, trainAccuracyStandardDeviation: 0.1,
                                      testAccuracyMean: nil, testAccuracyStandardDeviation: nil, tiedPatterns: 0, seconds: 0),
                          LayerReport(index: 1, width: 1, trainAccuracyMean: 0.9, trainAccuracyStandardDeviation: 0,
                                      testAccuracyMean: nil, testAccuracyStandardDeviation: nil, tiedPatterns: 0, seconds: 0)]
            return RunResult(run: run, trainExamples: 10, testExamples: 0, trainAccuracy: 0.9, testAccuracy: nil,
                             testAccuracyTrueLabels: nil, seconds: 0, layers: layers)
        }
        let stats = depth.layerStatistics([try result(seed: 0, mean: 0.5), try result(seed: 1, mean: 0.7)])
        XCTAssertEqual(stats.map(\.name), ["1", "output"])
        XCTAssertEqual(stats[0].train.mean, 0.6, accuracy: 1e-12)
        XCTAssertEqual(stats[0].train.sd, 0.02.squareRoot(), accuracy: 1e-12)
        XCTAssertNil(stats[0].test)
    }

    func testWidthExperimentUsesALogarithmicAxis() throws {
        let folder = TinyDataset.temporaryFolder(self)
        let width = try WidthExperiment(settings: try settings(), task: try BinaryTask(parsing: "0-1:2-3"), k: 4, depth: 2,
                                        widths: [4, 8, 16])
        var runner = ExperimentRunner(dataset: try TinyDataset.make(), threads: 2)
        try runner.perform(width, folder: folder)
        XCTAssertEqual(try csvRecords(folder, "width.csv").map { $0["layers"] ?? "" }, ["2x4", "2x4", "2x8", "2x8", "2x16", "2x16"])
        let svg = try SVGInspector(try read(folder, "width.svg"))
        let xs = svg.series("train")?.descendants("circle", class: "marker").compactMap { Double($0.attributes["cx"] ?? "") } ?? []
        XCTAssertEqual(xs.count, 3)
        XCTAssertEqual(xs[1] - xs[0], xs[2] - xs[1], accuracy: 0.02)
        XCTAssertTrue(try read(folder, "width.md").contains("| 16 | "))
    }

    func testRandomLabelsExperimentDrawsSubsetsAndHarderMemorization() throws {
        let folder = TinyDataset.temporaryFolder(self)
        let experiment = try RandomLabelsExperiment(settings: try settings(), task: try BinaryTask(parsing: "0-1:2-3"),
                                                    ks: [2, 6], sizes: [40, 120, nil], hiddenWidths: [16])
        XCTAssertEqual(experiment.runs.count, 2 * 3 * 2 * 2)
        var runner = ExperimentRunner(dataset: try TinyDataset.make(), threads: 2)
        try runner.perform(experiment, folder: folder)
        let records = try csvRecords(folder, "random-labels.csv")
        XCTAssertEqual(records.count, 24)
        XCTAssertEqual(Set(records.map { "\($0["train_size"]!)=\($0["train_examples"]!)" }), ["40=40", "120=120", "all=240"])
        func train(_ k: String, _ size: String, _ labels: String) -> Double {
            let values = records.filter { $0["k"] == k && $0["train_size"] == size && $0["labels"] == labels }
                .compactMap { Double($0["train_accuracy"] ?? "") }
            return Summary(values).mean
        }
        // Random labels: fewer examples are easier to memorize, and real labels are easier still.
        XCTAssertGreaterThan(train("6", "40", "random"), train("6", "all", "random"))
        XCTAssertGreaterThan(train("6", "all", "real"), train("6", "all", "random"))
        let svg = try SVGInspector(try read(folder, "random-labels.svg"))
        XCTAssertEqual(svg.elements("g", class: "series").count, 4)
        for name in ["k = 2, random labels", "k = 2, real labels", "k = 6, random labels", "k = 6, real labels"] {
            XCTAssertEqual(svg.series(name)?.descendants("circle", class: "marker").count, 3, name)
        }
        for tick in ["40", "120", "240"] { XCTAssertTrue(svg.texts.contains(tick), tick) }
    }

    func testPairsExperimentFillsASymmetricMatrix() throws {
        let folder = TinyDataset.temporaryFolder(self)
        let pairs = try PairsExperiment(settings: try settings(), classes: [2, 0, 1, 3],
                                        shape: try NetworkShape(k: 4, hiddenWidths: [16]))
        XCTAssertEqual(pairs.pairs.map { "\($0.0):\($0.1)" }, ["0:1", "0:2", "0:3", "1:2", "1:3", "2:3"])
        var runner = ExperimentRunner(dataset: try TinyDataset.make(), threads: 2)
        try runner.perform(pairs, folder: folder)
        XCTAssertEqual(try csvRecords(folder, "pairs.csv").count, 12)
        let matrix = try CSVTable.parse(try read(folder, "pairs-matrix.csv")).records.map(\.fields)
        XCTAssertEqual(matrix.first, ["class", "0", "1", "2", "3"])
        XCTAssertEqual(matrix.count, 5)
        for i in 1...4 {
            XCTAssertEqual(matrix[i][i], "", "no pair of a class with itself")
            for j in 1...4 where j != i {
                XCTAssertEqual(matrix[i][j], matrix[j][i])
                XCTAssertGreaterThan(Double(matrix[i][j]) ?? 0, 0.8, "distinct generated classes separate well")
            }
        }
        let svg = try SVGInspector(try read(folder, "pairs.svg"))
        XCTAssertEqual(svg.elements("rect", class: "cell").count, 12)
        XCTAssertEqual(svg.elements("rect", class: "empty-cell").count, 4)
        let markdown = try read(folder, "pairs.md")
        XCTAssertTrue(markdown.contains("Mean test accuracy over the 6 pairs"), markdown)
        XCTAssertTrue(markdown.contains("worst pair"), markdown)
    }

    func testImpossibleSettingsAreRefusedWithTheOption() throws {
        let task = try BinaryTask(parsing: "0:1")
        func message(_ body: () throws -> Void) -> String {
            do { try body() } catch { return "\(error)" }
            return "no error"
        }
        XCTAssertTrue(message { _ = try ExperimentSettings(data: "d", threshold: 128, seedCount: 0) }.contains("--seeds"))
        XCTAssertTrue(message { _ = try ExperimentSettings(data: "d", threshold: 128, seedCount: 99_999_999_999) }
            .contains("invalid --seeds: 99999999999 seeds; use 1 to 10000"))
        XCTAssertEqual(try ExperimentSettings(data: "d", threshold: 128, seedCount: ExperimentSettings.maxSeeds).seeds.count, 10_000)
        XCTAssertTrue(message { _ = try KSweepExperiment(settings: try self.settings(), task: task, ks: [], hiddenWidths: [8]) }.contains("--ks"))
        XCTAssertTrue(message { _ = try KSweepExperiment(settings: try self.settings(), task: task, ks: [4, 17], hiddenWidths: [8]) }
            .contains("k = 17 is not supported"))
        XCTAssertTrue(message { _ = try DepthExperiment(settings: try self.settings(), task: task, k: 4, width: 8, depths: [-1],
                                                        layerChartDepth: 1) }.contains("--depths"))
        XCTAssertTrue(message { _ = try WidthExperiment(settings: try self.settings(), task: task, k: 4, depth: 2, widths: []) }
            .contains("--widths"))
        XCTAssertTrue(message { _ = try WidthExperiment(settings: try self.settings(), task: task, k: 4, depth: 2, widths: [0]) }
            .contains("invalid --widths: 0 LUTs per layer"))
        XCTAssertTrue(message { _ = try RandomLabelsExperiment(settings: try self.settings(), task: task, ks: [4], sizes: [0],
                                                               hiddenWidths: [8]) }.contains("--sizes"))
        XCTAssertTrue(message { _ = try PairsExperiment(settings: try self.settings(), classes: [3, 3],
                                                        shape: try NetworkShape(k: 2, hiddenWidths: [])) }.contains("--classes"))
        // More examples than the task has: the error names the option and the data.
        let tooMany = try RandomLabelsExperiment(settings: try settings(seeds: 1), task: try BinaryTask(parsing: "0:1"), ks: [2],
                                                 sizes: [1000], hiddenWidths: [4])
        var runner = ExperimentRunner(dataset: try TinyDataset.make(), threads: 1)
        let folder = TinyDataset.temporaryFolder(self)
        let error = message { try runner.perform(tooMany, folder: folder) }
        XCTAssertTrue(error.contains("--sizes") && error.contains("1000 training examples") && error.contains("tiny/train"), error)
        // A possible size before an impossible one: nothing trains, nothing is recorded.
        let mixed = try RandomLabelsExperiment(settings: try settings(seeds: 1), task: try BinaryTask(parsing: "0:1"), ks: [2],
                                               sizes: [4, 1000], hiddenWidths: [4])
        let mixedFolder = TinyDataset.temporaryFolder(self)
        var trained = 0
        let mixedError = message { try runner.perform(mixed, folder: mixedFolder, progress: { _ in trained += 1 }) }
        XCTAssertTrue(mixedError.contains("1000 training examples"), mixedError)
        XCTAssertEqual(trained, 0, "no network trains before the impossible size is found")
        XCTAssertEqual(try RunLog(folder: mixedFolder, name: mixed.name, validation: false).results.count, 0)
        // A task with a class the data lacks names the split.
        let missing = try KSweepExperiment(settings: try settings(seeds: 1), task: try BinaryTask(parsing: "0:7"), ks: [2],
                                           hiddenWidths: [4])
        XCTAssertTrue(message { try runner.perform(missing, folder: folder) }.contains("has no examples in tiny/train"))
    }

    func testSubsetsAreSeededAndKeepExamplesWithTheirLabels() throws {
        var inputs = BitMatrix(rowCount: 2, columnCount: 100)
        var labelBits = [UInt8](repeating: 0, count: 100)
        for e in 0..<100 where e % 3 == 0 { inputs[0, e] = true; labelBits[e] = 1 }
        for e in 0..<100 where e >= 50 { inputs[1, e] = true }
        let examples = try BinarizedExamples(inputs: inputs, labels: BitMatrix(bits: labelBits),
                                             task: BinaryTask(parsing: "0:1"), threshold: 128)
        let a = examples.subset(size: 30, seed: 5), b = examples.subset(size: 30, seed: 5), c = examples.subset(size: 30, seed: 6)
        XCTAssertEqual(a.count, 30)
        XCTAssertEqual(a.inputs, b.inputs)
        XCTAssertNotEqual(a.inputs, c.inputs)
        XCTAssertEqual(a.inputs.unpackedRow(0), a.labels.unpackedRow(0), "each example keeps its own label")
        XCTAssertEqual(examples.subset(size: 500, seed: 1).count, 100)
        let picked = inputs.selectingColumns([98, 0, 3])
        XCTAssertEqual(picked.unpackedRow(0), [0, 1, 1])
        XCTAssertEqual(picked.unpackedRow(1), [1, 0, 0])
    }

    /// On MNIST 0-4:5-9 a small network learns the real labels and not the random ones.
    func testKSweepOnMNIST() throws {
        let dataset = try DatasetLoader.load(path: try Fixtures.shared("mnist"))
        let folder = TinyDataset.temporaryFolder(self)
        let sweep = try KSweepExperiment(settings: try ExperimentSettings(data: "mnist", threshold: 128, seedCount: 1),
                                         task: try BinaryTask(parsing: "0-4:5-9"), ks: [2, 8], hiddenWidths: [128, 128])
        var runner = ExperimentRunner(dataset: dataset)
        try runner.perform(sweep, folder: folder)
        let records = try csvRecords(folder, "k-sweep.csv")
        func value(_ k: String, _ labels: String, _ column: String) -> Double {
            Double(records.first { $0["k"] == k && $0["labels"] == labels }?[column] ?? "") ?? -1
        }
        XCTAssertGreaterThan(value("8", "real", "test_accuracy"), 0.83)
        XCTAssertGreaterThan(value("8", "real", "test_accuracy"), value("2", "real", "test_accuracy"))
        XCTAssertEqual(value("8", "random", "test_accuracy"), 0.5, accuracy: 0.02)
        XCTAssertLessThan(value("8", "random", "train_accuracy"), value("8", "real", "train_accuracy") - 0.15)
        XCTAssertTrue(records.allSatisfy { $0["train_examples"] == "60000" && $0["test_examples"] == "10000" })
    }
}
