import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// The circuit-size experiment on the fixture: the exact circuit's accuracy is the network's, ABC's
/// counts are real, and the chosen circuit respects the AND limit.
final class CircuitSizeExperimentTests: XCTestCase {
    func testExactCircuitsScoreLikeTheirNetworksAndTheChoiceRespectsTheLimit() throws {
        let abc = try CircuitSimulators.tool(["berkeley-abc", "abc"], purpose: "the circuit-size experiment")
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let task = try BinaryTask(parsing: "0-4:5-9")
        let train = try BinarizedExamples(images: dataset.train, task: task, threshold: 128, split: "train")
        let test = try BinarizedExamples(images: try XCTUnwrap(dataset.test), task: task, threshold: 128, split: "test")
        let shapes = [try NetworkShape(k: 4, hiddenWidths: [8]), try NetworkShape(k: 8, hiddenWidths: [16, 8])]
        let rows = try CircuitSizeExperiment.run(benchmark: "tiny", splits: .init(train: train, valid: test, test: test),
                                                 shapes: shapes, seed: 2, threads: 2, abc: abc)
        XCTAssertEqual(rows.count, 2)
        for (row, shape) in zip(rows, shapes) {
            let network = MemorizationTrainer(shape: shape, seed: 2, threads: 2).train(on: train).network
            XCTAssertEqual(row.exactTest, try network.accuracy(on: test), accuracy: 1e-12)
            XCTAssertEqual(row.luts, try LogicCircuit(network).nodes.count)
            XCTAssertGreaterThan(row.exactAnds, 0)
            XCTAssertLessThanOrEqual(row.freeAnds, row.exactAnds)
        }
        let table = CircuitSizeExperiment.markdown(rows, script: ABCSynthesis.standardScript)
        let best = rows.flatMap { [($0.exactValid, $0.exactAnds), ($0.freeValid, $0.freeAnds)] }
            .filter { $0.1 <= CircuitSizeExperiment.andLimit }.max { $0.0 < $1.0 }
        XCTAssertTrue(table.contains(String(format: "%.4f", try XCTUnwrap(best).0)), table)
        XCTAssertTrue(CircuitSizeExperiment.csv(rows).hasPrefix("benchmark,k,hidden_layers"))
    }
}
