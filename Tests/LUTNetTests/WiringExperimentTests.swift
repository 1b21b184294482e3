import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// The wiring sweep: its networks are the ones `lutnet train` trains, its records accumulate in
/// `wiring.csv` so that a stopped sweep resumes, and records of other data are refused.
final class WiringExperimentTests: XCTestCase {
    private func sweep(wirings: String = "random;local:4", seeds: Int = 2, threshold: UInt8 = 128) throws -> WiringExperiment {
        try WiringExperiment(data: "tiny", task: try BinaryTask(parsing: "0-1:2-3"), threshold: threshold,
                             wirings: try wirings.split(separator: ";").map { try WiringSpec(parsing: String($0)) },
                             ks: [try LayerKs(uniform: 4)], layers: ["2x16"], seeds: seeds)
    }

    func testSweepTrainsTheNetworksTrainItselfTrains() throws {
        let dataset = try TinyDataset.make()
        let experiment = try sweep()
        var log = try WiringLog(folder: TinyDataset.temporaryFolder(self), experiment: experiment,
                                identity: DataIdentity(dataset: dataset))
        let results = try experiment.run(on: dataset, threads: 2, log: &log)
        XCTAssertEqual(results.count, 4)
        let task = try BinaryTask(parsing: "0-1:2-3")
        let train = try BinarizedExamples(images: dataset.train, task: task, threshold: 128, split: "train")
        let test = try dataset.test.map { try BinarizedExamples(images: $0, task: task, threshold: 128, split: "test") }
        for result in results {
            let options = TrainingOptions(shape: result.configuration.shape, seed: result.seed, threads: 1,
                                          wiring: result.configuration.wiring)
            let trained = try LUTNetwork.train(on: train, test: test, options: options, dataShape: dataset.train.imageShape)
            // Figures as the file holds them: six decimals.
            XCTAssertEqual(result.testAccuracy, (trained.report.testAccuracy ?? -1), accuracy: 5e-7, "\(result.configuration.name)")
            XCTAssertEqual(result.trainAccuracy, trained.report.trainAccuracy, accuracy: 5e-7)
            XCTAssertEqual(result.modelBytes, ModelFile.encode(trained.network).count)
        }
        XCTAssertGreaterThan(results.map(\.testAccuracy).min() ?? 0, 0.9, "the tiny classes are easy to tell apart")
    }

    func testAStoppedSweepResumesWithoutTrainingAgain() throws {
        let dataset = try TinyDataset.make()
        let identity = DataIdentity(dataset: dataset)
        let folder = TinyDataset.temporaryFolder(self)
        var first = try WiringLog(folder: folder, experiment: try sweep(wirings: "random"), identity: identity)
        let done = try sweep(wirings: "random").run(on: dataset, threads: 2, log: &first)
        // The sweep grows by a wiring: only its networks train, the report holds both.
        let grown = try sweep(wirings: "random;local:4")
        var log = try WiringLog(folder: folder, experiment: grown, identity: identity)
        XCTAssertEqual(log.results.count, 2)
        var trained: [String] = []
        let results = try grown.run(on: dataset, threads: 2, log: &log) { trained.append("\($0.configuration.wiring) \($0.seed)") }
        XCTAssertEqual(trained, ["local:4 0", "local:4 1"])
        XCTAssertEqual(results.count, 4)
        XCTAssertEqual(Array(results.prefix(2)).map(\.testAccuracy), done.map(\.testAccuracy))
        // Everything there: nothing trains, and the report is the same.
        var again = try WiringLog(folder: folder, experiment: grown, identity: identity)
        let resumed = try grown.run(on: dataset, threads: 2, log: &again) { _ in XCTFail("nothing is left to train") }
        XCTAssertEqual(grown.files(resumed).map(\.contents), grown.files(results).map(\.contents))
        let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.first.map(String.init), WiringExperiment.columns.joined(separator: ","))
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines[1].hasSuffix(",generated/tiny,\(identity.checksumText)"), String(lines[1]))
        // --fresh starts afresh.
        let fresh = try WiringLog(folder: folder, experiment: grown, identity: identity, fresh: true)
        XCTAssertTrue(fresh.results.isEmpty)
        XCTAssertEqual(try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").count, 1)
    }

    func testRecordsOfAnotherSweepAreKeptAndARecordCutShortIsDropped() throws {
        let dataset = try TinyDataset.make()
        let identity = DataIdentity(dataset: dataset)
        let folder = TinyDataset.temporaryFolder(self)
        let other = try sweep(wirings: "random", seeds: 1, threshold: 90)
        var otherLog = try WiringLog(folder: folder, experiment: other, identity: identity)
        _ = try other.run(on: dataset, threads: 2, log: &otherLog)
        let experiment = try sweep(wirings: "random", seeds: 2)
        var log = try WiringLog(folder: folder, experiment: experiment, identity: identity)
        XCTAssertTrue(log.results.isEmpty, "threshold 90 is another sweep")
        _ = try experiment.run(on: dataset, threads: 2, log: &log)
        // Stopped while writing the last record.
        var text = try String(contentsOfFile: log.path, encoding: .utf8)
        text.removeLast(5)
        try text.write(toFile: log.path, atomically: true, encoding: .utf8)
        let reopened = try WiringLog(folder: folder, experiment: experiment, identity: identity)
        XCTAssertEqual(reopened.results.map(\.seed), [0])
        XCTAssertEqual(try WiringLog(folder: folder, experiment: other, identity: identity).results.count, 1)
        XCTAssertEqual(try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").count, 3)
    }

    func testRecordsOfOtherDataOrDamagedAreRefusedNamingTheFile() throws {
        let dataset = try TinyDataset.make()
        let folder = TinyDataset.temporaryFolder(self)
        let experiment = try sweep(wirings: "random", seeds: 1)
        var log = try WiringLog(folder: folder, experiment: experiment, identity: DataIdentity(dataset: dataset))
        _ = try experiment.run(on: dataset, threads: 2, log: &log)
        let otherData = DataIdentity(dataset: try TinyDataset.make(seed: 2))
        XCTAssertThrowsError(try WiringLog(folder: folder, experiment: experiment, identity: otherData)) { error in
            guard case ExperimentError.dataMismatch(let path, let name, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, log.path)
            XCTAssertEqual(name, "tiny")
        }
        let good = try String(contentsOfFile: log.path, encoding: .utf8)
        for (damage, reason) in [(good.replacingOccurrences(of: ",random,", with: ",hier:0,") , "hier"),
                                 (good.replacingOccurrences(of: ",2x16,", with: ",2x0,"), "width"),
                                 (good.replacingOccurrences(of: ",2x16,", with: ",2x16,x,"), "fields")] {
            try damage.write(toFile: log.path, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try WiringLog(folder: folder, experiment: experiment, identity: nil), reason) { error in
                guard case ExperimentError.malformedRecord(let path, let line, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(path, log.path)
                XCTAssertEqual(line, 2)
                XCTAssertTrue("\(error)".contains(log.path))
            }
        }
    }

    /// Input bits are a dimension of the sweep: each encoding's networks are the ones `train`
    /// trains with `--input-bits`, the report gains a column for them, and a log written before the
    /// column existed reads as networks of the threshold bits.
    func testInputBitsAreADimensionAndOlderLogsReadAsThresholdBits() throws {
        let dataset = try TinyDataset.make()
        let identity = DataIdentity(dataset: dataset)
        let task = try BinaryTask(parsing: "0-1:2-3")
        let experiment = try WiringExperiment(data: "tiny", task: task, threshold: 128, wirings: [.random], ks: [try LayerKs(uniform: 4)],
                                              layers: ["2x16"], inputBits: [[.threshold], [.mean, .threshold]], seeds: 1)
        XCTAssertEqual(experiment.configurations.map(\.name), ["random k=4 2x16", "random k=4 2x16 bits=threshold,mean"])
        XCTAssertEqual(experiment.configurations[1].commandLine, "--k 4 --layers 2x16 --input-bits threshold,mean")
        let folder = TinyDataset.temporaryFolder(self)
        var log = try WiringLog(folder: folder, experiment: experiment, identity: identity)
        let results = try experiment.run(on: dataset, threads: 2, log: &log)
        let options = TrainingOptions(shape: try NetworkShape(k: 4, layers: "2x16"), seed: 0, threads: 1)
        let trained = try LUTNetwork.train(on: dataset, task: task, inputBits: [.threshold, .mean], options: options)
        XCTAssertEqual(results[1].testAccuracy, try XCTUnwrap(trained.report.testAccuracy), accuracy: 5e-7)
        XCTAssertEqual(results[1].modelBytes, ModelFile.encode(trained.network).count)
        let markdown = try XCTUnwrap(experiment.files(results).first?.contents)
        XCTAssertTrue(markdown.contains("| wiring | k | layers | input bits | train |"), markdown)
        XCTAssertTrue(markdown.contains("| random | 4 | 2x16 | threshold,mean |"), markdown)
        // The threshold bits' network written as a file without the column: read back, not trained again.
        let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].contains(",model_bytes,input_bits,") && lines[1].contains(",threshold,generated/tiny,"), lines[1])
        let older = [lines[0].replacingOccurrences(of: ",input_bits,", with: ","),
                     lines[1].replacingOccurrences(of: ",threshold,generated/tiny,", with: ",generated/tiny,")]
        try (older.joined(separator: "\n") + "\n").write(toFile: log.path, atomically: true, encoding: .utf8)
        let thresholdOnly = try WiringExperiment(data: "tiny", task: task, threshold: 128, wirings: [.random],
                                                 ks: [try LayerKs(uniform: 4)], layers: ["2x16"], seeds: 1)
        var reopened = try WiringLog(folder: folder, experiment: thresholdOnly, identity: identity)
        let again = try thresholdOnly.run(on: dataset, threads: 2, log: &reopened) { _ in XCTFail("nothing is left to train") }
        XCTAssertEqual(again.map(\.testAccuracy), [results[0].testAccuracy])
    }

    func testChartNamesBarsByWhatVariesAndSaysWhatTheyShareUnderTheAxis() throws {
        func chart(_ experiment: WiringExperiment) throws -> SVGInspector {
            let results = experiment.configurations.map {
                WiringExperiment.Result(configuration: $0, seed: 0, trainAccuracy: 0.9, testAccuracy: 0.8, seconds: 1, modelBytes: 100)
            }
            let svg = try XCTUnwrap(experiment.files(results).first { $0.name == "wiring.svg" })
            return try SVGInspector(svg.contents)
        }
        let wirings = try chart(try sweep(wirings: "random;local:4;hier:4,16,2,grid", seeds: 1))
        XCTAssertEqual(wirings.elements("text", class: "category-label").map(\.text), ["random", "local:4", "hier:4,16,2,grid"])
        XCTAssertEqual(wirings.elements("text", class: "x-label").first?.text, "wiring (all k=4 2x16)")
        XCTAssertEqual(wirings.layoutProblems, [])
        let ks = try chart(try WiringExperiment(data: "tiny", task: try BinaryTask(parsing: "0-1:2-3"), threshold: 128, wirings: [.random],
                                                ks: [try LayerKs(uniform: 4), try LayerKs(uniform: 6)], layers: ["2x16"], seeds: 1))
        XCTAssertEqual(ks.elements("text", class: "category-label").map(\.text), ["k=4", "k=6"])
        XCTAssertEqual(ks.elements("text", class: "x-label").first?.text, "k (all random 2x16)")
        // One network: its whole name.
        let one = try chart(try sweep(wirings: "random", seeds: 1))
        XCTAssertEqual(one.elements("text", class: "category-label").map(\.text).joined(separator: " "), "random k=4 2x16")
        XCTAssertEqual(one.elements("text", class: "x-label").first?.text, "wiring, k, hidden layers")
    }
}
