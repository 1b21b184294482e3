import Foundation
import XCTest
@testable import LUTNet
import LUTNetExperiments

/// The `lutnet` tool end to end: results on real data, and a clear error with a non-zero exit for
/// every impossible option.
final class CommandLineTests: XCTestCase {
    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
    }

    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Fixtures.builtProduct("lutnet"))
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                       errors: String(decoding: err, as: UTF8.self))
    }

    /// `lutnet eval` of `model` on `data` prints `describes` and the test accuracy `accuracy`, and
    /// `lutnet predict` of the test images prints `predictions`, one per line.
    func assertEvalAndPredict(model: String, data: String, describes: String, accuracy: Double, predictions: [UInt8],
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let evaluated = try run(["eval", "--model", model, "--data", data])
        XCTAssertEqual(evaluated.status, 0, evaluated.errors, file: file, line: line)
        XCTAssertTrue(evaluated.output.contains(describes), evaluated.output, file: file, line: line)
        XCTAssertTrue(evaluated.output.contains(String(format: "test accuracy %.4f", accuracy)), evaluated.output,
                      file: file, line: line)
        let predicted = try run(["predict", "--model", model, data + "/t10k-images-idx3-ubyte.gz"])
        XCTAssertEqual(predicted.status, 0, predicted.errors, file: file, line: line)
        XCTAssertEqual(predicted.output.split(separator: "\n").map { UInt8($0) }, predictions.map { Optional($0) },
                       file: file, line: line)
    }

    func assertFails(_ arguments: [String], saying expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let outcome = try run(arguments)
        XCTAssertNotEqual(outcome.status, 0, "\(arguments) should fail", file: file, line: line)
        // A crash ends with a signal (status above 128 or a trap message), not an error message.
        XCTAssertLessThan(outcome.status, 128, file: file, line: line)
        XCTAssertTrue(outcome.errors.contains(expected), "\(arguments): stderr was \(outcome.errors)", file: file, line: line)
    }

    func testImpossibleOptionsGiveClearErrors() throws {
        let data = try Fixtures.fashionMNIST()
        try assertFails(["train", "--data", data, "--k", "0"], saying: "k = 0 is not supported")
        try assertFails(["train", "--data", data, "--k", "17"], saying: "k = 17 is not supported")
        try assertFails(["train", "--data", data, "--layers", "3x0"], saying: "invalid layers '3x0'")
        try assertFails(["train", "--data", data, "--task", "0-4:4-9"], saying: "class 4 is in both groups")
        try assertFails(["train", "--data", data, "--task", ":5"], saying: "invalid task ':5'")
        try assertFails(["train", "--data", data, "--task", "0:10"], saying: "group B has no examples")
        try assertFails(["train", "--data", data, "--threshold", "0"], saying: "threshold 0 is not supported")
        try assertFails(["train", "--data", "/nonexistent/data"], saying: "/nonexistent/data: no such file or folder")
        try assertFails(["eval", "--model", "/nonexistent/model.lut", "--data", data], saying: "/nonexistent/model.lut")
    }

    func testTrainSaveEvalAndPredictAgree() throws {
        let data = try Fixtures.fashionMNIST()
        let model = FileManager.default.temporaryDirectory.appendingPathComponent("lutnet-cli-\(UUID().uuidString).lut").path
        defer { try? FileManager.default.removeItem(atPath: model) }
        let trained = try run(["train", "--data", data, "--task", "1:9", "--layers", "2x64", "--save", model, "--json"])
        XCTAssertEqual(trained.status, 0, trained.errors)
        let report = try JSONSerialization.jsonObject(with: Data(trained.output.utf8)) as? [String: Any]
        let figures = report?["report"] as? [String: Any]
        let testAccuracy = try XCTUnwrap(figures?["testAccuracy"] as? Double)
        // Trousers against ankle boots: an easy pair.
        XCTAssertGreaterThan(testAccuracy, 0.95)
        XCTAssertEqual((figures?["layers"] as? [Any])?.count, 3)

        let evaluated = try run(["eval", "--model", model, "--data", data])
        XCTAssertEqual(evaluated.status, 0, evaluated.errors)
        XCTAssertTrue(evaluated.output.contains(String(format: "test accuracy %.4f", testAccuracy)), evaluated.output)

        let predicted = try run(["predict", "--model", model, data + "/t10k-images-idx3-ubyte.gz"])
        XCTAssertEqual(predicted.status, 0, predicted.errors)
        XCTAssertEqual(predicted.output.split(separator: "\n").count, 10_000)

        try assertFails(["eval", "--model", model, "--data", try Fixtures.shared("cifar10")],
                        saying: "the data has 3072 input bits per example but the model reads 784")
    }

    /// `--k 6/4`: trained, saved as a version-6 model, evaluated, predicted and exported like any
    /// other; impossible per-layer ks are refused naming the option.
    func testPerLayerKTrainsEvaluatesPredictsAndExports() throws {
        let data = Fixtures.path("tiny")
        let folder = try Fixtures.temporaryFolder(for: self)
        let model = folder.appendingPathComponent("per-layer.lut").path
        let trained = try run(["train", "--data", data, "--k", "6/4", "--layers", "2x16", "--seed", "7", "--save", model, "--json"])
        XCTAssertEqual(trained.status, 0, trained.errors)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(trained.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["k"] as? Int, 6)
        XCTAssertEqual(report["layerKs"] as? [Int], [6, 4, 4])
        let testAccuracy = try XCTUnwrap((report["report"] as? [String: Any])?["testAccuracy"] as? Double)
        XCTAssertGreaterThan(testAccuracy, 0.8)
        let network = try ModelFile.load(from: model)
        XCTAssertEqual(network.layerKs, [6, 4, 4])

        let images = try ImageSet(unlabeled: try IDXTensor.read(path: data + "/t10k-images-idx3-ubyte.gz"))
        try assertEvalAndPredict(model: model, data: data, describes: "k=6/4, 2x16 + 1 output LUT", accuracy: testAccuracy,
                                 predictions: try network.predict(images))

        let exported = try run(["export", "--model", model, "--format", "blif"])
        XCTAssertEqual(exported.status, 0, exported.errors)
        XCTAssertTrue(exported.output.contains(".model lutnet"), exported.output)

        try assertFails(["train", "--data", data, "--k", "12//8"], saying: "invalid --k: '12//8' has an empty part")
        try assertFails(["train", "--data", data, "--k", "/8"], saying: "invalid --k: '/8' has an empty part")
        try assertFails(["train", "--data", data, "--k", "12/17"], saying: "invalid --k: k = 17 in '12/17' is not supported")
        try assertFails(["train", "--data", data, "--k", "8/6/4/2", "--layers", "2x16"],
                        saying: "invalid k '8/6/4/2': 4 values, but the network has only 3 layers (2 hidden and the output LUT)")
        try assertFails(["train", "--data", data, "--task", "all", "--k", "12/8"],
                        saying: "invalid --k: per-layer k 12/8 is not taken here: every layer of a multi-class model has one k")
        try assertFails(["compare", "--data", data, "--task", "all", "--k", "12/8"],
                        saying: "invalid --k: per-layer k 12/8 is not taken here: every layer of a multi-class model has one k")
        let out = folder.appendingPathComponent("sweep").path
        try assertFails(["experiment", "k-sweep", "--data", data, "--ks", "4,12/8", "--out", out],
                        saying: "invalid --ks: per-layer k 12/8 is not taken here: k-sweep sets one k for every layer")
        try assertFails(["experiment", "wiring", "--data", data, "--k", "8,12//8", "--out", out], saying: "invalid --k: '12//8' has an empty part")
        try assertFails(["experiment", "compare", "--data", data, "--task", "all", "--ks", "12/8", "--out", out],
                        saying: "invalid --ks: per-layer k 12/8 is not taken here: every layer of a multi-class model has one k")
    }

    func testCompareTrainsBothMethodsOnTheSameSplit() throws {
        let outcome = try run(["compare", "--data", Fixtures.path("tiny"), "--layers", "2x64", "--k", "6", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["trainExamples"] as? Int, 600)
        XCTAssertEqual(report["testExamples"] as? Int, 200)
        let rows = try XCTUnwrap(report["rows"] as? [[String: Any]])
        // The network the options name, the best preset (0-4:5-9 through its classes), logistic regression.
        XCTAssertEqual(rows.count, 3)
        // The fixture's classes light distinct pixel blocks: every method learns them.
        for row in rows {
            XCTAssertGreaterThan(try XCTUnwrap(row["testAccuracy"] as? Double), 0.85, "\(row)")
            XCTAssertGreaterThan(try XCTUnwrap(row["modelBytes"] as? Int), 0)
        }
        XCTAssertTrue((rows[0]["method"] as? String)?.hasPrefix("LUT network (k=6") == true)
        XCTAssertTrue((rows[1]["method"] as? String)?.hasPrefix("LUT networks, one per class of 0-4:5-9") == true, "\(rows[1])")
        XCTAssertEqual(rows[2]["modelBytes"] as? Int, (100 + 1) * 8)

        // The baseline fitted on the network's bits has exactly the figures of one fitted on the pixels.
        let alone = try run(["baseline", "--data", Fixtures.path("tiny"), "--json"])
        XCTAssertEqual(alone.status, 0, alone.errors)
        let baseline = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(alone.output.utf8)) as? [String: Any])
        XCTAssertEqual(rows[2]["trainAccuracy"] as? Double, baseline["trainAccuracy"] as? Double)
        XCTAssertEqual(rows[2]["testAccuracy"] as? Double, baseline["testAccuracy"] as? Double)
        // With --preset best the network is the best preset, shown once.
        let best = try run(["compare", "--data", Fixtures.path("tiny"), "--preset", "best", "--format", "csv"])
        XCTAssertEqual(best.status, 0, best.errors)
        XCTAssertEqual(best.output.split(separator: "\n").count, 3, best.output)

        let table = try run(["compare", "--data", Fixtures.path("tiny"), "--layers", "1x16", "--format", "md"])
        XCTAssertTrue(table.output.contains("| method | train accuracy | test accuracy |"), table.output)
    }

    func testBaselineRefusesImpossibleOptions() throws {
        let data = Fixtures.path("tiny")
        try assertFails(["baseline", "--data", data, "--C", "0"], saying: "invalid --C: 0.0")
        try assertFails(["baseline", "--data", data, "--C", "1e39"], saying: "invalid --C: 1e+39; the inverse regularization strength must be a number from 1e-12 to 1e+12")
        try assertFails(["baseline", "--data", data, "--C", "1e-46"], saying: "invalid --C: 1e-46")
        try assertFails(["baseline", "--data", data, "--threads=-3"], saying: "invalid --threads: -3 threads; use 1 to 1024")
        try assertFails(["baseline", "--data", data, "--max-iterations", "0"], saying: "invalid --max-iterations: 0")
        try assertFails(["baseline", "--data", data, "--tolerance", "0"], saying: "invalid --tolerance: 0.0")
        try assertFails(["experiment", "compare", "--data", data, "--C", "1,-2"], saying: "invalid --C: -2.0")
        try assertFails(["experiment", "compare", "--data", data, "--max-iterations", "0"], saying: "invalid --max-iterations")
        try assertFails(["baseline", "--data", data, "--features", "colors"], saying: "The value 'colors' is invalid for '--features")
        try assertFails(["compare", "--data", data, "--task", "0:11"], saying: "group B has no examples")
    }

    func testNetworksTooLargeAndUnwritableModelPathsAreRefusedBeforeTraining() throws {
        let data = Fixtures.path("tiny")
        try assertFails(["train", "--data", data, "--layers", "1x16777216", "--k", "16"], saying: "training needs about")
        let folder = try Fixtures.temporaryFolder(for: self).path
        try assertFails(["train", "--data", data, "--layers", "1x8", "--save", folder], saying: "this is a folder")
        try assertFails(["train", "--data", data, "--layers", "1x8", "--save", folder + "/missing/m.lut"], saying: "does not exist")
    }

    func testTestOptionTakesTheTestSplitOfADatasetFolder() throws {
        let data = Fixtures.path("tiny")
        let outcome = try run(["train", "--data", data, "--test", data, "--layers", "1x16", "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["testExamples"] as? Int, 200, "the 200 test images, not the 600 training ones")
    }

    func testInfoReadsAPLAFileWhateverItsFolderIsCalled() throws {
        let folder = try Fixtures.temporaryFolder(for: self).appendingPathComponent("idx-sets")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("small.pla").path
        try FileManager.default.copyItem(atPath: Fixtures.path("pla/small.pla"), toPath: copy)
        let outcome = try run(["info", copy])
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        XCTAssertTrue(outcome.output.contains("4 images of 5 unsigned bytes"), outcome.output)
    }

    func testBaselineSaysWhyItStopped() throws {
        let data = Fixtures.path("tiny")
        let capped = try run(["baseline", "--data", data, "--json", "--max-iterations", "1", "--tolerance", "1e-12"])
        XCTAssertEqual(capped.status, 0, capped.errors)
        XCTAssertTrue(capped.output.contains("\"stopReason\" : \"iteration-cap\""), capped.output)
        XCTAssertTrue(capped.errors.contains("stopped at the iteration cap (1)"), capped.errors)
        let floor = try run(["baseline", "--data", data, "--json", "--tolerance", "1e-15"])
        XCTAssertEqual(floor.status, 0, floor.errors)
        XCTAssertTrue(floor.output.contains("\"stopReason\" : \"no-descent\""), floor.output)
        XCTAssertTrue(floor.errors.contains("no step decreased the objective"), floor.errors)
        XCTAssertFalse(floor.errors.contains("iteration cap"), floor.errors)
    }

    func testExperimentsRefuseImpossibleOptions() throws {
        let data = Fixtures.path("tiny")
        try assertFails(["experiment", "k-sweep", "--data", data, "--seeds", "99999999999"],
                        saying: "invalid --seeds: 99999999999 seeds; use 1 to 10000")
        try assertFails(["experiment", "iwls", "--dir", data, "--seeds", "10001"], saying: "invalid --seeds")
        for command in ["k-sweep", "depth", "width", "random-labels", "pairs", "compare"] {
            // Refused before any data is read: the data folder does not exist.
            try assertFails(["experiment", command, "--data", "/nonexistent/data", "--threads", "0"],
                            saying: "invalid --threads: 0 threads; use 1 to 1024")
        }
        try assertFails(["experiment", "iwls", "--dir", "/nonexistent/data", "--threads", "5000"], saying: "invalid --threads: 5000")
    }

    func testExperimentsOnOtherDataOfTheSameNameStopUnlessFresh() throws {
        let root = try Fixtures.temporaryFolder(for: self)
        // Two folders called tiny: the fixture's files, and the same with the test split's labels shuffled.
        let first = root.appendingPathComponent("a/tiny"), second = root.appendingPathComponent("b/tiny")
        for folder in [first, second] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz"] {
                try FileManager.default.copyItem(atPath: Fixtures.path("tiny/" + name), toPath: folder.appendingPathComponent(name).path)
            }
        }
        try FileManager.default.copyItem(atPath: Fixtures.path("tiny/t10k-labels-idx1-ubyte.gz"),
                                         toPath: first.appendingPathComponent("t10k-labels-idx1-ubyte.gz").path)
        let labels = try IDXTensor.read(path: Fixtures.path("tiny/t10k-labels-idx1-ubyte.gz")).withUnsignedBytes { Array($0) }
        try TinyIDXDataset.idx(type: 0x08, dims: [labels.count], payload: Array(labels.reversed()))
            .write(to: second.appendingPathComponent("t10k-labels-idx1-ubyte"))
        let info = try run(["info", first.path])
        XCTAssertTrue(info.output.contains("checksum: CRC-32 "), info.output)
        XCTAssertTrue(info.output.contains("default folder is results/tiny-"), info.output)
        XCTAssertNotEqual(info.output.components(separatedBy: "checksum: ").last,
                          try run(["info", second.path]).output.components(separatedBy: "checksum: ").last)

        let out = root.appendingPathComponent("results").path
        let sweep = ["experiment", "k-sweep", "--ks", "2", "--layers", "1x8", "--seeds", "1", "--out", out]
        XCTAssertEqual(try run(sweep + ["--data", first.path]).status, 0)
        try assertFails(sweep + ["--data", second.path], saying: "holds results of data 'tiny' from \(first.path) (CRC-32 ")
        try assertFails(sweep + ["--data", second.path], saying: "but the data 'tiny' given now is \(second.path) (CRC-32 ")
        let fresh = try run(sweep + ["--data", second.path, "--fresh"])
        XCTAssertEqual(fresh.status, 0, fresh.errors)
        let csv = try String(contentsOfFile: out + "/k-sweep.csv", encoding: .utf8)
        XCTAssertTrue(csv.contains(second.path) && !csv.contains(first.path), csv)
    }

    /// While an experiment writes a results folder, every experiment command given that folder
    /// stops at once, naming the folder and the writer, and leaves the folder as it was.
    func testExperimentsRefuseAFolderAnotherExperimentIsWriting() throws {
        let data = Fixtures.path("tiny")
        let out = try Fixtures.temporaryFolder(for: self).path
        let holder = try ResultFolderLock(folder: out)
        defer { holder.release() }
        let busy = "\(out): another experiment is writing into this results folder (pid \(getpid()): "
        var commands = [
            ["experiment", "depth", "--data", data, "--k", "2", "--depths", "1", "--layers", "1x4", "--seeds", "1", "--out", out],
            ["experiment", "k-sweep", "--data", data, "--ks", "2", "--layers", "1x4", "--seeds", "1", "--out", out],
            ["experiment", "wiring", "--data", data, "--wirings", "random", "--k", "2", "--layers", "1x4", "--seeds", "1", "--out", out],
        ]
        if ABCSynthesis.program() != nil {
            commands.append(["experiment", "circuits", "--dir", Fixtures.path("pla"), "--out", out])
        }
        for command in commands { try assertFails(command, saying: busy) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [ResultFolderLock.fileName])
        holder.release()
        let sweep = try run(commands[1])
        XCTAssertEqual(sweep.status, 0, sweep.errors)
    }

    func testExperimentsDefaultToTask0To1OnTwoClassData() throws {
        let out = try Fixtures.temporaryFolder(for: self).path
        let outcome = try run(["experiment", "k-sweep", "--data", Fixtures.path("pla/small.pla"), "--ks", "2",
                               "--layers", "1x4", "--seeds", "1", "--out", out])
        XCTAssertEqual(outcome.status, 0, outcome.errors)
        let csv = try String(contentsOfFile: out + "/k-sweep.csv", encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 3, csv)
        XCTAssertTrue(csv.contains(",0:1,"), csv)
    }
}
