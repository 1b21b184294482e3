import XCTest
@testable import LUTNet

final class MemorizationTrainerTests: XCTestCase {
    /// The paper's worked example: a 3-input LUT trained on 000→0, 000→1, 000→1, 001→1, 100→0,
    /// 110→0, 110→1 stores 000→1, 001→1, 100→0, and 110 is a tie. Patterns are written x0 x1 x2,
    /// x0 being address bit 0.
    func testPaperWorkedExample() throws {
        let rows: [[UInt8]] = [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 1], [1, 0, 0], [1, 1, 0], [1, 1, 0]]
        let labels: [UInt8] = [0, 1, 1, 1, 0, 0, 1]
        var inputs = BitMatrix(rowCount: 3, columnCount: rows.count)
        for (e, row) in rows.enumerated() { for (f, bit) in row.enumerated() where bit == 1 { inputs[f, e] = true } }
        let task = try BinaryTask(parsing: "0:1")
        let examples = try BinarizedExamples(inputs: inputs, labels: BitMatrix(bits: labels), task: task, threshold: 128)
        let shape = try NetworkShape(k: 3, hiddenWidths: [])
        let trainer = MemorizationTrainer(shape: shape, seed: 0, threads: 1)
        let trained = trainer.trainLayer(index: 0, width: 1, inputs: examples.inputs, labels: examples.labels)
        // Force the wiring to read x0, x1, x2 in order for the check; the counts are the same
        // whatever the order, so read patterns through the wiring.
        let wiring = trained.layer.inputs
        func address(_ bits: [UInt8]) -> Int {
            wiring.enumerated().reduce(0) { $0 | Int(bits[Int($1.element)]) << $1.offset }
        }
        XCTAssertTrue(trained.layer.output(lut: 0, pattern: address([0, 0, 0])))
        XCTAssertTrue(trained.layer.output(lut: 0, pattern: address([0, 0, 1])))
        XCTAssertFalse(trained.layer.output(lut: 0, pattern: address([1, 0, 0])))
        // 110 tied (1 vs 1) and the 4 unseen patterns are ties: 5 in all.
        XCTAssertEqual(trained.ties, 5)
        let result = trainer.train(on: examples)
        let network = result.network, report = result.report
        XCTAssertEqual(network.layers.count, 1)
        // 000: 2 of 3 right, 001 right, 100 right, 110: 1 of 2 right, whichever way the tie went.
        XCTAssertEqual(report.trainAccuracy, 5.0 / 7.0, accuracy: 1e-12)
    }

    func testSameSeedGivesBitIdenticalModelWhateverTheThreads() throws {
        let inputs = ReferenceMemorization.randomMatrix(rows: 100, columns: 700, seed: 1)
        let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: 700, seed: 2)
        let examples = try BinarizedExamples(inputs: inputs, labels: labels, task: BinaryTask(parsing: "0:1"), threshold: 128)
        let shape = try NetworkShape(k: 6, hiddenWidths: [64, 32])
        let one = try LUTNetwork.train(on: examples, options: TrainingOptions(shape: shape, seed: 9, threads: 1)).network
        let two = try LUTNetwork.train(on: examples, options: TrainingOptions(shape: shape, seed: 9, threads: 2)).network
        let other = try LUTNetwork.train(on: examples, options: TrainingOptions(shape: shape, seed: 10, threads: 2)).network
        XCTAssertEqual(ModelFile.encode(one), ModelFile.encode(two))
        XCTAssertNotEqual(ModelFile.encode(one), ModelFile.encode(other))
    }

    func testWiringIsDistinctWithinEachLUTWhenPossible() {
        for lut in 0..<200 {
            let inputs = RandomWiring.inputs(k: 16, sourceCount: 20, seed: 4, layer: 2, lut: lut)
            XCTAssertEqual(Set(inputs).count, 16)
            XCTAssertTrue(inputs.allSatisfy { $0 < 20 })
        }
        // Fewer sources than k: repeats are unavoidable, every source index stays in range.
        let few = RandomWiring.inputs(k: 8, sourceCount: 3, seed: 4, layer: 0, lut: 0)
        XCTAssertEqual(few.count, 8)
        XCTAssertTrue(few.allSatisfy { $0 < 3 })
    }

    func testTrainingRecordsEveryLayersOutputsAsTheNextLayersInputs() throws {
        let inputs = ReferenceMemorization.randomMatrix(rows: 64, columns: 500, seed: 3)
        let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: 500, seed: 4)
        let examples = try BinarizedExamples(inputs: inputs, labels: labels, task: BinaryTask(parsing: "0:1"), threshold: 128)
        let shape = try NetworkShape(k: 4, hiddenWidths: [16, 8])
        let trained = try LUTNetwork.train(on: examples, test: examples, options: TrainingOptions(shape: shape, seed: 1, threads: 2))
        let network = trained.network, report = trained.report
        // Training accuracy reported for the output LUT is the network's accuracy on the data.
        XCTAssertEqual(try network.accuracy(on: examples), report.trainAccuracy, accuracy: 1e-12)
        XCTAssertEqual(report.testAccuracy ?? -1, report.trainAccuracy, accuracy: 1e-12)
        XCTAssertEqual(report.layers.map(\.width), [16, 8, 1])
    }

    /// A small network on real MNIST 0-4:5-9 generalizes; random labels are memorized but do not.
    func testRealDataAccuracyFloorAndRandomLabels() throws {
        let folder = try Fixtures.shared("mnist")
        let dataset = try DatasetLoader.load(path: folder)
        let task = try BinaryTask(parsing: "0-4:5-9")
        let train = try BinarizedExamples(images: dataset.train, task: task, threshold: 128, split: "train")
        let test = try BinarizedExamples(images: try XCTUnwrap(dataset.test), task: task, threshold: 128, split: "test")
        let shape = try NetworkShape(k: 8, hiddenWidths: [256, 256])
        let report = try LUTNetwork.train(on: train, test: test, options: TrainingOptions(shape: shape)).report
        XCTAssertGreaterThan(report.trainAccuracy, 0.80)
        XCTAssertGreaterThan(report.testAccuracy ?? 0, 0.80)
        // Depth helps: each layer's mean LUT accuracy improves on the one below.
        let means = report.layers.map(\.trainAccuracyMean)
        XCTAssertEqual(means, means.sorted())

        let random = train.withRandomLabels(seed: 0)
        let memorizing = try LUTNetwork.train(on: random, test: test,
                                              options: TrainingOptions(shape: NetworkShape(k: 12, hiddenWidths: [256])))
        let memorizer = memorizing.network, memorized = memorizing.report
        XCTAssertGreaterThan(memorized.trainAccuracy, 0.55, "random labels are partly memorized")
        // A function fitted to noise may still correlate a little with the real labels by chance;
        // against equally random test labels it is at chance level.
        XCTAssertEqual(memorized.testAccuracy ?? 0, 0.5, accuracy: 0.06, "and do not generalize")
        XCTAssertEqual(try memorizer.accuracy(on: test.withRandomTestLabels(seed: 0)), 0.5, accuracy: 0.02)
    }
}
