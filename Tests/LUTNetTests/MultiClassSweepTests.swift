import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// The k and width sweeps on multi-class tasks: one-vs-rest models on the real labels, recorded
/// with their wiring, each what training it directly gives.
final class MultiClassSweepTests: XCTestCase {
    private func settings(seeds: Int = 2) throws -> ExperimentSettings {
        try ExperimentSettings(data: "tiny", threshold: 128, seedCount: seeds)
    }

    private let task = try? MultiClassTask(parsing: "0:1:2:3")

    func testKSweepTrainsOneVsRestModelsOnRealLabelsOnly() throws {
        let dataset = try TinyDataset.make()
        let task = try XCTUnwrap(task)
        let sweep = try KSweepExperiment(settings: try settings(), task: .multiClass(task), wiring: .windowOnly(4), ks: [3, 5],
                                         hiddenWidths: [16, 16])
        XCTAssertTrue(sweep.recordsWindows)
        XCTAssertEqual(sweep.runs.map(\.description), [
            "task 0:1:2:3, k=3, layers 2x16 per class, window 4, seed 0", "task 0:1:2:3, k=3, layers 2x16 per class, window 4, seed 1",
            "task 0:1:2:3, k=5, layers 2x16 per class, window 4, seed 0", "task 0:1:2:3, k=5, layers 2x16 per class, window 4, seed 1"])
        let out = TinyDataset.temporaryFolder(self)
        var runner = ExperimentRunner(dataset: dataset, threads: 2)
        try runner.perform(sweep, folder: out)
        let records = try csvRecords(out, "k-sweep.csv")
        XCTAssertEqual(records.map { "\($0["k"]!) \($0["labels"]!) \($0["window"]!)" }, ["3 real 4", "3 real 4", "5 real 4", "5 real 4"])
        for record in records {
            let options = MultiClassTrainingOptions(shape: try NetworkShape(k: Int(record["k"] ?? "") ?? 0, hiddenWidths: [16, 16]),
                                                    seed: UInt64(record["seed"] ?? "") ?? 99, window: 4, threads: 1)
            let direct = try MultiClassNetwork.train(on: dataset, task: task, threshold: 128, options: options)
            XCTAssertEqual(record["test_accuracy"], ResultRecords.accuracy(try XCTUnwrap(direct.testConfusion).accuracy))
            XCTAssertEqual(record["train_accuracy"], ResultRecords.accuracy(direct.trainConfusion.accuracy))
        }
        let markdown = try read(out, "k-sweep.md")
        XCTAssertTrue(markdown.contains("tiny, task 0:1:2:3, 2 × 16 LUTs per class, 4 × 4 windows, 2 seeds"), markdown)
        XCTAssertFalse(markdown.contains("random labels: train"), "one-vs-rest models learn real classes only")
        XCTAssertTrue(markdown.contains("| k | real labels: train | real labels: test | seconds per network |"), markdown)
    }

    func testWidthSweepWiresEveryClassNetwork() throws {
        let dataset = try TinyDataset.make()
        let task = try XCTUnwrap(task)
        let wiring = try WiringSpec(parsing: "hier:4,8,2")
        let sweep = try WidthExperiment(settings: try settings(seeds: 1), task: .multiClass(task), wiring: wiring, k: 4, depth: 2,
                                        widths: [8, 16])
        let out = TinyDataset.temporaryFolder(self)
        var runner = ExperimentRunner(dataset: dataset, threads: 2)
        try runner.perform(sweep, folder: out)
        let records = try csvRecords(out, "width.csv")
        XCTAssertEqual(records.map { "\($0["layers"]!) \($0["window"]!)" }, ["2x8 hier:4,8,2", "2x16 hier:4,8,2"])
        let direct = try MultiClassNetwork.train(on: dataset, task: task, threshold: 128, options: MultiClassTrainingOptions(
            shape: try NetworkShape(k: 4, hiddenWidths: [16, 16]), seed: 0, wiring: wiring, threads: 1))
        XCTAssertEqual(records[1]["test_accuracy"], ResultRecords.accuracy(try XCTUnwrap(direct.testConfusion).accuracy))
        XCTAssertTrue(try read(out, "width.md").contains("k = 4, 2 hidden layers per class, wired hier:4,8,2"))
    }

    func testImpossibleSweepsAreRefusedNamingTheOption() throws {
        let binary = ClassTask.binary(try BinaryTask(parsing: "0-1:2-3"))
        let multi = ClassTask.multiClass(try XCTUnwrap(task))
        XCTAssertThrowsError(try KSweepExperiment(settings: try settings(), task: binary, wiring: .windowOnly(4), ks: [4],
                                                  hiddenWidths: [8])) { error in
            XCTAssertEqual(error as? ConfigurationError, .invalidValue(
                option: "--wiring", reason: "local:4 is for multi-class tasks here; 0,1:2,3 is binary"))
        }
        XCTAssertThrowsError(try KSweepExperiment(settings: try settings(), task: multi, ks: [4], hiddenWidths: [])) { error in
            XCTAssertEqual((error as? ConfigurationError).map { "\($0)" }?.contains("--layers"), true, "\(error)")
        }
        // The binary sweeps are unchanged: both label kinds, no window column.
        let sweep = try KSweepExperiment(settings: try settings(seeds: 1), task: try BinaryTask(parsing: "0-1:2-3"), ks: [4],
                                         hiddenWidths: [8])
        XCTAssertFalse(sweep.recordsWindows)
        XCTAssertEqual(sweep.runs.map(\.labels), [.real, .random])
    }
}
