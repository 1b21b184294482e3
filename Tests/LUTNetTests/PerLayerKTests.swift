import CLUTNetAPI
import Foundation
import XCTest
@testable import LUTNet
import LUTNetExperiments

/// Networks whose layers have different k (`--k 12/8`): how options write them, training against
/// the plain reference layer by layer, the model file's version 6, and the equivalence of equal ks
/// with the one-k network of earlier builds.
final class PerLayerKTests: XCTestCase {
    func testKsParseAndFillEveryLayer() throws {
        XCTAssertEqual(try LayerKs(parsing: "8", option: "--k").values, [8])
        XCTAssertEqual(try LayerKs(parsing: " 12 / 8 ", option: "--k").values, [12, 8])
        let shape = try NetworkShape(ks: try LayerKs(parsing: "12/10/8", option: "--k"), layers: "5x1024")
        XCTAssertEqual(shape.layerKs, [12, 10, 8, 8, 8, 8])
        XCTAssertEqual(shape.description, "k=12/10/8, 5x1024 + 1 output LUT")
        XCTAssertNil(shape.uniformK)
        XCTAssertEqual(try NetworkShape(ks: try LayerKs(parsing: "12/8", option: "--k"), layers: "5x1024").description,
                       "k=12/8, 5x1024 + 1 output LUT")
        // As many values as layers: the last is the output LUT's.
        XCTAssertEqual(try NetworkShape(ks: try LayerKs([6, 5, 4]), layers: "2x16").layerKs, [6, 5, 4])
        // Equal values are the one-k shape, written as one k.
        let equal = try NetworkShape(ks: try LayerKs(parsing: "8/8/8", option: "--k"), layers: "5x1024")
        XCTAssertEqual(equal, .paper)
        XCTAssertEqual(equal.description, "k=8, 5x1024 + 1 output LUT")
        XCTAssertEqual(equal.uniformK, 8)
    }

    func testImpossibleKsAreRefusedNamingTheOption() {
        func message(_ text: String, layers: String = "2x16") -> String {
            do {
                _ = try NetworkShape(ks: try LayerKs(parsing: text, option: "--k"), layers: layers)
                return "accepted"
            } catch { return error.description }
        }
        XCTAssertEqual(message("12//8"), "invalid --k: '12//8' has an empty part; write one k (8) or one per layer separated by '/' (12/8)")
        XCTAssertEqual(message("/8"), "invalid --k: '/8' has an empty part; write one k (8) or one per layer separated by '/' (12/8)")
        XCTAssertEqual(message("12/"), "invalid --k: '12/' has an empty part; write one k (8) or one per layer separated by '/' (12/8)")
        XCTAssertEqual(message(""), "invalid --k: '' has an empty part; write one k (8) or one per layer separated by '/' (12/8)")
        XCTAssertEqual(message("12/x"), "invalid --k: 'x' is not a number; write one k (8) or one per layer separated by '/' (12/8)")
        XCTAssertEqual(message("12/17"), "invalid --k: k = 17 in '12/17' is not supported: a LUT has 1 to 16 inputs")
        XCTAssertEqual(message("0/8"), "invalid --k: k = 0 in '0/8' is not supported: a LUT has 1 to 16 inputs")
        // A single number is refused as before.
        XCTAssertEqual(message("17"), "k = 17 is not supported: a LUT has 1 to 16 inputs")
        XCTAssertEqual(message("8/6/4/2", layers: "2x16"),
                       "invalid k '8/6/4/2': 4 values, but the network has only 3 layers (2 hidden and the output LUT)")
        XCTAssertEqual(message("8/6", layers: "0"),
                       "invalid k '8/6': 2 values, but the network has only 1 layer (the output LUT alone)")
        XCTAssertThrowsError(try LayerKs([])) { XCTAssertEqual("\($0)", "invalid k '': no k given") }
    }

    func testSweepListsTakeRangesAndPerLayerKs() throws {
        XCTAssertEqual(try KList.parse("8,10/8,12/8", option: "--k").map(\.values), [[8], [10, 8], [12, 8]])
        XCTAssertEqual(try KList.parse("4-8/2,12/8", option: "--ks").map(\.values), [[4], [6], [8], [12, 8]])
        XCTAssertThrowsError(try KList.parse("8,12//8", option: "--k")) {
            XCTAssertEqual("\($0)", "invalid --k: '12//8' has an empty part; write one k (8) or one per layer separated by '/' (12/8)")
        }
        XCTAssertThrowsError(try KList.parse("8,17", option: "--k")) { XCTAssertEqual("\($0)", "k = 17 is not supported: a LUT has 1 to 16 inputs") }
        XCTAssertEqual(try KList.parseSingle("2-6/2,8/8", option: "--ks", why: "one k"), [2, 4, 6, 8])
        XCTAssertThrowsError(try KList.parseSingle("8,12/8", option: "--ks", why: "k-sweep sets one k for every layer")) {
            XCTAssertEqual("\($0)", "invalid --ks: per-layer k 12/8 is not taken here: k-sweep sets one k for every layer")
        }
        // The wiring sweep trains two shapes for `8,12/8` and records each k as written.
        let sweep = try WiringExperiment(data: "d", task: try BinaryTask(parsing: "0:1"), threshold: 128, wirings: [.random],
                                         ks: try KList.parse("8,12/8", option: "--k"), layers: ["5x1024"], seeds: 1)
        XCTAssertEqual(sweep.configurations.map(\.name), ["random k=8 5x1024", "random k=12/8 5x1024"])
        XCTAssertEqual(sweep.configurations.map(\.commandLine), ["--k 8 --layers 5x1024", "--k 12/8 --layers 5x1024"])
    }

    /// Every layer of a per-layer network is the plain reference's memorization of the layer
    /// below's outputs, with its own k: the wiring from its stream, the counts, the majority table
    /// with the LUT's tie bits, and its outputs.
    func testEachLayerIsTheReferenceMemorizationWithItsOwnK() throws {
        let dataset = try TinyDataset.make()
        let train = try BinarizedExamples(images: dataset.train, task: try BinaryTask(parsing: "0-1:2-3"), threshold: 128,
                                          split: "train")
        let shape = try NetworkShape(ks: try LayerKs([7, 3, 5]), hiddenWidths: [24, 12])
        let network = MemorizationTrainer(shape: shape, seed: 6, threads: 2).train(on: train).network
        XCTAssertEqual(network.layerKs, [7, 3, 5])
        XCTAssertEqual(network.shape, shape)
        var inputs = train.inputs
        for (index, layer) in network.layers.enumerated() {
            let k = shape.k(layer: index)
            XCTAssertEqual(layer.k, k)
            var outputs = BitMatrix(rowCount: layer.width, columnCount: inputs.columnCount)
            for lut in 0..<layer.width {
                let wiring = Array(layer.inputs[(lut * k)..<((lut + 1) * k)])
                XCTAssertEqual(wiring, RandomWiring.inputs(k: k, sourceCount: inputs.rowCount, seed: 6, layer: index, lut: lut))
                var generator = SeededGenerator(seed: 6, stream: 2, UInt64(index), UInt64(lut))
                let ties = (0..<layer.tableWords).map { _ in generator.next() }
                let counts = ReferenceMemorization.counts(inputs, inputs: wiring, labels: train.labels)
                let table = ReferenceMemorization.table(counts: counts, k: k, tieBits: ties)
                XCTAssertEqual(Array(layer.tables[(lut * layer.tableWords)..<((lut + 1) * layer.tableWords)]), table,
                               "layer \(index) LUT \(lut)")
                for (e, bit) in ReferenceMemorization.evaluate(inputs, inputs: wiring, table: table).enumerated() where bit == 1 {
                    outputs[lut, e] = true
                }
            }
            XCTAssertEqual(layer.evaluate(inputs, threads: 2).words, outputs.words, "layer \(index)")
            inputs = outputs
        }
    }

    func testSameSeedGivesTheSameModelWhateverTheThreads() throws {
        let inputs = ReferenceMemorization.randomMatrix(rows: 100, columns: 700, seed: 1)
        let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: 700, seed: 2)
        let examples = try BinarizedExamples(inputs: inputs, labels: labels, task: BinaryTask(parsing: "0:1"), threshold: 128)
        let shape = try NetworkShape(ks: try LayerKs([10, 6]), hiddenWidths: [64, 32])
        let one = try LUTNetwork.train(on: examples, options: TrainingOptions(shape: shape, seed: 9, threads: 1)).network
        let two = try LUTNetwork.train(on: examples, options: TrainingOptions(shape: shape, seed: 9, threads: 2)).network
        XCTAssertEqual(ModelFile.encode(one), ModelFile.encode(two))
        XCTAssertEqual(one.layerKs, [10, 6, 6])
    }

    /// Model files written by the build before per-layer k (v2: random wiring, v4: hier wiring,
    /// Data/fixtures/models/README.md): training the same options now, with one k or the same k
    /// written per layer, gives them byte for byte.
    func testEqualKsTrainTheBytesOfTheBuildBeforePerLayerK() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        for (file, wiring) in [("v2-tiny-k6.lut", "random"), ("v4-tiny-k6-hier.lut", "hier:4,8,2")] {
            let before = try Array(Data(contentsOf: URL(fileURLWithPath: Fixtures.path("models/" + file))))
            for ks in [try LayerKs(uniform: 6), try LayerKs([6, 6]), try LayerKs([6, 6, 6])] {
                let options = TrainingOptions(shape: try NetworkShape(ks: ks, layers: "2x16"), seed: 7, threads: 2,
                                              wiring: try WiringSpec(parsing: wiring))
                let network = try LUTNetwork.train(on: dataset, task: try BinaryTask(parsing: "0-4:5-9"), options: options).network
                XCTAssertEqual(ModelFile.encode(network), before, "\(file) with k \(ks)")
            }
        }
    }

    func testPerLayerModelsWriteVersionSixAndReadBack() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let task = try BinaryTask(parsing: "0-4:5-9")
        for wiring in ["random", "hier:4,8,2"] {
            let options = TrainingOptions(shape: try NetworkShape(ks: try LayerKs([9, 6]), layers: "2x16"), seed: 7, threads: 2,
                                          wiring: try WiringSpec(parsing: wiring))
            let network = try LUTNetwork.train(on: dataset, task: task, options: options).network
            let bytes = ModelFile.encode(network)
            XCTAssertEqual(bytes[8], 6, wiring)
            let header = try ModelFileHeader.parse(bytes[...], path: "m.lut")
            XCTAssertEqual(header.ks, [9, 6, 6])
            XCTAssertEqual(header.fileSize, bytes.count)
            let read = try ModelFile.decode(bytes, path: "m.lut")
            XCTAssertEqual(read, network, wiring)
            XCTAssertEqual(read.shape.description, "k=9/6, 2x16 + 1 output LUT")
            XCTAssertEqual(try read.predict(try XCTUnwrap(dataset.test)), try network.predict(try XCTUnwrap(dataset.test)))
            // Written again, the same bytes.
            XCTAssertEqual(ModelFile.encode(read), bytes)
        }
    }

    func testAVersionSixHeaderWhoseKsDisagreeIsRefused() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let options = TrainingOptions(shape: try NetworkShape(ks: try LayerKs([5, 3]), layers: "1x4"), seed: 1, threads: 1)
        let network = try LUTNetwork.train(on: dataset, task: try BinaryTask(parsing: "0-4:5-9"), options: options).network
        let good = ModelFile.encode(network)
        let header = try ModelFileHeader.parse(good[...], path: "m.lut")
        // The per-layer ks follow the widths, 8 bytes (the seed) and the section directory before the wiring.
        let ksAt = header.byteCount - 4 - header.sections.count * 12 - 8 - 8
        XCTAssertEqual(Array(good[ksAt..<(ksAt + 8)]), [5, 0, 0, 0, 3, 0, 0, 0])
        func refused(_ change: (inout [UInt8]) -> Void) -> String {
            var bytes = good
            change(&bytes)
            let body = bytes.count - 4
            withUnsafeBytes(of: ModelFile.crc(bytes[..<body]).littleEndian) { bytes.replaceSubrange(body..., with: $0) }
            do { _ = try ModelFile.decode(bytes, path: "bad.lut"); return "accepted" } catch { return "\(error)" }
        }
        XCTAssertEqual(refused { $0[ksAt] = 6 }, "bad.lut: malformed model file: k = 5 in the header but 6 for the first layer")
        XCTAssertEqual(refused { $0[ksAt + 4] = 17 }, "bad.lut: malformed model file: a layer of k = 17")
    }

    /// The NEAR nearest LUTs below must be at least each spatial layer's own k.
    func testNearIsCheckedAgainstEachSpatialLayersK() throws {
        func plan(_ spec: String, ks: [Int]) -> String {
            do {
                _ = try WiringPlan(spec: try WiringSpec(parsing: spec), shape: try NetworkShape(ks: try LayerKs(ks), layers: "3x64"),
                                   inputCount: 100, dataShape: [10, 10])
                return "accepted"
            } catch { return "\(error)" }
        }
        // A first layer of k 12 reads its 4 × 4 window; NEAR 8 is enough for the k 8 above it.
        XCTAssertEqual(plan("hier:4,8,3", ks: [12, 8]), "accepted")
        XCTAssertEqual(plan("hier:4,8,3", ks: [8, 8, 10]),
                       "invalid --wiring: hier:4,8,3: NEAR = 8 is fewer than k = 10 of layer 3; a LUT needs k distinct LUTs below to read")
        // Layer 3 is random above hier:…,2, so its k may pass NEAR.
        XCTAssertEqual(plan("hier:4,8,2", ks: [8, 8, 10]), "accepted")
        XCTAssertEqual(plan("local:3", ks: [10, 4]),
                       "invalid --wiring: local:3: a 3 × 3 window holds 9 inputs, fewer than k = 10 of the first layer")
    }

    func testMultiClassTrainingRefusesPerLayerKs() throws {
        let dataset = try TinyDataset.make()
        let options = MultiClassTrainingOptions(shape: try NetworkShape(ks: try LayerKs([6, 4]), layers: "2x8"), window: nil)
        XCTAssertThrowsError(try MultiClassNetwork.train(on: dataset, task: try MultiClassTask(parsing: "0:1:2"), options: options)) {
            XCTAssertEqual("\($0)", "invalid --k: per-layer k 6/4 is not taken here: every layer of a multi-class model has one k (per-layer k is for binary tasks)")
        }
    }

    /// The C API loads a per-layer model and answers as the Swift model does.
    func testTheCAPILoadsAndPredictsAPerLayerModel() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let options = TrainingOptions(shape: try NetworkShape(ks: try LayerKs([8, 4]), layers: "2x16"), seed: 3, threads: 2)
        let network = try LUTNetwork.train(on: dataset, task: try BinaryTask(parsing: "0-4:5-9"), options: options).network
        let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("per-layer.lut").path
        try ModelFile.save(network, to: path)
        let test = try XCTUnwrap(dataset.test)
        XCTAssertEqual(try CAPITraining.answers(ofModelAt: path, on: test), try network.predict(test))
    }

    /// `lutnet_parameters.layer_ks` trains through the C API the network `--k 8/4` trains, and
    /// every impossible setting of it is refused naming the field.
    func testTheCAPITrainsPerLayerKsAndRefusesImpossibleOnes() throws {
        let c = try CAPITraining(data: Fixtures.path("tiny"), layers: "2x16")
        XCTAssertNil(c.parameters.layer_ks)
        XCTAssertEqual(c.parameters.layer_k_count, 0)
        c.parameters.seed = 3
        c.parameters.k = 99  // not read when layer_ks is set
        func train(_ ks: [Int32], task: String = "0-4:5-9") -> (status: lutnet_status, model: OpaquePointer?) {
            // An empty list is passed as a real array with a count of 0.
            (ks.isEmpty ? [8] : ks).withUnsafeBufferPointer { values in
                c.parameters.layer_ks = values.baseAddress
                c.parameters.layer_k_count = ks.count
                defer { c.parameters.layer_ks = nil; c.parameters.layer_k_count = 0 }
                return c.train(task: task)
            }
        }
        let (status, model) = train([8, 4])
        XCTAssertEqual(status, LUTNET_OK, c.message)
        defer { lutnet_model_free(model) }
        let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("c-per-layer.lut").path
        XCTAssertEqual(lutnet_model_save(model, path, &c.error), LUTNET_OK)
        let saved = try ModelFile.load(from: path)
        XCTAssertEqual(saved.layerKs, [8, 4, 4])
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let options = TrainingOptions(shape: try NetworkShape(ks: try LayerKs([8, 4]), layers: "2x16"), seed: 3, threads: 2)
        XCTAssertEqual(saved, try LUTNetwork.train(on: dataset, task: try BinaryTask(parsing: "0-4:5-9"), options: options).network)

        // Equal values are the one-k network; a multi-class task takes them, not differing ones.
        let (equal, equalModel) = train([4, 4], task: "all")
        XCTAssertEqual(equal, LUTNET_OK, c.message)
        lutnet_model_free(equalModel)
        let refusals: [(ks: [Int32], task: String, says: String)] = [
            ([8, 4], "all", "invalid layer_ks: 8/4 differ, but task 'all' is multi-class"),
            ([8, 17], "0-4:5-9", "layer_ks[1] = 17: a LUT has 1 to 16 inputs"),
            ([0], "0-4:5-9", "layer_ks[0] = 0: a LUT has 1 to 16 inputs"),
            ([8, 6, 4, 2], "0-4:5-9", "layer_ks has 4 values, but the network has only 3 layers"),
            ([], "0-4:5-9", "layer_k_count = 0: give 1 to 1001 values"),
        ]
        for refusal in refusals {
            let (status, model) = train(refusal.ks, task: refusal.task)
            XCTAssertEqual(status, LUTNET_ERROR_INVALID_PARAMETERS, "\(refusal.ks)")
            XCTAssertNil(model)
            XCTAssertTrue(c.message.contains(refusal.says), c.message)
        }
        c.parameters.layer_ks = nil
        c.parameters.layer_k_count = 2
        XCTAssertEqual(String(cString: try XCTUnwrap(lutnet_check_parameters_sized(&c.parameters))),
                       "layer_ks is NULL but layer_k_count is not 0")
        c.parameters.layer_k_count = 0
        XCTAssertEqual(String(cString: try XCTUnwrap(lutnet_check_parameters_sized(&c.parameters))), "k must be 1 to 16")
        c.parameters.k = 8
        XCTAssertNil(lutnet_check_parameters_sized(&c.parameters))
    }
}
