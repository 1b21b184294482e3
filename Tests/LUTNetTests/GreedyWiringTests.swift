import Foundation
import XCTest
@testable import LUTNet

/// The greedy wiring: LUTs that find the inputs a label depends on, from the training examples alone.
final class GreedyWiringTests: XCTestCase {
    /// Examples of 24 random input bits labeled by `label` of them.
    func examples(count: Int, seed: UInt64, label: ([Bool]) -> Bool) throws -> BinarizedExamples {
        let inputs = ReferenceMemorization.randomMatrix(rows: 24, columns: count, seed: seed)
        var labels = BitMatrix(rowCount: 1, columnCount: count)
        for e in 0..<count where label((0..<24).map { inputs[$0, e] }) { labels[0, e] = true }
        return try BinarizedExamples(inputs: inputs, labels: labels, task: try BinaryTask(parsing: "0:1"), threshold: 128)
    }

    func testOneLUTFindsTheThreeInputsOfAParityAndAnOr() throws {
        // x3 ^ x7 needs a pair (neither bit alone tells anything); x11 | x20 then lowers the entropy one at a time.
        let rule = { (x: [Bool]) in (x[3] != x[7]) != (x[11] && x[20]) }
        let train = try examples(count: 2000, seed: 1, label: rule), test = try examples(count: 2000, seed: 2, label: rule)
        let greedy = try LUTNetwork.train(on: train, options: TrainingOptions(shape: try NetworkShape(k: 6, hiddenWidths: []),
                                                                             threads: 1, wiring: .greedy)).network
        XCTAssertEqual(Set(greedy.layers[0].inputs), [3, 7, 11, 20], "the inputs the label depends on; free slots repeat one")
        XCTAssertEqual(try greedy.accuracy(on: test), 1.0)
        let random = try LUTNetwork.train(on: train, options: TrainingOptions(shape: try NetworkShape(k: 6, hiddenWidths: []),
                                                                             threads: 1)).network
        XCTAssertLessThan(try random.accuracy(on: test), 0.8, "random wiring rarely draws all four")
    }

    func testALabelNoPairTellsIsFoundThroughTriples() throws {
        // x2 ^ x5 ^ x9: every pair of inputs is independent of the label, the three together decide it.
        let rule = { (x: [Bool]) in (x[2] != x[5]) != x[9] }
        let train = try examples(count: 2000, seed: 5, label: rule), test = try examples(count: 2000, seed: 6, label: rule)
        let network = try LUTNetwork.train(on: train, options: TrainingOptions(shape: try NetworkShape(k: 4, hiddenWidths: []),
                                                                              threads: 1, wiring: .greedy)).network
        XCTAssertEqual(Set(network.layers[0].inputs), [2, 5, 9])
        XCTAssertEqual(try network.accuracy(on: test), 1.0)
    }

    func testLayersOfGreedyLUTsDifferAndAreTheSameOnAnyThreadCountAndVariant() throws {
        let train = try examples(count: 1000, seed: 3) { $0[0] && ($0[1] || $0[2]) || $0[5] && $0[9] }
        let inputs = { (threads: Int, kernels: KernelVariant) in
            GreedyWiring.layer(width: 8, k: 4, inputs: train.inputs, labels: train.labels, threads: threads, kernels: kernels)
        }
        let one = inputs(1, .portable)
        XCTAssertEqual(one, inputs(2, .portable))
        // The counting kernel's variants count alike.
        for variant in KernelVariant.allCases where variant.isSupported { XCTAssertEqual(inputs(2, variant), one, "\(variant)") }
        let luts = (0..<8).map { Array(one[($0 * 4)..<($0 * 4 + 4)]) }
        XCTAssertEqual(Set(luts).count, 8, "each LUT starts from its own pair")
    }

    func testAGreedyModelIsSavedAsVersion9AndLoadsEqual() throws {
        let train = try examples(count: 500, seed: 4) { $0[2] || $0[4] }
        let network = try LUTNetwork.train(on: train, options: TrainingOptions(shape: try NetworkShape(k: 4, hiddenWidths: [3]),
                                                                              threads: 1, wiring: .greedy)).network
        let bytes = ModelFile.encode(network)
        XCTAssertEqual(Array(bytes[8..<12]), [9, 0, 0, 0])
        let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("greedy.lutnet").path
        try ModelFile.save(network, to: path)
        let loaded = try ModelFile.load(from: path)
        XCTAssertEqual(loaded, network)
        XCTAssertEqual(loaded.wiring.description, "greedy")
        XCTAssertEqual(try WiringSpec(parsing: "greedy"), .greedy)
    }

    func testGreedyWiringIsRefusedForMultiClassTasks() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let task = try MultiClassTask(parsing: "0:1:2")
        XCTAssertThrowsError(try MultiClassNetwork.train(on: dataset, task: task,
                                                         options: MultiClassTrainingOptions(shape: try NetworkShape(k: 4, hiddenWidths: [4]),
                                                                                            wiring: .greedy, threads: 1))) { error in
            XCTAssertTrue("\(error)".contains("greedy wiring learns from one label"), "\(error)")
        }
    }
}
