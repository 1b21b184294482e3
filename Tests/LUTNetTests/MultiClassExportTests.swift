import Foundation
import XCTest
@testable import LUTNet

/// Multi-class models as circuits and C: the circuit view, the Verilog (through Icarus, and Yosys),
/// the BLIF (through ABC, and Yosys) and the C file (compiled) answer the class `predict` answers
/// on every test image, for every wiring the trainer makes, on a hand-made model full of ties, and
/// on MNIST.
final class MultiClassExportTests: XCTestCase {
    /// A model trained on `dataset`'s training split for `task`, k `k`, `widths` per class.
    func trained(_ dataset: Dataset, task: String = "0:1:2:3:4:5:6:7:8:9", k: Int, widths: [Int], wiring: WiringSpec,
                 sharedFirstLayer: Bool = false, alternateHalves: Bool = false, seed: UInt64 = 3) throws -> MultiClassNetwork {
        var options = MultiClassTrainingOptions(shape: try NetworkShape(k: k, hiddenWidths: widths), seed: seed, wiring: wiring,
                                                threads: 2)
        options.sharedFirstLayer = sharedFirstLayer
        options.alternateHalves = alternateHalves
        let examples = try MultiClassExamples(images: dataset.train, task: try MultiClassTask(parsing: task), threshold: 128,
                                              split: "train")
        return try MultiClassNetwork.train(on: examples, options: options).network
    }

    func mismatches(_ got: [UInt8], _ want: [UInt8]) -> Int {
        got.count == want.count ? zip(got, want).filter { $0 != $1 }.count : max(got.count, want.count)
    }

    /// Every export of `model` against `want` (its answers) on `bits` and `bytes` (the same
    /// examples): the circuit view (through the kernel on all, plainly on the first `plain`), the
    /// BLIF evaluated on all, the Verilog through Icarus and the BLIF through ABC then Icarus on the
    /// first `simulated`, both through Yosys when `yosys`, and the C file on all.
    func checkExports(_ circuit: LogicCircuit, bits: BitMatrix, bytes: [UInt8], want: [UInt8], plain: Int? = nil,
                      simulated: Int? = nil, yosys: Bool = false, label: String) throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        let n = circuit.inputCount, count = want.count, outputBits = circuit.outputBitCount
        XCTAssertEqual(mismatches(try circuit.answers(for: bits), want), 0, "\(label): the circuit through the kernel")
        let plainExamples = CircuitSimulators.examples(bits, columns: 0..<min(plain ?? count, count))
        XCTAssertEqual(mismatches(plainExamples.map { UInt8(circuit.value(bits: $0)) }, Array(want.prefix(plainExamples.count))), 0,
                       "\(label): the circuit evaluated plainly")
        let examples = CircuitSimulators.examples(bits, columns: 0..<min(simulated ?? count, count))
        let simulatedWant = Array(want.prefix(examples.count))

        let verilog = VerilogExport.text(circuit, name: "net")
        let simulatedVerilog = try CircuitSimulators.iverilog(verilog, top: "net", ports: .bus, inputs: n, outputBits: outputBits,
                                                              examples: examples, in: folder)
        XCTAssertEqual(mismatches(simulatedVerilog, simulatedWant), 0, "\(label): Verilog through Icarus")

        let blif = BLIFExport.text(circuit, name: "net")
        XCTAssertEqual(mismatches(try CircuitSimulators.evaluateBLIF(blif, on: bits), want), 0, "\(label): BLIF evaluated on \(count) examples")
        let abc = try CircuitSimulators.abcNetlist(blif, in: folder)
        let throughABC = try CircuitSimulators.iverilog(abc, top: "net", ports: .scalars, inputs: n, outputBits: outputBits,
                                                        examples: examples, in: folder)
        XCTAssertEqual(mismatches(throughABC, simulatedWant), 0, "\(label): BLIF through ABC")

        if yosys {
            let fromBLIF = try CircuitSimulators.yosysNetlist(blif, blif: true, top: "net", in: folder)
            let got = try CircuitSimulators.iverilog(fromBLIF, top: "net", ports: .scalars, inputs: n, outputBits: outputBits,
                                                     examples: examples, in: folder)
            XCTAssertEqual(mismatches(got, simulatedWant), 0, "\(label): BLIF through Yosys")
            let fromVerilog = try CircuitSimulators.yosysNetlist(verilog, blif: false, top: "net", in: folder)
            let synthesized = try CircuitSimulators.iverilog(fromVerilog, top: "net", ports: .bus, inputs: n, outputBits: outputBits,
                                                             examples: examples, in: folder)
            XCTAssertEqual(mismatches(synthesized, simulatedWant), 0, "\(label): Verilog synthesized by Yosys")
        }

        let c = try CircuitSimulators.runC(CExport.text(circuit, name: "net"), name: "net", bytes: bytes, count: count,
                                           inputs: n, in: folder)
        XCTAssertEqual(mismatches(c, want), 0, "\(label): C on \(count) examples")
    }

    /// `checkExports` on every image of `images`, against `model.predict`.
    func checkExports(_ model: MultiClassNetwork, images: ImageSet, simulated: Int? = nil, yosys: Bool = false,
                      label: String) throws {
        let want = try model.predict(images)
        let circuit = try LogicCircuit(model)
        try checkExports(circuit, bits: try model.binarize(images), bytes: images.withPixels { Array($0) }, want: want,
                         plain: 500, simulated: simulated, yosys: yosys, label: label)
        // The C file needs no covers: the same file from a circuit built without them.
        let bare = try LogicCircuit(model, covers: false)
        let body = { (text: String) in text.split(separator: "\n").filter { !$0.contains(" LUTs, ") } }
        XCTAssertEqual(body(CExport.text(bare, name: "n")), body(CExport.text(circuit, name: "n")), label)
    }

    func testExportsOfEveryWiringAnswerAsPredictOnTheFixture() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let test = try XCTUnwrap(dataset.test)
        let models: [(String, MultiClassNetwork)] = [
            ("random k=4 8,4", try trained(dataset, k: 4, widths: [8, 4], wiring: .random)),
            ("local:4 k=6 12", try trained(dataset, k: 6, widths: [12], wiring: try WiringSpec(parsing: "local:4"))),
            ("hier:4,8,2 k=4 16,8", try trained(dataset, k: 4, widths: [16, 8], wiring: try WiringSpec(parsing: "hier:4,8,2"))),
            ("shared first layer k=4 6,4", try trained(dataset, k: 4, widths: [6, 4], wiring: try WiringSpec(parsing: "local:4"),
                                                       sharedFirstLayer: true)),
            ("alternate halves k=5 8,8,3", try trained(dataset, k: 5, widths: [8, 8, 3], wiring: .random, alternateHalves: true)),
            ("three groups k=3 5", try trained(dataset, task: "0-2:3-6:7-9", k: 3, widths: [5], wiring: .random)),
            ("one LUT per class k=8", try trained(dataset, k: 8, widths: [1], wiring: .random)),
        ]
        for (label, model) in models {
            try checkExports(model, images: test, yosys: label.hasPrefix("three"), label: label)
        }
        // The shared first layer is one set of nodes, not one per class.
        let shared = try LogicCircuit(models[3].1)
        let firstLayer = models[3].1.classLayers[0][0].width
        XCTAssertEqual(firstLayer, 60)
        XCTAssertLessThanOrEqual(shared.lutCount, firstLayer + 10 * 4)
    }

    /// With `--dont-care unseen` a LUT pattern no training example showed is free: the circuit is
    /// smaller and still answers as `predict` on every training example, whatever the wiring.
    func testDontCaresAnswerAsPredictOnEveryTrainingExample() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let models: [(String, MultiClassNetwork)] = [
            ("local:4 k=6 12,6", try trained(dataset, k: 6, widths: [12, 6], wiring: try WiringSpec(parsing: "local:4"))),
            ("shared first layer k=5 8,4", try trained(dataset, k: 5, widths: [8, 4], wiring: .random, sharedFirstLayer: true)),
            ("alternate halves k=6 10,10", try trained(dataset, k: 6, widths: [10, 10], wiring: .random, alternateHalves: true)),
        ]
        for (label, model) in models {
            let exact = try LogicCircuit(model), free = try LogicCircuit(model, dontCares: .unseen)
            XCTAssertLessThan(free.literalCount, exact.literalCount, label)
            try checkExports(free, bits: try model.binarize(dataset.train), bytes: dataset.train.withPixels { Array($0) },
                             want: try model.predict(dataset.train), plain: 200, label: label + " with don't-cares")
        }
        XCTAssertThrowsError(try LogicCircuit(try models[0].1.withoutSeenPatterns(), dontCares: .unseen)) { error in
            XCTAssertEqual(error as? ExportError, .noSeenPatterns)
        }
    }

    /// Four classes voting on three input bits, every pattern tried: class 0's two LUTs are x0 (it
    /// has 2·x0 votes), class 1's x1 and x0, class 2's x1 and x2, class 3's two x2. Ties between
    /// classes 1 and 2, 0 and 3, 2 and 3, and all four go to the lowest.
    func testTiesGoToTheLowestClassInEveryExport() throws {
        let identity: UInt64 = 0b10
        let wirings: [[UInt32]] = [[0, 0], [1, 0], [1, 2], [2, 2]]
        let classLayers = try wirings.map { inputs in
            [try LUTLayer(k: 1, width: 2, sourceCount: 3, inputs: inputs, tables: [identity, identity])]
        }
        let model = try MultiClassNetwork(inputCount: 3, threshold: 100, task: try MultiClassTask(parsing: "0:1:2:3"), seed: 0,
                                          wiring: .random, classLayers: classLayers)
        // Pattern p: x0 = bit 0, x1 = bit 1, x2 = bit 2.
        let patterns = (0..<8).map { p in (0..<3).map { p >> $0 & 1 == 1 } }
        var bits = BitMatrix(rowCount: 3, columnCount: 8)
        for (p, pattern) in patterns.enumerated() { for j in 0..<3 where pattern[j] { bits[j, p] = true } }
        let want: [UInt8] = [0, 0, 1, 0, 3, 0, 2, 0]
        XCTAssertEqual(try model.predict(inputs: bits), want)
        let circuit = try LogicCircuit(model)
        // Class 0's two LUTs are one node that votes twice, as are class 3's.
        XCTAssertEqual(circuit.lutCount, 3)
        try checkExports(circuit, bits: bits, bytes: CircuitSimulators.bytes(patterns), want: want, yosys: true, label: "ties")
    }

    func testTenClassMNISTExportsAnswerAsPredictOnEveryTestImage() throws {
        let dataset = try DatasetLoader.load(path: try Fixtures.shared("mnist"))
        let test = try XCTUnwrap(dataset.test)
        let model = try trained(dataset, k: 6, widths: [32], wiring: try WiringSpec(parsing: "local:6"), seed: 1)
        let accuracy = Double(zip(try model.predict(test), test.labels).filter { $0 == $1 }.count) / Double(test.count)
        XCTAssertGreaterThan(accuracy, 0.7, "ten classes of MNIST, k 6, 32 LUTs per class")
        // Icarus takes about 10 ms per MNIST image: 300 of them through it, all 10,000 through the BLIF and C.
        try checkExports(model, images: test, simulated: 300, label: "MNIST k=6 32 per class")
    }
}
