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

    private func identity(_ path: String) throws -> DataIdentities {
        let dataset = try DatasetLoader.load(path: path)
        return DataIdentities(fallback: DataIdentity(dataset: dataset))
    }

    private let paperExperiments = ["k-sweep", "depth", "width", "random-labels", "pairs"]

    func testFashionMNISTResults() throws {
        let data = try identity(try Fixtures.fashionMNIST())
        try check("fashion-mnist", paperExperiments, data: data)
        try check("fashion-mnist/multi-class", ["compare"], windows: true, data: data)
        try check("fashion-mnist/multi-class-k12-window4", ["compare"], windows: true, data: data)
    }

    func testMNISTResults() throws {
        let data = try identity(try Fixtures.shared("mnist"))
        try check("mnist", paperExperiments, data: data)
        try check("mnist/multi-class", ["compare"], windows: true, data: data)
    }

    func testCIFAR10Results() throws {
        let data = try identity(try Fixtures.shared("cifar10"))
        try check("cifar10", ["compare"], data: data)
        try check("cifar10/multi-class", ["compare"], windows: true, data: data)
    }

    func testIWLS2020Results() throws {
        let benchmarks = try IWLSBenchmarks.find(in: try Fixtures.shared("iwls2020"))
        for (folder, training) in [("iwls2020", IWLSBenchmarks.Training.train), ("iwls2020/train-valid", .trainAndValid)] {
            let data = try benchmarks.map { try IWLSBenchmarks.load($0, training: training) }
            try check(folder, ["iwls"], validation: training == .train,
                      data: DataIdentities(named: Dictionary(uniqueKeysWithValues: data.map { ($0.name, $0.identity) })))
        }
    }

    func testOtherDataIsRefused() throws {
        // The committed Fashion-MNIST results opened as if they were of the tiny fixture.
        let tiny = try identity(Fixtures.path("tiny"))
        XCTAssertThrowsError(try check("fashion-mnist", ["depth"], data: tiny)) { error in
            guard case ExperimentError.dataMismatch(_, let name, let recorded, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "fashion-mnist")
            XCTAssertEqual(recorded?.path, "/usr/share/datasets/fashion-mnist")
        }
    }
}
