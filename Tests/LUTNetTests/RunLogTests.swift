import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// The results files: appending, reading back, resuming, and every way they can be damaged.
final class RunLogTests: XCTestCase {
    private func run(seed: UInt64, k: Int = 4) throws -> ExperimentRun {
        ExperimentRun(data: "tiny", task: try BinaryTask(parsing: "0-1:2-3"), threshold: 128,
                      shape: try NetworkShape(k: k, hiddenWidths: [8]), seed: seed)
    }

    private func result(_ run: ExperimentRun, accuracy: Double) -> RunResult {
        let layers = [LayerReport(index: 0, width: 8, trainAccuracyMean: 0.7, trainAccuracyStandardDeviation: 0.05,
                                  testAccuracyMean: 0.65, testAccuracyStandardDeviation: 0.04, tiedPatterns: 3, seconds: 0.01),
                      LayerReport(index: 1, width: 1, trainAccuracyMean: accuracy, trainAccuracyStandardDeviation: 0,
                                  testAccuracyMean: 0.6, testAccuracyStandardDeviation: 0, tiedPatterns: 1, seconds: 0.001)]
        return RunResult(run: run, trainExamples: 240, testExamples: 80, trainAccuracy: accuracy, testAccuracy: 0.6,
                         testAccuracyTrueLabels: 0.6, seconds: 0.0123, layers: layers)
    }

    func testAppendedRunsAreFoundWhenTheLogIsOpenedAgain() throws {
        let folder = TinyDataset.temporaryFolder(self)
        var log = try RunLog(folder: folder, name: "sweep")
        let first = try run(seed: 0), second = try run(seed: 1)
        let stored = try log.append(result(first, accuracy: 1.0 / 3.0))
        // Figures come back as written: six decimals, seconds to the millisecond.
        XCTAssertEqual(stored.trainAccuracy, 0.333333)
        XCTAssertEqual(stored.seconds, 0.012)
        try log.append(result(second, accuracy: 0.75))
        let reopened = try RunLog(folder: folder, name: "sweep")
        XCTAssertEqual(reopened.results.count, 2)
        XCTAssertEqual(reopened.result(for: first), stored)
        XCTAssertEqual(reopened.result(for: second)?.layers.map(\.width), [8, 1])
        XCTAssertNil(reopened.result(for: try run(seed: 2)))
        let text = try String(contentsOfFile: log.runsPath, encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").first.map(String.init), RunLog.runColumns.joined(separator: ","))
        XCTAssertEqual(text.split(separator: "\n").count, 3)
    }

    func testARecordCutShortAndLayersOfAnUnfinishedRunAreDropped() throws {
        let folder = TinyDataset.temporaryFolder(self)
        var log = try RunLog(folder: folder, name: "sweep")
        try log.append(result(try run(seed: 0), accuracy: 0.8))
        try log.append(result(try run(seed: 1), accuracy: 0.9))
        // Interrupted while writing the second run's record: its last characters and line break are lost.
        var runs = try String(contentsOfFile: log.runsPath, encoding: .utf8)
        runs.removeLast(4)
        try runs.write(toFile: log.runsPath, atomically: true, encoding: .utf8)
        // The second run's layers were written in full: without its record they are left out too.
        let again = try RunLog(folder: folder, name: "sweep")
        XCTAssertEqual(again.results.map(\.run.seed), [0])
        let layers = try String(contentsOfFile: again.layersPath, encoding: .utf8)
        XCTAssertEqual(layers.split(separator: "\n").count, 1 + 2, "header and the two layers of the finished run")
    }

    func testARunWithoutAllItsLayersIsTrainedAgain() throws {
        let folder = TinyDataset.temporaryFolder(self)
        var log = try RunLog(folder: folder, name: "sweep")
        try log.append(result(try run(seed: 0), accuracy: 0.8))
        let layers = try String(contentsOfFile: log.layersPath, encoding: .utf8).split(separator: "\n")
        try (layers.dropLast().joined(separator: "\n") + "\n").write(toFile: log.layersPath, atomically: true, encoding: .utf8)
        XCTAssertTrue(try RunLog(folder: folder, name: "sweep").results.isEmpty)
    }

    func testDamagedFilesNameTheFileAndLine() throws {
        let folder = TinyDataset.temporaryFolder(self)
        let log = try RunLog(folder: folder, name: "sweep")
        try "data,task,other\n".write(toFile: log.runsPath, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RunLog(folder: folder, name: "sweep")) { error in
            guard case ExperimentError.headerMismatch(let path, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, log.runsPath)
            XCTAssertTrue("\(error)".contains("use another --out folder"), "\(error)")
        }
        let header = RunLog.runColumns.joined(separator: ",")
        let cases = [
            "tiny,0-1:2-3,128,99,1x8,real,all,0,240,80,0.5,0.5,0.5,0.1,,\n": "k = 99 is not supported",
            "tiny,0-1:2-3,128,4,1x8,maybe,all,0,240,80,0.5,0.5,0.5,0.1,,\n": "labels 'maybe'",
            "tiny,0-1:2-3,128,4,1x8,real,all,0,240,80,high,0.5,0.5,0.1,,\n": "train_accuracy 'high' is not a number",
            "tiny,0-1:2-3,128,4,1x8,real,-5,0,240,80,0.5,0.5,0.5,0.1,,\n": "train_size '-5'",
            "tiny,0-1:2-3,128,4,1x8,real,all,0,240\n": "9 fields, expected 16",
            "tiny,0:0,128,4,1x8,real,all,0,240,80,0.5,0.5,0.5,0.1,,\n": "class 0 is in both groups",
            "tiny,0-1:2-3,128,4,1x8,real,all,0,240,80,0.5,0.5,0.5,0.1,/data/tiny,12345\n": "data_crc32 '12345' is not eight hexadecimal digits",
        ]
        for (record, message) in cases {
            try (header + "\n" + record).write(toFile: log.runsPath, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try RunLog(folder: folder, name: "sweep"), message) { error in
                guard case ExperimentError.malformedRecord(let path, let line, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(path, log.runsPath)
                XCTAssertEqual(line, 2)
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
    }

    func testAnOutputPathThatIsAFileIsRefused() throws {
        let folder = TinyDataset.temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/plain"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RunLog(folder: file, name: "sweep")) { error in
            XCTAssertEqual(error as? ExperimentError, .unwritable(path: file, reason: "it is a file, not a folder"))
        }
    }
}
