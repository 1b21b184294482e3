import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetBaseline
@testable import LUTNetExperiments

/// The comparison experiment on multi-class tasks: one-vs-rest networks beside multinomial
/// logistic regression, recorded with their windows, resumed, and refused when mixed with binary
/// tasks or given binary-only settings.
final class MultiClassComparisonTests: XCTestCase {
    private let task = try? MultiClassTask(parsing: "0:1:2:3")

    private func experiment(seeds: Int = 2, window: Int? = 4) throws -> ComparisonExperiment {
        let task = try XCTUnwrap(task)
        return try ComparisonExperiment(
            name: "compare", title: "tiny", caseHeading: "task",
            settings: try ExperimentSettings(data: "tiny", threshold: 128, seedCount: seeds),
            cases: [ComparisonExperiment.Case(label: "all", data: "tiny", task: .multiClass(task))],
            shapes: [try NetworkShape(k: 4, hiddenWidths: [16, 16])],
            baselines: [BaselineSettings(tolerance: 1e-5)], wiring: .windowOnly(window))
    }

    func testMultiClassComparisonRecordsWhatDirectTrainingGives() throws {
        let dataset = try TinyDataset.make()
        let task = try XCTUnwrap(task)
        let experiment = try experiment()
        XCTAssertTrue(experiment.recordsWindows)
        XCTAssertEqual(experiment.runs.map(\.description),
                       ["task 0:1:2:3, k=4, layers 2x16 per class, window 4, seed 0",
                        "task 0:1:2:3, k=4, layers 2x16 per class, window 4, seed 1"])
        let out = TinyDataset.temporaryFolder(self)
        var runner = ExperimentRunner(dataset: dataset, threads: 2)
        try runner.perform(experiment, folder: out)

        // Every record is what training the model directly gives, rounded as written.
        let accuracy = ResultRecords.accuracy
        let runs = try csvRecords(out, "compare.csv")
        XCTAssertEqual(try read(out, "compare.csv").split(separator: "\n").first.map(String.init),
                       RunLog.runColumns(validation: false, windows: true).joined(separator: ","))
        XCTAssertEqual(runs.count, 2)
        for (seed, record) in runs.enumerated() {
            let direct = try MultiClassNetwork.train(on: dataset, task: task, threshold: 128, options: MultiClassTrainingOptions(
                shape: try NetworkShape(k: 4, hiddenWidths: [16, 16]), seed: UInt64(seed), window: 4, threads: 1))
            let test = try XCTUnwrap(direct.testConfusion).accuracy
            XCTAssertEqual(record.filter { !["seconds", "data_path", "data_crc32"].contains($0.key) }, [
                "data": "tiny", "task": "0:1:2:3", "threshold": "128", "k": "4", "layers": "2x16", "labels": "real",
                "train_size": "all", "seed": String(seed), "window": "4", "train_examples": "240", "test_examples": "80",
                "train_accuracy": accuracy(direct.trainConfusion.accuracy), "test_accuracy": accuracy(test),
                "test_accuracy_true_labels": accuracy(test)])
            // Four classes that light their own pixels: the models tell them apart.
            XCTAssertGreaterThan(test, 0.9)
        }
        XCTAssertEqual(try read(out, "compare-layers.csv"), RunLog.layerColumns.joined(separator: ",") + "\n",
                       "a multi-class model has no layer records")

        // The baseline: one multinomial fit, what fitting it directly gives.
        let direct = try MultiClassBaseline(train: dataset.train, task: task, options: LogisticRegression.Options(tolerance: 1e-5))
        let directTest = try direct.evaluate(on: try XCTUnwrap(dataset.test)).confusion.accuracy
        let baselines = try csvRecords(out, "compare-baseline.csv")
        XCTAssertEqual(baselines.count, 1)
        XCTAssertEqual(baselines[0]["task"], "0:1:2:3")
        XCTAssertEqual(baselines[0]["tolerance"], "1e-05")
        XCTAssertEqual(baselines[0]["train_examples"], "240")
        XCTAssertEqual(baselines[0]["test_examples"], "80")
        XCTAssertEqual(baselines[0]["train_accuracy"], accuracy(direct.trainAccuracy))
        XCTAssertEqual(baselines[0]["test_accuracy"], accuracy(directTest))
        XCTAssertEqual(baselines[0]["iterations"], String(direct.fit.iterations))
        XCTAssertEqual(baselines[0]["stop_reason"], "converged")

        // The summary: the networks' mean over seeds, the baseline's one fit.
        let summary = try csvRecords(out, "compare-summary.csv")
        XCTAssertEqual(summary.map { "\($0["case"]!) \($0["method"]!) \($0["runs"]!)" },
                       ["all LUT k = 4, 2 × 16 per class 2", "all multinomial logistic regression (C = 1, bits) 1",
                        "mean LUT k = 4, 2 × 16 per class 1", "mean multinomial logistic regression (C = 1, bits) 1"])
        let seedMean = runs.compactMap { Double($0["test_accuracy"] ?? "") }.reduce(0, +) / 2
        XCTAssertEqual(Double(summary[0]["test_accuracy"] ?? "") ?? -1, seedMean, accuracy: 1e-6)
        XCTAssertEqual(summary[1]["test_accuracy"], accuracy(directTest))
        let markdown = try read(out, "compare.md")
        XCTAssertTrue(markdown.contains("one-vs-rest LUT networks (one per class, the class with the most votes of its last layer "
                                        + "wins; first layer in 4 × 4 windows) with 2 seeds each, the multinomial logistic-regression "
                                        + "baseline"), markdown)
        XCTAssertTrue(try read(out, "compare.svg").contains("multinomial logistic regression (C = 1, bits)"))
        // One task: one bar per method, no mean bar repeating it.
        let chart = try SVGInspector(try read(out, "compare.svg"))
        XCTAssertEqual(chart.elements("rect", class: "bar").count, 2)
        XCTAssertEqual(chart.elements("text", class: "category-label").map(\.text), ["all"])
    }

    func testMultiClassComparisonResumesSkippingRecordedRuns() throws {
        let dataset = try TinyDataset.make()
        let out = TinyDataset.temporaryFolder(self)
        // Before: seed 0 and the baseline. Now seeds 0-2: only seeds 1 and 2 train, the baseline is kept.
        func perform(_ experiment: ComparisonExperiment) throws -> (toTrain: Int, done: Int, fits: Int) {
            var counts = (toTrain: -1, done: -1, fits: 0)
            var resumed = ExperimentRunner(dataset: dataset, threads: 2)
            try resumed.perform(experiment, folder: out, started: { counts.toTrain = $0; counts.done = $1 },
                                baselineProgress: { _ in counts.fits += 1 })
            return counts
        }
        XCTAssertEqual(try perform(try experiment(seeds: 1)).fits, 1)
        let first = try csvRecords(out, "compare.csv")
        let counts = try perform(try experiment(seeds: 3))
        XCTAssertEqual(counts.toTrain, 2)
        XCTAssertEqual(counts.done, 1)
        XCTAssertEqual(counts.fits, 0, "the baseline's fit is recorded")
        let all = try csvRecords(out, "compare.csv")
        XCTAssertEqual(all.map { $0["seed"] }, ["0", "1", "2"])
        XCTAssertEqual(all[0], first[0], "the recorded run is kept as it was")
        let report = try read(out, "compare.md")
        let again = try perform(try experiment(seeds: 3))
        XCTAssertEqual(again.toTrain, 0)
        XCTAssertEqual(again.done, 3)
        XCTAssertEqual(try read(out, "compare.md"), report, "a resumed report is the same")

        // Another window is another run: its seeds train anew beside the recorded ones.
        let windowless = try perform(try experiment(seeds: 1, window: nil))
        XCTAssertEqual(windowless.toTrain, 1)
        XCTAssertEqual(try csvRecords(out, "compare.csv").map { $0["window"] }, ["4", "4", "4", "none"])
    }

    func testNearestWiringIsRecordedTrainedAsDirectlyAndResumed() throws {
        let dataset = try TinyDataset.make()
        let task = try XCTUnwrap(task)
        let wiring = try WiringSpec(parsing: "hier:4,8,2")
        let shape = try NetworkShape(k: 4, hiddenWidths: [16, 16])
        let experiment = try ComparisonExperiment(
            name: "compare", title: "tiny", caseHeading: "task",
            settings: try ExperimentSettings(data: "tiny", threshold: 128, seedCount: 2),
            cases: [ComparisonExperiment.Case(label: "all", data: "tiny", task: .multiClass(task))],
            shapes: [shape], baselines: [], wiring: wiring)
        XCTAssertEqual(experiment.runs.first?.description, "task 0:1:2:3, k=4, layers 2x16 per class, wiring hier:4,8,2, seed 0")
        let out = TinyDataset.temporaryFolder(self)
        var runner = ExperimentRunner(dataset: dataset, threads: 2)
        try runner.perform(experiment, folder: out)
        let runs = try csvRecords(out, "compare.csv")
        XCTAssertEqual(runs.map { $0["window"] }, ["hier:4,8,2", "hier:4,8,2"])
        for (seed, record) in runs.enumerated() {
            let direct = try MultiClassNetwork.train(on: dataset, task: task, threshold: 128, options: MultiClassTrainingOptions(
                shape: shape, seed: UInt64(seed), wiring: wiring, threads: 1))
            XCTAssertEqual(record["test_accuracy"], ResultRecords.accuracy(try XCTUnwrap(direct.testConfusion).accuracy))
            XCTAssertEqual(record["train_accuracy"], ResultRecords.accuracy(direct.trainConfusion.accuracy))
        }
        XCTAssertTrue(try read(out, "compare.md").contains("first layer in 4 × 4 windows, wired `hier:4,8,2`: layers 2 to 2 "
                                                           + "read the 8 nearest LUTs of their class's layer below"))
        var resumed = ExperimentRunner(dataset: dataset, threads: 2)
        var toTrain = -1
        try resumed.perform(experiment, folder: out, started: { toTrain = $0; _ = $1 })
        XCTAssertEqual(toTrain, 0, "the recorded wiring reads back as the same runs")
        // Windows alone are still recorded as their side.
        XCTAssertEqual(RunWindow(multiClassWiring: try WiringSpec(parsing: "local:5")), .side(5))
        XCTAssertEqual(RunWindow(multiClassWiring: .random), .wholeInput)
    }

    func testRecordsOfMultiClassRunsAreCheckedWhenRead() throws {
        let out = TinyDataset.temporaryFolder(self)
        try ResultFiles.makeFolder(out)
        let header = RunLog.runColumns(validation: false, windows: true).joined(separator: ",")
        func refusal(_ identity: String) throws -> String {
            try ResultFiles.write(header + "\n" + identity + ",240,80,0.9,0.9,0.9,1.0,,\n", to: out + "/compare.csv")
            do {
                _ = try RunLog(folder: out, name: "compare", windows: true)
                return "read"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(try refusal("tiny,0:1,128,4,2x16,real,all,0,4").contains("window '4' given for binary task 0:1"))
        XCTAssertTrue(try refusal("tiny,0:1:2,128,4,2x16,real,all,0,").contains("multi-class task 0:1:2 without a window"))
        XCTAssertTrue(try refusal("tiny,0:1:2,128,4,2x16,real,all,0,-3").contains("window '-3' is neither"))
        XCTAssertTrue(try refusal("tiny,0:1:2,128,4,2x16,real,all,0,\"hier:4,0,2\"").contains("window 'hier:4,0,2'"))
        XCTAssertEqual(try refusal("tiny,0:1:2,128,4,2x16,real,all,0,\"hier:4,8,2\""), "read")
        XCTAssertTrue(try refusal("tiny,0:1:2,128,4,2x16,random,all,0,4").contains("a multi-class run takes real labels"))
        XCTAssertEqual(try refusal("tiny,0:1:2,128,4,2x16,real,all,0,none"), "read")
        XCTAssertEqual(try refusal("tiny,0:1,128,4,2x16,real,all,0,"), "read")
        // A multi-class run cannot go into results without the window column.
        var binaryLog = try RunLog(folder: TinyDataset.temporaryFolder(self), name: "compare")
        let run = ExperimentRun(data: "tiny", task: try XCTUnwrap(task), threshold: 128,
                                shape: try NetworkShape(k: 4, hiddenWidths: [16]), window: 4, seed: 0)
        XCTAssertThrowsError(try binaryLog.append(RunResult(run: run, trainExamples: 1, testExamples: 0, trainAccuracy: 1,
                                                            testAccuracy: nil, testAccuracyTrueLabels: nil, seconds: 0,
                                                            layers: [])))
    }

    func testImpossibleComparisonsAreRefusedNamingTheOption() throws {
        let settings = try ExperimentSettings(data: "tiny", threshold: 128, seedCount: 1)
        let multi = ComparisonExperiment.Case(label: "0:1:2", data: "tiny", task: .multiClass(try MultiClassTask(parsing: "0:1:2")))
        let binary = ComparisonExperiment.Case(label: "0:1", data: "tiny", task: try BinaryTask(parsing: "0:1"))
        let shape = try NetworkShape(k: 4, hiddenWidths: [16])
        func refusal(_ cases: [ComparisonExperiment.Case], shapes: [NetworkShape]? = nil, window: Int? = nil) -> ConfigurationError? {
            do {
                _ = try ComparisonExperiment(name: "compare", title: "tiny", caseHeading: "task", settings: settings, cases: cases,
                                             shapes: shapes ?? [shape], baselines: [], wiring: window.map { .windowOnly($0) })
                return nil
            } catch { return error }
        }
        XCTAssertEqual(refusal([binary, multi]), .invalidValue(
            option: "--task", reason: "0:1 is a binary task but 0:1:2 a multi-class one; compare tasks of one kind at a time"))
        XCTAssertEqual(refusal([multi, binary]), .invalidValue(
            option: "--task", reason: "0:1 is a binary task but 0:1:2 a multi-class one; compare tasks of one kind at a time"))
        XCTAssertEqual(refusal([binary], window: 4), .invalidValue(
            option: "--window", reason: "windows apply to multi-class tasks (three or more groups, or 'all'); 0:1 is binary"))
        XCTAssertEqual(refusal([multi], window: 0), .invalidValue(option: "--window", reason: "0 is not a side >= 1"))
        XCTAssertEqual(refusal([multi], shapes: [try NetworkShape(k: 4, hiddenWidths: [])]), .invalidValue(
            option: "--layers", reason: "'0': a multi-class network needs at least one hidden layer, whose LUTs vote for their class"))
        XCTAssertNil(refusal([multi], window: 4))
    }
}
