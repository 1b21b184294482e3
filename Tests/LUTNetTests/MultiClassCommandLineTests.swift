import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// The `lutnet` tool on multi-class tasks: train, save, eval, predict, baseline and compare agree,
/// write the confusion matrix, and refuse bad tasks naming them.
extension CommandLineTests {
    func testMultiClassTrainSaveEvalPredictAndConfusion() throws {
        let data = Fixtures.path("tiny")
        let folder = try Fixtures.temporaryFolder(for: self).path
        let model = folder + "/ten.lut", confusion = folder + "/ten-confusion"
        let trained = try run(["train", "--data", data, "--task", "all", "--layers", "2x64", "--k", "6", "--window", "4",
                               "--threads", "2", "--save", model, "--confusion", confusion, "--json"])
        XCTAssertEqual(trained.status, 0, trained.errors)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(trained.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["task"] as? String, "0:1:2:3:4:5:6:7:8:9")
        let test = try XCTUnwrap(report["test"] as? [String: Any])
        let accuracy = try XCTUnwrap(test["accuracy"] as? Double)
        XCTAssertGreaterThan(accuracy, 0.5, "ten classes of the tiny fixture")
        let rows = try XCTUnwrap(test["confusion"] as? [[Int]])
        XCTAssertEqual(rows.count, 10)
        let csv = try String(contentsOfFile: confusion + ".csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(csv.count, 11)
        XCTAssertEqual(csv[1], "0," + rows[0].map(String.init).joined(separator: ","))
        XCTAssertTrue(try String(contentsOfFile: confusion + ".svg", encoding: .utf8).contains("<svg"))

        let evaluated = try run(["eval", "--model", model, "--data", data])
        XCTAssertEqual(evaluated.status, 0, evaluated.errors)
        XCTAssertTrue(evaluated.output.contains(String(format: "test accuracy %.4f", accuracy)), evaluated.output)

        let predicted = try run(["predict", "--model", model, data + "/t10k-images-idx3-ubyte.gz"])
        XCTAssertEqual(predicted.status, 0, predicted.errors)
        let labels = try IDXTensor.read(path: data + "/t10k-labels-idx1-ubyte.gz").withUnsignedBytes { Array($0) }
        let answers: [UInt8?] = predicted.output.split(separator: "\n").map { UInt8($0) }
        XCTAssertEqual(answers.count, labels.count)
        let correct = zip(answers, labels).filter { $0.0 == $0.1 }.count as Int
        XCTAssertEqual(Double(correct) / Double(labels.count), accuracy, accuracy: 1e-9)
    }

    func testMultiClassBaselineAndCompare() throws {
        let data = Fixtures.path("tiny")
        let baseline = try run(["baseline", "--data", data, "--task", "all", "--json"])
        XCTAssertEqual(baseline.status, 0, baseline.errors)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(baseline.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["stopReason"] as? String, "converged")
        XCTAssertGreaterThan(try XCTUnwrap(report["trainAccuracy"] as? Double), 0.9)
        let compared = try run(["compare", "--data", data, "--task", "0:1:2", "--layers", "2x32", "--k", "4", "--format", "csv"])
        XCTAssertEqual(compared.status, 0, compared.errors)
        // The header, the networks the options name, the best preset's and the baseline.
        XCTAssertEqual(compared.output.split(separator: "\n").count, 4, compared.output)
        XCTAssertTrue(compared.output.contains("k=\(Preset.best.multiClass.k), 500,500,500 per class"), compared.output)
        XCTAssertTrue(compared.output.contains("multinomial logistic regression"), compared.output)
    }

    func testBadMultiClassTasksAreRefusedNamingThem() throws {
        let data = Fixtures.path("tiny")
        try assertFails(["train", "--data", data, "--task", "0:1:12"], saying: "invalid task '0:1:12': class 12 has no example in")
        try assertFails(["train", "--data", data, "--task", "0:1:1"], saying: "invalid task '0:1:1': class 1 is in more than one group")
        try assertFails(["baseline", "--data", data, "--task", "7"], saying: "invalid task '7'")
        try assertFails(["train", "--data", data, "--task", "0:1", "--window", "4"], saying: "invalid --window")
        try assertFails(["train", "--data", data, "--task", "0:1", "--shared-first-layer"],
                        saying: "invalid --shared-first-layer: it applies to multi-class tasks")
        try assertFails(["train", "--data", data, "--task", "0:1", "--alternate-halves"],
                        saying: "invalid --alternate-halves: it applies to multi-class tasks")
        try assertFails(["train", "--data", data, "--task", "all", "--window", "11"], saying: "invalid --window: 11")
        try assertFails(["train", "--data", data, "--task", "0:1", "--confusion", "/tmp/x"], saying: "invalid --confusion")
        try assertFails(["baseline", "--data", data, "--task", "0:1", "--confusion", "/tmp/x"], saying: "invalid --confusion")
    }

    func testExperimentCompareOnMultiClassTasks() throws {
        let data = Fixtures.path("tiny")
        let out = try Fixtures.temporaryFolder(for: self).path
        let compared = try run(["experiment", "compare", "--data", data, "--task", "all", "--ks", "4", "--layers", "2x32",
                                "--seeds", "2", "--threads", "2", "--out", out])
        XCTAssertEqual(compared.status, 0, compared.errors)
        let runs = try csvRecords(out, "compare.csv")
        XCTAssertEqual(runs.map { [$0["task"], $0["k"], $0["layers"], $0["window"], $0["seed"]] },
                       [["0:1:2:3:4:5:6:7:8:9", "4", "2x32", "6", "0"], ["0:1:2:3:4:5:6:7:8:9", "4", "2x32", "6", "1"]],
                       "the default window of image data")
        XCTAssertTrue(runs.allSatisfy { (Double($0["test_accuracy"] ?? "") ?? 0) > 0.5 }, "\(runs)")
        let baselines = try csvRecords(out, "compare-baseline.csv")
        XCTAssertEqual(baselines.map { [$0["task"], $0["tolerance"], $0["max_iterations"], $0["stop_reason"]] },
                       [["0:1:2:3:4:5:6:7:8:9", "1e-05", "100", "converged"]], "the multinomial fit's defaults")
        XCTAssertTrue(try read(out, "compare.md").contains("| multinomial logistic regression (C = 1, bits) |"))

        // Without --ks and --layers: the multi-class default shape, k 10, 3 × 500 per class.
        let defaults = try run(["experiment", "compare", "--data", data, "--task", "0:1:2", "--seeds", "1", "--no-baseline",
                                "--window", "0", "--threads", "2", "--out", out + "/defaults"])
        XCTAssertEqual(defaults.status, 0, defaults.errors)
        XCTAssertEqual(try csvRecords(out + "/defaults", "compare.csv").map { [$0["task"], $0["k"], $0["layers"], $0["window"]] },
                       [["0:1:2", "10", "3x500", "none"]])

        try assertFails(["experiment", "compare", "--data", data, "--task", "0:1", "--window", "4"], saying: "invalid --window: windows apply to multi-class tasks")
        try assertFails(["experiment", "compare", "--data", data, "--task", "all", "--task", "0:1"],
                        saying: "invalid --task: 0:1 is a binary task but 0:1:2:3:4:5:6:7:8:9 a multi-class one")
        try assertFails(["experiment", "compare", "--data", data, "--task", "all", "--window=-2"], saying: "invalid --window: -2")
        try assertFails(["experiment", "compare", "--data", data, "--task", "all", "--layers", "0"], saying: "invalid --layers: '0'")
        try assertFails(["experiment", "compare", "--data", data, "--task", "all", "--window", "11", "--out", out + "/large"],
                        saying: "invalid --window: 11")
        try assertFails(["experiment", "compare", "--data", data, "--task", "0:1:12"], saying: "invalid task '0:1:12': class 12 has no example")
    }
}
