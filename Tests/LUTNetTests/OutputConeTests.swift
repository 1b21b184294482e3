import XCTest
@testable import LUTNet

/// Prediction evaluates only the LUTs the answer depends on: the cone on a hand-made network, and
/// the same answers as evaluating every LUT, on every kernel variant this processor runs.
final class OutputConeTests: XCTestCase {
    /// Six inputs; layer 1 reads pairs of them, layer 2 pairs of layer 1, the output LUT LUTs 0
    /// and 1 of layer 2. The output reads layer-2 LUTs 0 and 1, which read layer-1 LUTs 0, 1 and 3.
    private func handMadeNetwork() throws -> LUTNetwork {
        func layer(width: Int, sources: Int, inputs: [UInt32], tables: [UInt64]) throws -> LUTLayer {
            try LUTLayer(k: 2, width: width, sourceCount: sources, inputs: inputs, tables: tables)
        }
        // Tables of 2 inputs, bit p the output for pattern p (bit 0: input 0): 0b1000 AND, 0b1110 OR,
        // 0b0110 XOR.
        let first = try layer(width: 4, sources: 6, inputs: [0, 1, 2, 3, 4, 5, 0, 5], tables: [0b1000, 0b1110, 0b0110, 0b0110])
        let second = try layer(width: 3, sources: 4, inputs: [0, 1, 1, 3, 2, 2], tables: [0b1110, 0b0110, 0b1000])
        let output = try layer(width: 1, sources: 3, inputs: [0, 1], tables: [0b0110])
        return try LUTNetwork(inputCount: 6, threshold: 128, task: try BinaryTask(parsing: "0:1"), seed: 0,
                              layers: [first, second, output])
    }

    func testTheConeKeepsTheLUTsTheAnswerReadsAndRenumbersTheirWiring() throws {
        let network = try handMadeNetwork()
        let cone = OutputCone(of: network.layers)
        XCTAssertEqual(cone.layers.map(\.luts), [[0, 1, 3], [0, 1], [0]])
        // The first layer still reads the inputs; above it, layer-1 LUT 3 is now row 2.
        XCTAssertEqual(cone.layers.map(\.inputs), [[0, 1, 2, 3, 0, 5], [0, 1, 1, 2], [0, 1]])
        XCTAssertEqual(cone.layers.map(\.sourceCount), [6, 3, 2])
        XCTAssertEqual(network.answerLUTCount, 6)
        XCTAssertEqual(network.lutCount, 8)
    }

    func testTheHandMadeNetworkAnswersEveryPattern() throws {
        let network = try handMadeNetwork()
        for pattern in 0..<64 {
            let bit = { (i: Int) in pattern >> i & 1 == 1 }
            // Layer 1: a = in0 AND in1, b = in2 OR in3, d = in0 XOR in5 (LUT 2 is not read);
            // layer 2: p = a OR b, q = b XOR d (LUT 2 is not read); the answer p XOR q.
            let a = bit(0) && bit(1), b = bit(2) || bit(3), d = bit(0) != bit(5)
            let expected: UInt8 = ((a || b) != (b != d)) ? 1 : 0
            let pixels = (0..<6).map { bit($0) ? UInt8(200) : 0 }
            XCTAssertEqual(try network.predict(pixels: pixels), expected, "pattern \(pattern)")
        }
    }

    /// Trained networks of random, spatial and per-layer-k wiring: the answer over the cone is the
    /// answer over every LUT, bit for bit, on every kernel variant, for example counts on and off
    /// word and block boundaries.
    func testTheConeAnswersAsEveryLUTDoesOnEveryVariant() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let task = try BinaryTask(parsing: "0-4:5-9")
        let test = try XCTUnwrap(dataset.test)
        for (ks, wiring) in [([6], "random"), ([9, 6], "hier:4,8,2"), ([8, 3], "local:4")] {
            let options = TrainingOptions(shape: try NetworkShape(ks: try LayerKs(ks), layers: "3x32"), seed: 5,
                                          threads: 2, wiring: try WiringSpec(parsing: wiring))
            let network = try LUTNetwork.train(on: dataset, task: task, options: options).network
            XCTAssertLessThan(network.answerLUTCount, network.lutCount, wiring)
            for count in [1, 63, 64, 65, test.count] {
                let inputs = try BitMatrix(binarizing: test, indices: (0..<UInt32(min(count, test.count))).map { $0 },
                                           threshold: network.threshold)
                for variant in KernelVariant.allCases where variant.isSupported {
                    var every = inputs
                    for layer in network.layers { every = layer.evaluate(every, threads: 2, kernels: variant) }
                    var cone = inputs
                    for (layer, selection) in zip(network.layers, OutputCone(of: network.layers).layers) {
                        cone = layer.evaluate(cone, only: selection, threads: 2, kernels: variant)
                    }
                    XCTAssertEqual(cone, every, "\(wiring), k \(ks), \(count) examples, \(variant)")
                }
                XCTAssertEqual(try network.outputs(for: inputs, threads: 1).words,
                               try network.outputs(for: inputs, threads: 3).words)
            }
        }
    }
}
