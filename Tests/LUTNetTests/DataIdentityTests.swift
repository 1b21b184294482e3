import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// Results keyed by their data: two folders of one name but different content never share
/// results, a resumed run on other data stops naming both, and `--fresh` starts afresh.
final class DataIdentityTests: XCTestCase {
    /// `parent/tiny`: the fixture Data/fixtures/tiny, its training images written plain (IDX
    /// without gzip), with the first pixel of image `changedImage` raised by 100 when given.
    private func tinyCopy(in parent: URL, changedImage: Int? = nil) throws -> String {
        let folder = parent.appendingPathComponent("tiny")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("tiny/" + name), toPath: folder.appendingPathComponent(name).path)
        }
        let images = try IDXTensor.read(path: Fixtures.path("tiny/train-images-idx3-ubyte.gz"))
        var pixels = images.withUnsignedBytes { Array($0) }
        if let changedImage {
            let first = changedImage * images.shape.dropFirst().reduce(1, *)
            pixels[first] = pixels[first] &+ 100
        }
        try TinyIDXDataset.idx(type: 0x08, dims: images.shape, payload: pixels)
            .write(to: folder.appendingPathComponent("train-images-idx3-ubyte"))
        return folder.path
    }

    private func sweep(_ dataset: Dataset) throws -> KSweepExperiment {
        let settings = try ExperimentSettings(data: ExperimentSettings.dataName(location: dataset.location), threshold: 128,
                                              seedCount: 1)
        return try KSweepExperiment(settings: settings, task: BinaryTask.defaultTask(for: dataset), ks: [2], hiddenWidths: [8])
    }

    func testIdentityIsTheContentNotTheEncoding() throws {
        let root = try Fixtures.temporaryFolder(for: self)
        let original = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let plain = try DatasetLoader.load(path: try tinyCopy(in: root.appendingPathComponent("plain")))
        let changed = try DatasetLoader.load(path: try tinyCopy(in: root.appendingPathComponent("changed"), changedImage: 3))
        let identity = DataIdentity(dataset: original)
        XCTAssertEqual(identity.path, Fixtures.path("tiny"))
        XCTAssertEqual(DataIdentity(dataset: plain).crc32, identity.crc32, "the same examples, gzip or plain")
        XCTAssertNotEqual(DataIdentity(dataset: changed).crc32, identity.crc32, "one pixel differs")
        // A validation split is part of the identity.
        XCTAssertNotEqual(DataIdentity(dataset: original, validation: original.train).crc32, identity.crc32)
        // Default folders: the name and the checksum, different for different data of one name.
        let folders = [original, changed].map { DataIdentity.resultsFolder(name: "tiny", identities: [DataIdentity(dataset: $0)]) }
        XCTAssertEqual(folders[0], "results/tiny-" + identity.checksumText)
        XCTAssertNotEqual(folders[0], folders[1])
    }

    func testResumingWithOtherDataOfTheSameNameStopsAndFreshStartsAfresh() throws {
        let root = try Fixtures.temporaryFolder(for: self)
        let firstPath = try tinyCopy(in: root.appendingPathComponent("a"))
        let secondPath = try tinyCopy(in: root.appendingPathComponent("b"), changedImage: 0)
        let first = try DatasetLoader.load(path: firstPath), second = try DatasetLoader.load(path: secondPath)
        let out = root.appendingPathComponent("results").path
        let experiment = try sweep(first)
        XCTAssertEqual(experiment.runs.map(\.data), ["tiny", "tiny"])

        var runner = ExperimentRunner(dataset: first, threads: 1)
        try runner.perform(experiment, folder: out)
        let firstIdentity = DataIdentity(dataset: first), secondIdentity = DataIdentity(dataset: second)
        let records = try csvRecords(out, "k-sweep.csv")
        XCTAssertEqual(records.count, 2)
        XCTAssertTrue(records.allSatisfy { $0["data_path"] == firstPath && $0["data_crc32"] == firstIdentity.checksumText }, "\(records)")
        let written = try read(out, "k-sweep.csv")

        // The other folder called tiny: stopped before training, naming both, the results untouched.
        var other = ExperimentRunner(dataset: second, threads: 1)
        var trained = 0
        XCTAssertThrowsError(try other.perform(experiment, folder: out) { _ in trained += 1 }) { error in
            XCTAssertEqual(error as? ExperimentError, .dataMismatch(path: out + "/k-sweep.csv", data: "tiny",
                                                                   recorded: firstIdentity, given: secondIdentity))
            let message = "\(error)"
            for part in [firstPath, secondPath, firstIdentity.checksumText, secondIdentity.checksumText, "--out", "--fresh"] {
                XCTAssertTrue(message.contains(part), "'\(part)' missing from: \(message)")
            }
        }
        XCTAssertEqual(trained, 0)
        XCTAssertEqual(try read(out, "k-sweep.csv"), written)

        // The same examples from another folder resume: nothing is trained again.
        var same = ExperimentRunner(dataset: try DatasetLoader.load(path: try tinyCopy(in: root.appendingPathComponent("c"))), threads: 1)
        try same.perform(experiment, folder: out) { _ in trained += 1 }
        XCTAssertEqual(trained, 0)

        // --fresh discards the first data's results and trains every run on the second.
        try other.perform(experiment, folder: out, fresh: true) { _ in trained += 1 }
        XCTAssertEqual(trained, 2)
        let fresh = try csvRecords(out, "k-sweep.csv")
        XCTAssertEqual(fresh.map { $0["data_crc32"] }, [secondIdentity.checksumText, secondIdentity.checksumText])
        XCTAssertEqual(try csvRecords(out, "k-sweep-layers.csv").count, 2 * 2)
    }

    func testBaselineResultsAreCheckedToo() throws {
        let root = try Fixtures.temporaryFolder(for: self)
        let first = try DatasetLoader.load(path: try tinyCopy(in: root.appendingPathComponent("a")))
        let second = try DatasetLoader.load(path: try tinyCopy(in: root.appendingPathComponent("b"), changedImage: 5))
        let out = root.appendingPathComponent("results").path
        let task = BinaryTask.defaultTask(for: first)
        let settings = try ExperimentSettings(data: "tiny", threshold: 128, seedCount: 1)
        let experiment = try ComparisonExperiment(
            name: "compare", title: "t", caseHeading: "task", settings: settings,
            cases: [ComparisonExperiment.Case(label: task.description, data: "tiny", task: task)], shapes: [],
            baselines: [BaselineSettings(maxIterations: 5)])
        var runner = ExperimentRunner(dataset: first, threads: 1)
        try runner.perform(experiment, folder: out)
        XCTAssertEqual(try csvRecords(out, "compare-baseline.csv").map { $0["data_crc32"] }, [DataIdentity(dataset: first).checksumText])
        var other = ExperimentRunner(dataset: second, threads: 1)
        XCTAssertThrowsError(try other.perform(experiment, folder: out)) { error in
            guard case ExperimentError.dataMismatch(let path, _, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, out + "/compare-baseline.csv")
        }
    }

    func testResultsWrittenBeforeIdentitiesCannotBeResumedWithKnownData() throws {
        let root = try Fixtures.temporaryFolder(for: self)
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let out = root.appendingPathComponent("results").path
        let experiment = try sweep(dataset)
        var runner = ExperimentRunner(dataset: dataset, threads: 1)
        try runner.perform(experiment, folder: out)
        // The same file as an older version wrote it: without the two identity columns.
        let old = try read(out, "k-sweep.csv").split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).dropLast(2).joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        try old.write(toFile: out + "/k-sweep.csv", atomically: true, encoding: .utf8)
        // Read without identities (no data given), it opens and keeps its figures.
        XCTAssertEqual(try RunLog(folder: out, name: "k-sweep").results.count, 2)
        XCTAssertThrowsError(try runner.perform(experiment, folder: out)) { error in
            XCTAssertEqual(error as? ExperimentError, .dataMismatch(path: out + "/k-sweep.csv", data: "tiny", recorded: nil,
                                                                   given: DataIdentity(dataset: dataset)))
            XCTAssertTrue("\(error)".contains("written before results recorded their data's identity"), "\(error)")
        }
    }
}
