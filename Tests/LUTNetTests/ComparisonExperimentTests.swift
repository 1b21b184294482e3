import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetBaseline
@testable import LUTNetExperiments

/// LUT networks beside the logistic-regression baseline: the IWLS 2020 experiment on generated
/// benchmarks and on the contest's files, the comparison on tasks of one dataset, and the
/// baseline's results file.
final class ComparisonExperimentTests: XCTestCase {
    private func iwlsExperiment(_ benchmarks: [IWLSBenchmarks.Benchmark], training: IWLSBenchmarks.Training,
                                shapes: [NetworkShape], seeds: Int) throws -> ComparisonExperiment {
        let task = try BinaryTask(parsing: "0:1")
        let cases = benchmarks.map {
            ComparisonExperiment.Case(label: $0.name, data: IWLSBenchmarks.dataName($0.name, training: training), task: task,
                                      about: IWLSBenchmarks.knownTasks[$0.name] ?? "")
        }
        return try ComparisonExperiment(name: "iwls", title: "IWLS 2020 benchmarks", caseHeading: "benchmark",
                                        settings: try ExperimentSettings(data: "iwls", threshold: 128, seedCount: seeds),
                                        cases: cases, shapes: shapes, baselines: [BaselineSettings()],
                                        recordsValidation: training == .train)
    }

    func testIWLSExperimentOnGeneratedBenchmarks() throws {
        let folder = try TinyBenchmarks.make(self)
        let benchmarks = try IWLSBenchmarks.find(in: folder)
        XCTAssertEqual(benchmarks.map(\.name), ["ex01", "ex02"])
        XCTAssertEqual(benchmarks[1].testPath, folder + "/ex02.test.pla")
        let data = try benchmarks.map { try IWLSBenchmarks.load($0, training: .train) }
        XCTAssertEqual(data.map(\.name), ["ex01", "ex02"])
        XCTAssertEqual(data[0].validation?.count, 120)
        let shapes = [try NetworkShape(k: 4, hiddenWidths: [32]), try NetworkShape(k: 2, hiddenWidths: [16, 16])]
        let experiment = try iwlsExperiment(benchmarks, training: .train, shapes: shapes, seeds: 2)
        XCTAssertEqual(experiment.runs.count, 2 * 2 * 2)
        XCTAssertEqual(experiment.baselineRuns.map(\.data), ["ex01", "ex02"])

        let out = TinyDataset.temporaryFolder(self)
        var runner = ExperimentRunner(data: data, threads: 2)
        var fitted: [BaselineResult] = []
        var lines: [String] = []
        let written = try runner.perform(experiment, folder: out, progress: { lines.append($0.line(namingData: true)) },
                                         baselineProgress: { fitted.append($0) })
        XCTAssertTrue(lines.first?.hasPrefix("[1/8] ex01, task 0:1, k=4, layers 1x32, seed 0: train ") == true, "\(lines)")
        XCTAssertTrue(lines.last?.hasPrefix("[8/8] ex02, task 0:1, k=2, layers 2x16, seed 1: train ") == true, "\(lines)")
        XCTAssertTrue(lines.allSatisfy { $0.contains(" valid 0.") && $0.contains(" test ") }, "\(lines)")
        XCTAssertTrue(fitted.allSatisfy { $0.line.hasPrefix("baseline \($0.run.data), task 0:1, logistic regression (C = 1, bits): train ") },
                      "\(fitted.map(\.line))")
        XCTAssertEqual(Set(written.map { ($0 as NSString).lastPathComponent }),
                       ["iwls.csv", "iwls-layers.csv", "iwls-baseline.csv", "iwls.md", "iwls.svg", "iwls-summary.csv"])
        XCTAssertEqual(fitted.count, 2)

        // One record per benchmark, shape and seed, each measured on the validation and test splits.
        let runs = try csvRecords(out, "iwls.csv")
        XCTAssertEqual(runs.count, 8)
        XCTAssertEqual(Set(runs.map { "\($0["data"]!) \($0["k"]!) \($0["layers"]!) \($0["seed"]!)" }).count, 8)
        XCTAssertTrue(runs.allSatisfy { $0["train_examples"] == "240" && $0["test_examples"] == "120" && $0["task"] == "0:1" })
        XCTAssertTrue(runs.allSatisfy { Double($0["valid_accuracy"] ?? "") != nil })
        let baselines = try csvRecords(out, "iwls-baseline.csv")
        XCTAssertEqual(baselines.map { $0["data"] }, ["ex01", "ex02"])
        XCTAssertTrue(baselines.allSatisfy { $0["converged"] == "true" && $0["train_examples"] == "240" && $0["test_examples"] == "120" })
        // The majority of three bits is linear: the baseline learns it up to the 5% of flipped labels.
        XCTAssertGreaterThan(Double(baselines[1]["test_accuracy"] ?? "") ?? 0, 0.85)
        XCTAssertGreaterThan(Double(baselines[1]["valid_accuracy"] ?? "") ?? 0, 0.85)

        // The summary: every benchmark and method, then each method's mean over the benchmarks.
        let summary = try csvRecords(out, "iwls-summary.csv")
        XCTAssertEqual(summary.count, 2 * 3 + 3)
        let methods = ["LUT k = 4, 1 × 32", "LUT k = 2, 2 × 16", "logistic regression (C = 1, bits)"]
        for method in methods {
            let rows = summary.filter { $0["method"] == method && $0["case"] != "mean" }
            XCTAssertEqual(rows.map { $0["case"] }, ["ex01", "ex02"], method)
            let mean = try XCTUnwrap(summary.first { $0["method"] == method && $0["case"] == "mean" })
            let expected = rows.compactMap { Double($0["test_accuracy"] ?? "") }.reduce(0, +) / 2
            XCTAssertEqual(Double(mean["test_accuracy"] ?? "") ?? -1, expected, accuracy: 1e-6, method)
        }
        // A network's cell is the mean over its seeds of iwls.csv.
        let seeds = runs.filter { $0["data"] == "ex02" && $0["k"] == "4" }.compactMap { Double($0["test_accuracy"] ?? "") }
        XCTAssertEqual(seeds.count, 2)
        let cell = try XCTUnwrap(summary.first { $0["case"] == "ex02" && $0["method"] == methods[0] })
        XCTAssertEqual(Double(cell["test_accuracy"] ?? "") ?? -1, seeds.reduce(0, +) / 2, accuracy: 1e-6)
        XCTAssertEqual(cell["runs"], "2")
        XCTAssertGreaterThan(Double(cell["test_accuracy"] ?? "") ?? 0, 0.8)

        let markdown = try read(out, "iwls.md")
        // The test table: a row per method, its mean over the benchmarks last.
        let baselineMean = try XCTUnwrap(summary.first { $0["method"] == methods[2] && $0["case"] == "mean" }?["test_accuracy"])
        let baselineRow = try XCTUnwrap(markdown.split(separator: "\n").first { $0.hasPrefix("| \(methods[2]) |") })
        XCTAssertTrue(baselineRow.replacingOccurrences(of: "*", with: "").hasSuffix(String(format: " %.3f |", Double(baselineMean) ?? -1)),
                      String(baselineRow))
        XCTAssertTrue(markdown.contains("| method | ex01 | ex02 | mean |"), markdown)
        XCTAssertTrue(markdown.contains("## Validation accuracy"), markdown)
        XCTAssertTrue(markdown.contains("**"), "the best method of a benchmark is bold")

        // The figure: one series per method, one bar per benchmark and one for the mean.
        let svg = try SVGInspector(try read(out, "iwls.svg"))
        XCTAssertEqual(svg.elements("g", class: "series").compactMap { $0.attributes["data-series"] }, methods)
        for method in methods {
            let bars = svg.series(method)?.descendants("rect", class: "bar") ?? []
            XCTAssertEqual(bars.count, 3, method)
        }
        let meanBar = svg.series(methods[2])?.descendants("rect", class: "bar").last?.descendants("title").first?.text ?? ""
        XCTAssertTrue(meanBar.hasPrefix("\(methods[2]), mean: ") && meanBar.hasSuffix(String(format: "%.4f", Double(baselineMean) ?? -1)),
                      meanBar)
        for label in ["ex01", "ex02", "mean", "benchmark"] { XCTAssertTrue(svg.texts.contains(label), label) }

        // Started again: nothing is trained or fitted, and the report is the same.
        var again = ExperimentRunner(data: data, threads: 1)
        var retrained = 0, refitted = 0
        try again.perform(experiment, folder: out, progress: { _ in retrained += 1 }, baselineProgress: { _ in refitted += 1 })
        XCTAssertEqual([retrained, refitted], [0, 0])
        XCTAssertEqual(try csvRecords(out, "iwls-summary.csv"), summary)
    }

    func testTrainingOnTrainAndValidTogether() throws {
        let folder = try TinyBenchmarks.make(self)
        let benchmarks = try IWLSBenchmarks.find(in: folder)
        let data = try benchmarks.map { try IWLSBenchmarks.load($0, training: .trainAndValid) }
        XCTAssertEqual(data.map(\.name), ["ex01 train+valid", "ex02 train+valid"])
        XCTAssertNil(data[0].validation)
        XCTAssertEqual(data[0].dataset.train.count, 360)
        // The validation examples follow the training examples, with their labels.
        let train = try PLALoader.load(path: benchmarks[0].trainPath), valid = try PLALoader.load(path: benchmarks[0].validPath)
        XCTAssertEqual(data[0].dataset.train.labels, train.labels + valid.labels)
        XCTAssertEqual(data[0].dataset.train.withPixels { Array($0) }, train.withPixels { Array($0) } + valid.withPixels { Array($0) })

        let experiment = try iwlsExperiment(benchmarks, training: .trainAndValid, shapes: [try NetworkShape(k: 4, hiddenWidths: [16])],
                                            seeds: 1)
        let out = TinyDataset.temporaryFolder(self)
        var runner = ExperimentRunner(data: data, threads: 2)
        try runner.perform(experiment, folder: out)
        let runs = try csvRecords(out, "iwls.csv")
        XCTAssertEqual(runs.map { $0["data"] }, ["ex01 train+valid", "ex02 train+valid"])
        XCTAssertTrue(runs.allSatisfy { $0["train_examples"] == "360" && $0["valid_accuracy"] == nil })
        XCTAssertEqual(try csvRecords(out, "iwls-baseline.csv").map { $0["train_examples"] }, ["360", "360"])
        XCTAssertTrue(try csvRecords(out, "iwls-baseline.csv").allSatisfy { $0["valid_accuracy"] == "" })
        XCTAssertFalse(try read(out, "iwls.md").contains("Validation accuracy"))
    }

    func testBenchmarkFoldersWithMissingFilesAreRefused() throws {
        func message(_ body: () throws -> Void) -> String {
            do { try body() } catch { return "\(error)" }
            return "no error"
        }
        let folder = try TinyBenchmarks.make(self, train: 4, valid: 4, testCount: 4)
        try FileManager.default.removeItem(atPath: folder + "/ex02.test.pla")
        XCTAssertEqual(message { _ = try IWLSBenchmarks.find(in: folder) },
                       "\(folder): no ex02.test.pla[.gz] beside ex02.train.pla in this folder")
        let empty = TinyDataset.temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        XCTAssertTrue(message { _ = try IWLSBenchmarks.find(in: empty) }.contains("no benchmark (NAME.train.pla[.gz]"))
        XCTAssertEqual(message { _ = try IWLSBenchmarks.find(in: empty + "/absent") }, empty + "/absent: no such file or folder")
        XCTAssertTrue(message { _ = try IWLSBenchmarks.find(in: folder + "/ex01.train.pla") }.contains("not a folder of IWLS 2020 benchmarks"))
        // A validation split of another width.
        let other = try TinyBenchmarks.make(self, train: 4, valid: 4, testCount: 4)
        try Data(".i 3\n.o 1\n101 1\n010 0\n.e\n".utf8).write(to: URL(fileURLWithPath: other + "/ex01.valid.pla"))
        let ex01 = try XCTUnwrap(try IWLSBenchmarks.find(in: other).first)
        XCTAssertEqual(message { _ = try IWLSBenchmarks.load(ex01, training: .train) },
                       "\(other)/ex01.valid.pla: images are 3 but \(other)/ex01.train.pla has 8")
        // Impossible comparisons name the option.
        let settings = try ExperimentSettings(data: "d", threshold: 128, seedCount: 1)
        let task = try BinaryTask(parsing: "0:1")
        XCTAssertTrue(message { _ = try ComparisonExperiment(name: "c", title: "t", caseHeading: "task", settings: settings, cases: [],
                                                             shapes: [], baselines: [BaselineSettings()]) }.contains("--task"))
        XCTAssertTrue(message { _ = try ComparisonExperiment(name: "c", title: "t", caseHeading: "task", settings: settings,
                                                             cases: [.init(label: "0:1", data: "d", task: task)],
                                                             shapes: [], baselines: []) }.contains("nothing to compare"))
        XCTAssertTrue(message { _ = try ComparisonExperiment(name: "c", title: "t", caseHeading: "task", settings: settings,
                                                             cases: [.init(label: "0:1", data: "d", task: task),
                                                                     .init(label: "0:1", data: "d", task: task)],
                                                             shapes: [], baselines: [BaselineSettings()]) }.contains("0:1 is given twice"))
    }

    func testComparisonOnTasksOfOneDataset() throws {
        let dataset = try TinyDataset.make()
        let settings = try ExperimentSettings(data: "tiny", threshold: 128, seedCount: 2)
        let cases = try ["0:1", "0-1:2-3"].map { ComparisonExperiment.Case(label: $0, data: "tiny", task: try BinaryTask(parsing: $0)) }
        let experiment = try ComparisonExperiment(name: "compare", title: "tiny", caseHeading: "task", settings: settings, cases: cases,
                                                  shapes: [try NetworkShape(k: 4, hiddenWidths: [16])],
                                                  baselines: [BaselineSettings(), BaselineSettings(c: 0.01)])
        XCTAssertEqual(experiment.baselineRuns.map { "\($0.task) \($0.settings.c)" }, ["0:1 1.0", "0:1 0.01", "0,1:2,3 1.0", "0,1:2,3 0.01"])
        let out = TinyDataset.temporaryFolder(self)
        var runner = ExperimentRunner(dataset: dataset, threads: 2)
        try runner.perform(experiment, folder: out)
        XCTAssertEqual(try csvRecords(out, "compare.csv").map { $0["task"] }, ["0:1", "0:1", "0,1:2,3", "0,1:2,3"])
        let baselines = try csvRecords(out, "compare-baseline.csv")
        XCTAssertEqual(baselines.map { $0["C"] }, ["1.0", "0.01", "1.0", "0.01"])
        XCTAssertEqual(baselines.map { $0["train_examples"] }, ["120", "120", "240", "240"])
        XCTAssertEqual(baselines.map { $0["test_examples"] }, ["40", "40", "80", "80"])
        // Each value of C is its own method.
        let means = try csvRecords(out, "compare-summary.csv").filter { $0["case"] == "mean" }
        XCTAssertEqual(means.map { $0["method"] }, ["LUT k = 4, 1 × 16", "logistic regression (C = 1, bits)",
                                                    "logistic regression (C = 0.01, bits)"])
        let strong = baselines.filter { $0["C"] == "0.01" }
        XCTAssertEqual(Double(means[2]["test_accuracy"] ?? "") ?? -1,
                       strong.compactMap { Double($0["test_accuracy"] ?? "") }.reduce(0, +) / 2, accuracy: 1e-6)
        // The generated classes light disjoint-ish pixels: both methods separate them.
        for row in try csvRecords(out, "compare-summary.csv") {
            XCTAssertGreaterThan(Double(row["test_accuracy"] ?? "") ?? 0, 0.85, "\(row)")
        }
        XCTAssertFalse(try read(out, "compare.md").contains("Validation"), "no validation split, no validation table")
        XCTAssertFalse(try read(out, "compare.csv").contains("valid_accuracy"))
    }

    func testBaselineOfATaskMatchesAFitOnItsFeatureMatrix() throws {
        let dataset = try TinyDataset.make()
        let task = try BinaryTask(parsing: "1:3")
        let options = LogisticRegression.Options(c: 0.5, threads: 2)
        let baseline = try TaskBaseline(train: dataset.train, task: task, options: options)
        let selection = task.select(from: dataset.train.labels)
        let matrix = try FeatureMatrix(images: dataset.train, indices: selection.indices)
        let direct = try LogisticRegression.fit(features: matrix, labels: selection.labels, options: options)
        XCTAssertEqual(baseline.fit.model, direct.model)
        XCTAssertEqual(baseline.trainExamples, 120)
        XCTAssertEqual(baseline.featureCount, 64)
        XCTAssertEqual(baseline.trainAccuracy, try direct.accuracy(on: matrix, labels: selection.labels))
        let test = try XCTUnwrap(dataset.test)
        let evaluation = try baseline.evaluate(on: test)
        let testSelection = task.select(from: test.labels)
        XCTAssertEqual(evaluation.examples, 40)
        XCTAssertEqual(evaluation.accuracy, try direct.accuracy(on: try FeatureMatrix(images: test, indices: testSelection.indices),
                                                                labels: testSelection.labels))
        XCTAssertThrowsError(try TaskBaseline(train: dataset.train, task: try BinaryTask(parsing: "0:7"))) { error in
            XCTAssertEqual(error as? ConfigurationError, .emptyTaskGroup(task: "0:7", group: 1, split: "tiny/train"))
        }
        XCTAssertThrowsError(try baseline.evaluate(on: try ImageSet(pixels: [0, 0], imageShape: [2], labels: [5], source: "other"))) { error in
            XCTAssertEqual(error as? ConfigurationError, .emptyTaskGroup(task: "1:3", group: 0, split: "other"))
        }
    }

    func testBaselineFitsOfOneTaskShareItsFeatures() throws {
        // Several C on one task build the feature matrices once, and give what separate fits give.
        let dataset = try TinyDataset.make()
        var runner = ExperimentRunner(dataset: dataset, threads: 1)
        let runs = try ["1:3", "1:3", "1:3", "0:2"].enumerated().map { position, task in
            BaselineRun(data: "tiny", task: try BinaryTask(parsing: task), threshold: 128,
                        settings: BaselineSettings(features: .bits, c: [1, 0.01, 0.001, 1][position]))
        }
        let shared = try runs.map { try runner.fit($0) }
        XCTAssertEqual(runner.baselineFeatureBuilds, 2, "one build for 1:3 and its three C, one for 0:2")
        for (run, result) in zip(runs, shared) {
            var fresh = ExperimentRunner(dataset: dataset, threads: 1)
            let alone = try fresh.fit(run)
            XCTAssertEqual(result.trainAccuracy, alone.trainAccuracy, "\(run)")
            XCTAssertEqual(result.testAccuracy, alone.testAccuracy, "\(run)")
            XCTAssertEqual(result.iterations, alone.iterations, "\(run)")
            XCTAssertEqual(result.testExamples, 40, "\(run)")
        }
        XCTAssertNotEqual(shared[0].trainAccuracy, 0)
    }

    func testBaselineLogResumesAndRefusesDamage() throws {
        let folder = TinyDataset.temporaryFolder(self)
        let run = BaselineRun(data: "ex80", task: try BinaryTask(parsing: "0:1"), threshold: 128,
                              settings: BaselineSettings(features: .pixels, c: 0.25))
        var log = try BaselineLog(folder: folder, name: "iwls")
        let stored = try log.append(BaselineResult(run: run, trainExamples: 10, testExamples: 5, trainAccuracy: 2.0 / 3.0,
                                                   validAccuracy: nil, testAccuracy: 0.8, iterations: 7, stopReason: .noDescent,
                                                   seconds: 1.23456))
        XCTAssertEqual(stored.trainAccuracy, 0.666667)
        XCTAssertEqual(stored.seconds, 1.235)
        XCTAssertNil(stored.validAccuracy)
        let reopened = try BaselineLog(folder: folder, name: "iwls")
        XCTAssertEqual(reopened.result(for: run), stored)
        XCTAssertNil(reopened.result(for: BaselineRun(data: "ex80", task: run.task, threshold: 128, settings: BaselineSettings())))
        let path = folder + "/iwls-baseline.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").last, "ex80,0:1,128,pixels,0.25,1e-06,100,10,5,0.666667,,0.800000,7,false,no-descent,1.235,,",
                       "no identity known: empty identity fields")
        XCTAssertEqual(reopened.result(for: run)?.stopReason, .noDescent)

        // A record cut short by an interruption is dropped.
        try (text + "ex81,0:1,128,bits").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try BaselineLog(folder: folder, name: "iwls").results.count, 1)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
        // Damaged records and foreign headers name the file and line.
        func error(_ contents: String) -> String {
            do {
                try contents.write(toFile: path, atomically: true, encoding: .utf8)
                _ = try BaselineLog(folder: folder, name: "iwls")
            } catch { return "\(error)" }
            return "no error"
        }
        let header = BaselineLog.columns.joined(separator: ",")
        XCTAssertEqual(error(header + "\nex80,0:1,128,bits,1.0,1e-06,100,10,5,0.5,,0.5,7,maybe,converged,1,,\n"),
                       "\(path), line 2: converged 'maybe' is neither 'true' nor 'false'")
        XCTAssertEqual(error(header + "\nex80,0:1,128,bits,1.0,1e-06,100,10,5,0.5,,0.5,7,false,stuck,1,,\n"),
                       "\(path), line 2: stop_reason 'stuck' is none of converged, iteration-cap, no-descent")
        XCTAssertEqual(error(header + "\nex80,0:1,128,bits,1.0,1e-06,100,10,5,0.5,,0.5,7,true,iteration-cap,1,,\n"),
                       "\(path), line 2: converged and stop_reason 'iteration-cap' disagree")
        XCTAssertEqual(error(header + "\nex80,0:1,128,colors,1.0,1e-06,100,10,5,0.5,,0.5,7,true,converged,1,,\n"),
                       "\(path), line 2: features 'colors' is neither 'bits' nor 'pixels'")
        XCTAssertEqual(error(header + "\nex80,0:1,128,bits,0,1e-06,100,10,5,0.5,,0.5,7,true,converged,1,,\n"),
                       "\(path), line 2: C '0' is not a number > 0")
        XCTAssertTrue(error("data,task\nex80,0:1\n").contains("is not this experiment's"))
        // A file from before the stop_reason and identity columns is read and rewritten with them.
        let oldHeader = BaselineLog.columns.filter { $0 != "stop_reason" && !DataIdentity.columns.contains($0) }
            .joined(separator: ",")
        try (oldHeader + "\nex80,0:1,128,bits,1.0,1e-06,100,10,5,0.5,,0.5,7,true,1.000\n"
             + "ex81,0:1,128,bits,1.0,1e-06,100,10,5,0.5,,0.5,100,false,2.000\n").write(toFile: path, atomically: true, encoding: .utf8)
        let upgraded = try BaselineLog(folder: folder, name: "iwls")
        XCTAssertEqual(upgraded.results.map(\.stopReason), [.converged, .iterationCap])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8),
                       header + "\nex80,0:1,128,bits,1.0,1e-06,100,10,5,0.500000,,0.500000,7,true,converged,1.000,,\n"
                       + "ex81,0:1,128,bits,1.0,1e-06,100,10,5,0.500000,,0.500000,100,false,iteration-cap,2.000,,\n")
    }

    func testRunLogWithAValidationColumn() throws {
        let folder = TinyDataset.temporaryFolder(self)
        let run = ExperimentRun(data: "ex80", task: try BinaryTask(parsing: "0:1"), threshold: 128,
                                shape: try NetworkShape(k: 2, hiddenWidths: []), seed: 3)
        var log = try RunLog(folder: folder, name: "iwls", validation: true)
        let layer = LayerReport(index: 0, width: 1, trainAccuracyMean: 0.7, trainAccuracyStandardDeviation: 0,
                                testAccuracyMean: 0.6, testAccuracyStandardDeviation: 0, tiedPatterns: 0, seconds: 0)
        try log.append(RunResult(run: run, trainExamples: 4, testExamples: 2, trainAccuracy: 0.7, testAccuracy: 0.6,
                                 testAccuracyTrueLabels: 0.6, validAccuracy: 0.65, seconds: 0, layers: [layer]))
        XCTAssertEqual(try RunLog(folder: folder, name: "iwls", validation: true).result(for: run)?.validAccuracy, 0.65)
        let text = try String(contentsOfFile: log.runsPath, encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").first.map(String.init), RunLog.runColumns(validation: true).joined(separator: ","))
        XCTAssertTrue(text.contains(",0.700000,0.650000,0.600000,"), text)
        // Without the column the file is another experiment's.
        XCTAssertThrowsError(try RunLog(folder: folder, name: "iwls")) { error in
            XCTAssertTrue("\(error)".contains("valid_accuracy"), "\(error)")
        }
    }

    /// The contest's five benchmarks with a small network: every benchmark found and loaded, the
    /// baseline and the network well above chance, the mean the mean of the benchmarks.
    func testIWLS2020Benchmarks() throws {
        let folder = try Fixtures.shared("iwls2020")
        let benchmarks = try IWLSBenchmarks.find(in: folder)
        XCTAssertEqual(benchmarks.map(\.name), ["ex80", "ex81", "ex82", "ex83", "ex84"])
        let data = try benchmarks.map { try IWLSBenchmarks.load($0, training: .train) }
        for item in data {
            XCTAssertEqual([item.dataset.train.count, item.validation?.count, item.dataset.test?.count], [6_400, 6_400, 6_400])
            XCTAssertEqual(item.dataset.train.imageShape, [196])
        }
        let experiment = try iwlsExperiment(benchmarks, training: .train, shapes: [try NetworkShape(k: 6, hiddenWidths: [256, 256])],
                                            seeds: 1)
        let out = TinyDataset.temporaryFolder(self)
        var runner = ExperimentRunner(data: data)
        try runner.perform(experiment, folder: out)
        let summary = try csvRecords(out, "iwls-summary.csv")
        func test(_ benchmark: String, _ k: String) -> Double {
            Double(summary.first { $0["case"] == benchmark && $0["k"] == k }?["test_accuracy"] ?? "") ?? -1
        }
        for name in ["ex80", "ex81", "ex82", "ex83", "ex84"] {
            XCTAssertGreaterThan(test(name, ""), 0.82, "baseline on \(name)")
            XCTAssertGreaterThan(test(name, "6"), 0.75, "network on \(name)")
        }
        let mean = ["ex80", "ex81", "ex82", "ex83", "ex84"].map { test($0, "") }.reduce(0, +) / 5
        XCTAssertEqual(test("mean", ""), mean, accuracy: 1e-6)
        XCTAssertTrue(try read(out, "iwls.md").contains("ex83 (MNIST 0,1 vs 2,3)"))
    }
}

/// `lutnet experiment iwls` and `compare` end to end on generated benchmarks, and their errors.
extension CommandLineTests {
    func testIWLSExperimentCommand() throws {
        let folder = try TinyBenchmarks.make(self)
        let out = TinyDataset.temporaryFolder(self)
        let outcome = try run(["experiment", "iwls", "--dir", folder, "--ks", "2,4", "--layers", "1x16", "--layers", "2x8",
                               "--seeds", "2", "--C", "1,0.1", "--out", out])
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        XCTAssertEqual(outcome.output.split(separator: "\n").map { ($0 as NSString).lastPathComponent },
                       ["iwls.csv", "iwls-layers.csv", "iwls-baseline.csv", "iwls.md", "iwls.svg", "iwls-summary.csv"])
        XCTAssertTrue(outcome.errors.contains("iwls: 16 networks and 4 baseline fits"), outcome.errors)
        let summary = try CSVTable.parse(try String(contentsOfFile: out + "/iwls-summary.csv", encoding: .utf8)).records
        XCTAssertEqual(summary.count, 1 + 2 * 6 + 6, "a header, every benchmark and method, then the means")
        let again = try run(["experiment", "iwls", "--dir", folder, "--ks", "2,4", "--layers", "1x16", "--layers", "2x8",
                             "--seeds", "2", "--C", "1,0.1", "--out", out])
        XCTAssertTrue(again.errors.contains("all 16 networks are already in the results"), again.errors)
        XCTAssertFalse(again.errors.contains("baseline ex01"), "no baseline is fitted again")

        try assertFails(["experiment", "iwls", "--dir", folder, "--train-on", "valid"], saying: "invalid --train-on: 'valid'")
        try assertFails(["experiment", "iwls", "--dir", folder, "--C", "1,0"], saying: "invalid --C: 0.0; the inverse regularization strength must be a number from 1e-12 to 1e+12")
        try assertFails(["experiment", "iwls", "--dir", folder, "--features", "colors"], saying: "The value 'colors' is invalid for '--features")
        try assertFails(["experiment", "iwls", "--dir", folder + "/absent"], saying: folder + "/absent: no such file or folder")
        try assertFails(["experiment", "iwls", "--dir", folder, "--ks", "17"], saying: "k = 17 is not supported")
        try assertFails(["experiment", "compare", "--task", "0:0"], saying: "class 0 is in both groups")
    }
}
