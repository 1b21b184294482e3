import Foundation
import XCTest
@testable import LUTNet

/// Exported circuits against the network itself: the circuit view in Swift for many shapes, and the
/// BLIF (through ABC and Yosys), the Verilog (through Icarus) and the C file (compiled) on real
/// examples: zero mismatches, and with don't-cares zero mismatches on the training examples.
final class ExportTests: XCTestCase {
    /// A network of `shape` trained on `train`.
    func trained(_ train: BinarizedExamples, k: Int, widths: [Int], seed: UInt64 = 4) throws -> LUTNetwork {
        MemorizationTrainer(shape: try NetworkShape(k: k, hiddenWidths: widths), seed: seed, threads: 2)
            .train(on: train).network
    }

    func splits(_ path: String, task: String = "0-4:5-9") throws -> (train: BinarizedExamples, test: BinarizedExamples, dataset: Dataset) {
        let dataset = try DatasetLoader.load(path: path)
        let task = try BinaryTask(parsing: task)
        let test = try XCTUnwrap(dataset.test)
        return (try BinarizedExamples(images: dataset.train, task: task, threshold: 128, split: "train"),
                try BinarizedExamples(images: test, task: task, threshold: 128, split: "test"), dataset)
    }

    func expected(_ network: LUTNetwork, _ bits: BitMatrix, columns: Range<Int>) throws -> [UInt8] {
        Array(try network.outputs(for: bits).unpackedRow(0)[columns])
    }

    func mismatches(_ got: [UInt8], _ want: [UInt8]) -> Int {
        got.count == want.count ? zip(got, want).filter { $0 != $1 }.count : max(got.count, want.count)
    }

    func testCircuitViewComputesTheNetworkForEveryShape() throws {
        let (train, test, _) = try splits(Fixtures.path("tiny"))
        for (k, widths) in [(1, [3]), (2, [8, 4]), (4, [2]), (6, [16]), (8, [12, 6, 3]), (11, []), (16, [2])] {
            let network = try trained(train, k: k, widths: widths)
            let exact = try LogicCircuit(network)
            for (bits, split) in [(train.inputs, "train"), (test.inputs, "test")] {
                let want = try expected(network, bits, columns: 0..<bits.columnCount)
                let got = CircuitSimulators.examples(bits, columns: 0..<bits.columnCount).map { exact.answer(bits: $0) ? UInt8(1) : 0 }
                XCTAssertEqual(mismatches(got, want), 0, "k=\(k) \(widths) on \(split)")
                XCTAssertEqual(try exact.answers(for: bits), want, "k=\(k) \(widths) on \(split), through the kernel")
            }
            // Without covers the exact circuit has the same nodes, functions and C file.
            let bare = try LogicCircuit(network, covers: false)
            XCTAssertEqual(bare.nodes.map(\.inputs), exact.nodes.map(\.inputs), "k=\(k) \(widths)")
            XCTAssertEqual(bare.nodes.map(\.function), exact.nodes.map(\.function), "k=\(k) \(widths)")
            let body = { (text: String) in text.split(separator: "\n").filter { !$0.contains(" LUTs, ") } }
            XCTAssertEqual(body(CExport.text(bare, name: "n")), body(CExport.text(exact, name: "n")), "k=\(k) \(widths)")
            let free = try LogicCircuit(network, dontCares: .unseen)
            let want = try expected(network, train.inputs, columns: 0..<train.count)
            let got = CircuitSimulators.examples(train.inputs, columns: 0..<train.count).map { free.answer(bits: $0) ? UInt8(1) : 0 }
            XCTAssertEqual(mismatches(got, want), 0, "k=\(k) \(widths) with don't-cares on train")
            XCTAssertEqual(try free.answers(for: test.inputs),
                           CircuitSimulators.examples(test.inputs, columns: 0..<test.count).map { free.answer(bits: $0) ? 1 : 0 },
                           "k=\(k) \(widths) with don't-cares on test, through the kernel")
            XCTAssertLessThanOrEqual(free.literalCount, exact.literalCount, "k=\(k) \(widths)")
        }
    }

    func testSumOfProductsCoversExactlyOrWithinTheDontCares() {
        var generator = SeededGenerator(seed: 11)
        for variables in [0, 1, 3, 6, 7, 9] {
            let words = TruthTable.wordCount(variables)
            let on = TruthTable(variables: variables, words: (0..<words).map { _ in generator.next() })
            let care = TruthTable(variables: variables, words: (0..<words).map { _ in generator.next() | generator.next() })
            for (lower, upper) in [(on, on), (on & care, on | ~care)] {
                let (cubes, function) = SumOfProducts.cover(lower: lower, upper: upper)
                for p in 0..<(1 << variables) {
                    let covered = cubes.contains { UInt32(p) & $0.mask == $0.values }
                    XCTAssertEqual(covered, function[p], "\(variables) inputs, pattern \(p)")
                    if lower[p] { XCTAssertTrue(covered) }
                    if !upper[p] { XCTAssertFalse(covered) }
                }
            }
        }
        // x0 & x1 | ~x0 & x1 is x1: one cube of one literal.
        let x1 = TruthTable(variables: 2, words: [0b1100])
        XCTAssertEqual(SumOfProducts.cover(lower: x1, upper: x1).cubes, [Cube(mask: 0b10, values: 0b10)])
    }

    /// The three exports of `network` checked on `bits` columns `columns` (BLIF through ABC, Verilog
    /// through Icarus, and Yosys when `yosys`), and the C file on `bytes`.
    func checkExports(_ network: LUTNetwork, dontCares: LogicCircuit.DontCares = .none, bits: BitMatrix, columns: Range<Int>,
                      cBytes: [UInt8], cExpected: [UInt8], yosys: Bool = false, label: String) throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        let circuit = try LogicCircuit(network, dontCares: dontCares)
        let examples = CircuitSimulators.examples(bits, columns: columns)
        let want = try expected(network, bits, columns: columns)
        let n = network.inputCount

        let verilog = VerilogExport.text(circuit, name: "net")
        let simulated = try CircuitSimulators.iverilog(verilog, top: "net", ports: .bus, inputs: n, examples: examples, in: folder)
        XCTAssertEqual(mismatches(simulated, want), 0, "\(label): Verilog through Icarus")

        let blif = BLIFExport.text(circuit, name: "net")
        let abc = try CircuitSimulators.abcNetlist(blif, in: folder)
        let throughABC = try CircuitSimulators.iverilog(abc, top: "net", ports: .scalars, inputs: n, examples: examples, in: folder)
        XCTAssertEqual(mismatches(throughABC, want), 0, "\(label): BLIF through ABC")

        if yosys {
            let fromBLIF = try CircuitSimulators.yosysNetlist(blif, blif: true, top: "net", in: folder)
            let got = try CircuitSimulators.iverilog(fromBLIF, top: "net", ports: .scalars, inputs: n, examples: examples, in: folder)
            XCTAssertEqual(mismatches(got, want), 0, "\(label): BLIF through Yosys")
            let fromVerilog = try CircuitSimulators.yosysNetlist(verilog, blif: false, top: "net", in: folder)
            let synthesized = try CircuitSimulators.iverilog(fromVerilog, top: "net", ports: .bus, inputs: n, examples: examples, in: folder)
            XCTAssertEqual(mismatches(synthesized, want), 0, "\(label): Verilog synthesized by Yosys")
        }

        let c = try CircuitSimulators.runC(CExport.text(circuit, name: "net"), name: "net", bytes: cBytes,
                                           count: cExpected.count, inputs: n, in: folder)
        XCTAssertEqual(mismatches(c, cExpected), 0, "\(label): C on \(cExpected.count) examples")
    }

    /// Raw bytes and the network's answers for every image of `images`.
    func wholeSplit(_ network: LUTNetwork, _ images: ImageSet) throws -> (bytes: [UInt8], answers: [UInt8]) {
        (images.withPixels { Array($0) }, try network.predict(images))
    }

    func testExportsAgreeWithTheNetworkOnTheFixtureForSeveralShapes() throws {
        let (train, test, dataset) = try splits(Fixtures.path("tiny"))
        let testImages = try XCTUnwrap(dataset.test)
        for (k, widths) in [(2, [8, 4]), (6, [16]), (8, [12, 6, 3]), (11, [])] {
            let network = try trained(train, k: k, widths: widths)
            let split = try wholeSplit(network, testImages)
            try checkExports(network, bits: test.inputs, columns: 0..<test.count, cBytes: split.bytes, cExpected: split.answers,
                             yosys: k == 6, label: "k=\(k) \(widths)")
            let trainExamples = CircuitSimulators.examples(train.inputs, columns: 0..<train.count)
            try checkExports(network, dontCares: .unseen, bits: train.inputs, columns: 0..<train.count,
                             cBytes: CircuitSimulators.bytes(trainExamples),
                             cExpected: try expected(network, train.inputs, columns: 0..<train.count),
                             label: "k=\(k) \(widths) with don't-cares")
        }
    }

    /// A network whose layers have different k (9 under 6 and 3) exports every LUT with its own
    /// layer's k: the circuit view, BLIF, Verilog and C agree with the network.
    func testExportsOfAPerLayerKNetworkAgreeWithTheNetwork() throws {
        let (train, test, dataset) = try splits(Fixtures.path("tiny"))
        let shape = try NetworkShape(ks: try LayerKs([9, 6, 3]), hiddenWidths: [10, 6])
        let network = MemorizationTrainer(shape: shape, seed: 4, threads: 2).train(on: train).network
        XCTAssertEqual(network.layerKs, [9, 6, 3])
        let circuit = try LogicCircuit(network)
        XCTAssertEqual(try circuit.answers(for: test.inputs), try expected(network, test.inputs, columns: 0..<test.count))
        let split = try wholeSplit(network, try XCTUnwrap(dataset.test))
        try checkExports(network, bits: test.inputs, columns: 0..<test.count, cBytes: split.bytes, cExpected: split.answers,
                         label: "k=9/6/3")
    }

    func testExportsAgreeWithTheNetworkOnAnIWLSBenchmark() throws {
        let folder = try Fixtures.shared("iwls2020")
        let dataset = try DatasetLoader.load(trainPLA: folder + "/ex80.train.pla.gz", testPLA: folder + "/ex80.test.pla.gz")
        let task = try BinaryTask(parsing: "0:1")
        let train = try BinarizedExamples(images: dataset.train, task: task, threshold: 128, split: "train")
        let testImages = try XCTUnwrap(dataset.test)
        let test = try BinarizedExamples(images: testImages, task: task, threshold: 128, split: "test")
        let network = try trained(train, k: 6, widths: [64, 16])
        let split = try wholeSplit(network, testImages)
        try checkExports(network, bits: test.inputs, columns: 0..<1000, cBytes: split.bytes, cExpected: split.answers, label: "ex80")
        let trainExamples = CircuitSimulators.examples(train.inputs, columns: 0..<train.count)
        try checkExports(network, dontCares: .unseen, bits: train.inputs, columns: 0..<train.count,
                         cBytes: CircuitSimulators.bytes(trainExamples),
                         cExpected: try expected(network, train.inputs, columns: 0..<train.count), label: "ex80 with don't-cares")
    }

    func testExportsAgreeWithTheNetworkOnMNIST() throws {
        let (train, test, dataset) = try splits(try Fixtures.shared("mnist"))
        let network = try trained(train, k: 8, widths: [32, 8])
        let split = try wholeSplit(network, try XCTUnwrap(dataset.test))
        XCTAssertEqual(split.answers.count, 10_000)
        try checkExports(network, bits: test.inputs, columns: 0..<1000, cBytes: split.bytes, cExpected: split.answers, label: "MNIST")
        // Don't-cares: every one of the 60,000 training examples through the C file, 1,000 through the circuits.
        let trainBytes = dataset.train.withPixels { Array($0) }
        try checkExports(network, dontCares: .unseen, bits: train.inputs, columns: 0..<1000, cBytes: trainBytes,
                         cExpected: try network.predict(dataset.train), label: "MNIST with don't-cares")
    }

    func testConstantCircuitExportsAndCompiles() throws {
        // One LUT of k = 2 whose table is all ones: the answer is 1 whatever the inputs.
        let layer = try LUTLayer(k: 2, width: 1, sourceCount: 3, inputs: [0, 2], tables: [0b1111], seenPatterns: [0b0001])
        let network = try LUTNetwork(inputCount: 3, threshold: 9, task: try BinaryTask(parsing: "0:1"), seed: 0, layers: [layer])
        let circuit = try LogicCircuit(network)
        XCTAssertEqual(circuit.nodes.count, 1)
        XCTAssertTrue(circuit.nodes[0].inputs.isEmpty)
        XCTAssertTrue(BLIFExport.text(circuit, name: "one").contains(".names y\n1\n"))
        XCTAssertTrue(VerilogExport.text(circuit, name: "one").contains("assign y = ~(1'b0);") || VerilogExport.text(circuit, name: "one").contains("assign y = 1'b1;"))
        let folder = try Fixtures.temporaryFolder(for: self)
        let c = try CircuitSimulators.runC(CExport.text(circuit, name: "one"), name: "one", bytes: [0, 9, 200, 1, 2, 3],
                                           count: 2, inputs: 3, in: folder)
        XCTAssertEqual(c, [1, 1])
    }
}
