import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// One writer per results folder: a second experiment on a folder being written is refused,
/// naming the folder and the writer, before it reads or writes anything there; a run recorded
/// twice counts once.
final class ResultFolderLockTests: XCTestCase {
    private func sweep() throws -> KSweepExperiment {
        try KSweepExperiment(settings: try ExperimentSettings(data: "tiny", threshold: 128, seedCount: 1),
                             task: try BinaryTask(parsing: "0-1:2-3"), ks: [2], hiddenWidths: [8])
    }

    func testAnExperimentIsRefusedWhileAnotherWritesItsFolder() throws {
        let dataset = try TinyDataset.make()
        let folder = TinyDataset.temporaryFolder(self)
        let experiment = try sweep()
        let holder = try ResultFolderLock(folder: folder)
        var runner = ExperimentRunner(dataset: dataset, threads: 1)
        var trained = 0
        XCTAssertThrowsError(try runner.perform(experiment, folder: folder) { _ in trained += 1 }) { error in
            guard case .folderInUse(let busy, let named)? = error as? ExperimentError else {
                return XCTFail("expected folderInUse, got \(error)")
            }
            XCTAssertEqual(busy, folder)
            XCTAssertTrue(named.hasPrefix("pid \(getpid()): "), named)
            let message = (error as? ExperimentError)?.description ?? ""
            XCTAssertTrue(message.hasPrefix("\(folder): another experiment is writing into this results folder (pid \(getpid())"),
                          message)
        }
        XCTAssertEqual(trained, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/k-sweep.csv"), "the refused experiment wrote its results")

        // The holder lets go: the experiment runs, and lets go in turn when it is done.
        holder.release()
        try runner.perform(experiment, folder: folder) { _ in trained += 1 }
        XCTAssertEqual(trained, 2)
        XCTAssertNoThrow(try ResultFolderLock(folder: folder))
        let lockText = try String(contentsOfFile: folder + "/" + ResultFolderLock.fileName, encoding: .utf8)
        XCTAssertTrue(lockText.hasPrefix("pid \(getpid()): "), lockText)
    }

    func testTheFolderIsLetGoWhenTheExperimentFails() throws {
        let folder = TinyDataset.temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "not,this,experiment's,header\n".write(toFile: folder + "/k-sweep.csv", atomically: true, encoding: .utf8)
        var runner = ExperimentRunner(dataset: try TinyDataset.make(), threads: 1)
        XCTAssertThrowsError(try runner.perform(try sweep(), folder: folder)) { error in
            guard case .headerMismatch? = error as? ExperimentError else { return XCTFail("expected headerMismatch, got \(error)") }
        }
        XCTAssertNoThrow(try ResultFolderLock(folder: folder))
    }

    func testALockedFolderIsCreatedWhenAbsentAndAFileIsRefused() throws {
        let root = TinyDataset.temporaryFolder(self)
        let lock = try ResultFolderLock(folder: root + "/a/b")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/a/b/" + ResultFolderLock.fileName))
        lock.release()
        try "x".write(toFile: root + "/file", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ResultFolderLock(folder: root + "/file")) { error in
            XCTAssertEqual(error as? ExperimentError, .unwritable(path: root + "/file", reason: "it is a file, not a folder"))
        }
    }

    /// A run recorded twice (with its layers) is read once: the experiment reports over one copy,
    /// and the files are rewritten with one.
    func testARunRecordedTwiceCountsOnce() throws {
        let dataset = try TinyDataset.make()
        let folder = TinyDataset.temporaryFolder(self)
        let experiment = try sweep()
        var runner = ExperimentRunner(dataset: dataset, threads: 1)
        try runner.perform(experiment, folder: folder)
        let runsPath = folder + "/k-sweep.csv", layersPath = folder + "/k-sweep-layers.csv"
        let runs = try String(contentsOfFile: runsPath, encoding: .utf8)
        let layers = try String(contentsOfFile: layersPath, encoding: .utf8)
        let report = try String(contentsOfFile: folder + "/k-sweep.md", encoding: .utf8)
        let runLines = runs.split(separator: "\n").dropFirst(), layerLines = layers.split(separator: "\n").dropFirst()
        XCTAssertEqual(runLines.count, 2)
        try (runs + runLines.map { $0 + "\n" }.joined()).write(toFile: runsPath, atomically: true, encoding: .utf8)
        try (layers + layerLines.map { $0 + "\n" }.joined()).write(toFile: layersPath, atomically: true, encoding: .utf8)

        var again = ExperimentRunner(dataset: dataset, threads: 1)
        var trained = 0
        try again.perform(experiment, folder: folder) { _ in trained += 1 }
        XCTAssertEqual(trained, 0)
        XCTAssertEqual(try String(contentsOfFile: runsPath, encoding: .utf8), runs)
        XCTAssertEqual(try String(contentsOfFile: layersPath, encoding: .utf8), layers)
        XCTAssertEqual(try String(contentsOfFile: folder + "/k-sweep.md", encoding: .utf8), report)
    }
}
