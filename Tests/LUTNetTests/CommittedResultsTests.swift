import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// The results committed under Experiments/ are of the data they name: each run and baseline file
/// opens with the identities of that data (where it is on this machine), every record complete.
final class CommittedResultsTests: XCTestCase {
    /// Opens copies of the results files of `experiments` in `folder` (so that the committed files
    /// are not rewritten) with `data`, and checks every record is kept; `windows` for results of
    /// multi-class runs.
    private func check(_ folder: String, _ experiments: [String], validation: Bool = false, windows: Bool = false,
                       data: DataIdentities) throws {
        let committed = Fixtures.packageRoot.appendingPathComponent("Experiments/" + folder).path
        let copy = try Fixtures.temporaryFolder(for: self).path
        for name in experiments {
            for suffix in [".csv", "-layers.csv", "-baseline.csv"]
            where FileManager.default.fileExists(atPath: committed + "/" + name + suffix) {
                try FileManager.default.copyItem(atPath: committed + "/" + name + suffix, toPath: copy + "/" + name + suffix)
            }
            let records = try csvRecords(copy, name + ".csv")
            XCTAssertFalse(records.isEmpty, "\(folder)/\(name).csv")
            let log = try RunLog(folder: copy, name: name, validation: validation, windows: windows, data: data)
            XCTAssertEqual(log.results.count, records.count, "\(folder)/\(name).csv: every run has all its layers")
            if FileManager.default.fileExists(atPath: copy + "/" + name + "-baseline.csv") {
                let fits = try csvRecords(copy, name + "-baseline.csv")
                XCTAssertEqual(try BaselineLog(folder: copy, name: name, data: data).results.count, fits.count)
            }
        }
    }

    /// Opens a copy of every `wiring.csv` under `folder` (one sweep of one task and threshold each)
    /// with the identity of `data`, and checks every record reads back.
    private func checkWiring(_ folder: String, data: DataIdentity) throws {
        let committed = Fixtures.packageRoot.appendingPathComponent("Experiments/" + folder).path
        let files = (FileManager.default.subpaths(atPath: committed) ?? []).filter { $0.hasSuffix("wiring.csv") }
        XCTAssertFalse(files.isEmpty, folder)
        for file in files {
            let copy = try Fixtures.temporaryFolder(for: self).path
            try FileManager.default.copyItem(atPath: committed + "/" + file, toPath: copy + "/wiring.csv")
            let records = try csvRecords(copy, "wiring.csv")
            let first = try XCTUnwrap(records.first, file)
            let sweep = try WiringExperiment(data: first["data"] ?? "", task: try BinaryTask(parsing: first["task"] ?? ""),
                                             threshold: try XCTUnwrap(UInt8(first["threshold"] ?? "")), wirings: [.random],
                                             ks: [try LayerKs(uniform: 8)], layers: ["5x1024"], seeds: 1)
            XCTAssertEqual(try WiringLog(folder: copy, experiment: sweep, identity: data).results.count, records.count, file)
        }
    }

    private func identity(_ path: String) throws -> DataIdentity {
        DataIdentity(dataset: try DatasetLoader.load(path: path))
    }

    private let paperExperiments = ["k-sweep", "depth", "width", "random-labels", "pairs"]

    func testFashionMNISTResults() throws {
        let data = try identity(try Fixtures.fashionMNIST())
        try check("fashion-mnist", paperExperiments, data: DataIdentities(fallback: data))
        try checkWiring("fashion-mnist", data: data)
        try check("fashion-mnist/multi-class", ["compare", "k-sweep"], windows: true, data: DataIdentities(fallback: data))
        try check("fashion-mnist/multi-class-k12-window4", ["compare"], windows: true, data: DataIdentities(fallback: data))
        try check("fashion-mnist/multi-class-k12-hier-4-16-2", ["compare"], windows: true, data: DataIdentities(fallback: data))
    }

    func testMNISTResults() throws {
        let data = try identity(try Fixtures.shared("mnist"))
        try check("mnist", paperExperiments, data: DataIdentities(fallback: data))
        try checkWiring("mnist", data: data)
        try check("mnist/multi-class", ["compare", "k-sweep", "width"], windows: true, data: DataIdentities(fallback: data))
        try check("mnist/multi-class-hier-7-16-2", ["compare"], windows: true, data: DataIdentities(fallback: data))
    }

    func testCIFAR10Results() throws {
        let data = try identity(try Fixtures.shared("cifar10"))
        try check("cifar10", ["compare"], data: DataIdentities(fallback: data))
        try checkWiring("cifar10", data: data)
        try check("cifar10/multi-class", ["compare"], windows: true, data: DataIdentities(fallback: data))
    }

    func testIWLS2020Results() throws {
        let benchmarks = try IWLSBenchmarks.find(in: try Fixtures.shared("iwls2020"))
        for (folder, training) in [("iwls2020", IWLSBenchmarks.Training.train), ("iwls2020/train-valid", .trainAndValid)] {
            let data = try benchmarks.map { try IWLSBenchmarks.load($0, training: training) }
            try check(folder, ["iwls"], validation: training == .train,
                      data: DataIdentities(named: Dictionary(uniqueKeysWithValues: data.map { ($0.name, $0.identity) })))
        }
        // The wiring sweeps train on the training file and test on the test file, as `--data` and `--test` give them.
        for benchmark in benchmarks {
            let train = try DatasetLoader.load(path: benchmark.trainPath), test = try DatasetLoader.load(path: benchmark.testPath)
            let dataset = try Dataset(train: train.train, test: test.test ?? test.train, location: benchmark.trainPath)
            try checkWiring("iwls2020/wiring/\(benchmark.name)", data: DataIdentity(dataset: dataset))
        }
    }

    func testOtherDataIsRefused() throws {
        // The committed Fashion-MNIST results opened as if they were of the tiny fixture.
        let tiny = DataIdentities(fallback: try identity(Fixtures.path("tiny")))
        XCTAssertThrowsError(try check("fashion-mnist", ["depth"], data: tiny)) { error in
            guard case ExperimentError.dataMismatch(_, let name, let recorded, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "fashion-mnist")
            XCTAssertEqual(recorded?.path, "/usr/share/datasets/fashion-mnist")
        }
    }
}
