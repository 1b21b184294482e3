import CLUTNetAPI
import Foundation
import XCTest
@testable import LUTNet

/// Spatial wiring: its text, its refusals, the exact inputs it picks on hand-made images, its
/// independence of the thread count, the random default's identity with the paper's wiring, and
/// the model file that records it.
final class WiringTests: XCTestCase {
    func testWiringTextReadsBackAsWritten() throws {
        for text in ["random", "local:6", "local:5,grid", "local:5,grid3", "hier:7,64,4", "hier:6,32,3,grid2"] {
            XCTAssertEqual(try WiringSpec(parsing: text).description, text)
        }
        let hier = try WiringSpec(parsing: "HIER:7, 64, 4")
        XCTAssertEqual(hier.window, 7)
        XCTAssertEqual(hier.near, 64)
        XCTAssertEqual(hier.spatialLayers, 4)
        XCTAssertEqual(hier.placement, .random)
        XCTAssertEqual(try WiringSpec(parsing: "local:6,grid4").placement, .grid(stride: 4))
        XCTAssertTrue(try WiringSpec(parsing: "random").isRandom)
        XCTAssertEqual(TrainingOptions().wiring, .random)
    }

    func testBadWiringTextIsRefusedNamingTheOption() {
        for (text, expected) in [("lokal:6", "use random, greedy, local:S or hier:S,NEAR,L"), ("local:", "use random"),
                                 ("local:6,7", "local takes one number"), ("hier:7,64", "hier takes three numbers"),
                                 ("local:0", "a window side of 0"), ("hier:7,64,0", "0 spatial layers"),
                                 ("local:6,gridx", "'gridx'"), ("local:6,grid0", "a grid stride of 0"),
                                 ("", "the text is empty"), ("local:6\n", "\"local:6\\n\" starts or ends with white space"),
                                 (" random", "starts or ends with white space"), ("local:\u{7}6", "holds a control character")] {
            XCTAssertThrowsError(try WiringSpec(parsing: text), text) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains("--wiring") && message.contains(expected), "\(text): \(message)")
            }
        }
    }

    func testPlansRefuseWhatCannotWork() throws {
        let shape = try NetworkShape(k: 8, hiddenWidths: [64, 64, 64])
        func refusal(_ text: String, inputs: Int = 784, dataShape: [Int] = [28, 28], image: ImageGeometry? = nil) -> String {
            do {
                _ = try WiringPlan(spec: try WiringSpec(parsing: text), shape: shape, inputCount: inputs,
                                   dataShape: dataShape, imageShape: image)
                return "accepted"
            } catch { return "\(error)" }
        }
        XCTAssertTrue(refusal("local:29").contains("a 29 × 29 window is larger than the 28 × 28 images"))
        XCTAssertTrue(refusal("local:2").contains("a 2 × 2 window holds 4 inputs, fewer than k = 8"))
        XCTAssertTrue(refusal("hier:6,7,2").contains("NEAR = 7 is fewer than k = 8"))
        XCTAssertTrue(refusal("hier:6,64,4").contains("4 spatial layers, but the network has 3 hidden layers"))
        XCTAssertTrue(refusal("local:6", inputs: 20, dataShape: [20]).contains("20 inputs, not a square number"))
        XCTAssertTrue(refusal("local:6", inputs: 20, dataShape: [20]).contains("--image-shape"))
        XCTAssertTrue(refusal("local:6", inputs: 784, dataShape: [28, 28],
                              image: try ImageGeometry(height: 14, width: 14)).contains("14x14 is 196 inputs, the data has 784"))
        // A square PLA input count is a square image, a given shape any other; random wiring needs none.
        XCTAssertEqual(refusal("local:6", inputs: 196, dataShape: [196]), "accepted")
        XCTAssertEqual(try WiringPlan(spec: try WiringSpec(parsing: "local:3"), shape: shape, inputCount: 20,
                                      dataShape: [20], imageShape: try ImageGeometry(parsing: "4x5")).image,
                       try ImageGeometry(height: 4, width: 5))
        XCTAssertEqual(refusal("random", inputs: 20, dataShape: [20]), "accepted")
        XCTAssertTrue(refusal("random", inputs: 20, dataShape: [20], image: try ImageGeometry(height: 4, width: 4))
            .contains("4x4 is 16 inputs, the data has 20"))
        XCTAssertEqual(refusal("hier:6,8,3", inputs: 3072, dataShape: [32, 32, 3]), "accepted")
        XCTAssertThrowsError(try ImageGeometry(parsing: "14by14"))
        XCTAssertEqual(ImageGeometry(dimensions: [32, 32, 3]), try ImageGeometry(height: 32, width: 32, channels: 3))
        XCTAssertNil(ImageGeometry(dimensions: [197]))
    }

    func testWindowLUTsReadDistinctInputsOfTheirWindow() throws {
        // A 5 × 6 image of 2 channels; 3 × 3 windows of 18 candidates, k = 4.
        let image = try ImageGeometry(height: 5, width: 6, channels: 2)
        let layer = WindowWiring.layer(width: 40, k: 4, image: image, window: 3, placement: .random, seed: 5)
        XCTAssertEqual(layer.inputs.count, 160)
        var corners = Set<[Int]>()
        for lut in 0..<40 {
            let inputs = layer.inputs[lut * 4 ..< lut * 4 + 4].map(Int.init)
            XCTAssertEqual(Set(inputs).count, 4, "LUT \(lut) reads distinct inputs")
            let ys = inputs.map { $0 / 2 / 6 }, xs = inputs.map { $0 / 2 % 6 }
            let centre = layer.positions[lut]
            // Every input lies in the 3 × 3 window around the LUT's position.
            XCTAssertTrue(ys.allSatisfy { abs(Double($0) - centre.y) <= 1 } && xs.allSatisfy { abs(Double($0) - centre.x) <= 1 }, "LUT \(lut)")
            XCTAssertTrue((1...3).contains(Int(centre.y)) && (1...4).contains(Int(centre.x)))
            corners.insert([Int(centre.y), Int(centre.x)])
        }
        XCTAssertGreaterThan(corners.count, 5, "windows at many places")
    }

    func testGridWindowsCoverEveryPixel() throws {
        let image = try ImageGeometry(height: 7, width: 7)
        // Stride 2 over 7 - 3 + 1 = 5 places per side: 0, 2, 4.
        XCTAssertEqual(WindowWiring.gridPlaces(image: image, window: 3, placement: .grid(stride: 2))?.map { [$0.0, $0.1] },
                       [[0, 0], [0, 2], [0, 4], [2, 0], [2, 2], [2, 4], [4, 0], [4, 2], [4, 4]])
        // Stride 3 adds the last place so that the last row and column are covered.
        XCTAssertEqual(WindowWiring.gridPlaces(image: image, window: 3, placement: .grid(stride: 3))?.map { $0.0 },
                       [0, 0, 0, 3, 3, 3, 4, 4, 4])
        // 18 LUTs over 9 places: two per place, in order.
        let layer = WindowWiring.layer(width: 18, k: 9, image: image, window: 3, placement: .grid(stride: 2), seed: 1)
        XCTAssertEqual(layer.positions.map { [$0.y, $0.x] }.prefix(4), [[1, 1], [1, 1], [1, 3], [1, 3]])
        // k = 9 of a 3 × 3 window reads all of it: together the LUTs read every pixel.
        XCTAssertEqual(Set(layer.inputs).count, 49)
    }

    func testUpperLUTsReadAmongTheNearestLUTsBelow() {
        // Nine LUTs below on a 3 × 3 lattice of spacing 2 (index 3·row + column); from the point
        // (1.1, 0.9) the squared distances are 1.62 to (2, 0), 2.02 to (0, 0) and to (2, 2) (a
        // tie, the lower index first), 2.42 to (0, 2).
        let below = [0.0, 2, 4].flatMap { y in [0.0, 2, 4].map { LUTPosition(y: y, x: $0) } }
        var keys = [UInt64](repeating: 0, count: 9)
        XCTAssertEqual(NearestWiring.nearestIndices(to: LUTPosition(y: 1.1, x: 0.9), among: below, count: 4, keys: &keys),
                       [3, 0, 4, 1])
        XCTAssertEqual(NearestWiring.nearestIndices(to: LUTPosition(y: 1, x: 1), among: below, count: 9, keys: &keys),
                       [0, 1, 3, 4, 2, 5, 6, 7, 8])
        let layer = NearestWiring.layer(width: 30, k: 3, near: 4, below: below, seed: 2, layer: 1)
        let threaded = NearestWiring.layer(width: 30, k: 3, near: 4, below: below, seed: 2, layer: 1, threads: 3)
        XCTAssertEqual(threaded.inputs, layer.inputs)
        XCTAssertEqual(threaded.positions, layer.positions)
        for lut in 0..<30 {
            let point = layer.positions[lut]
            XCTAssertTrue((0...4).contains(point.y) && (0...4).contains(point.x))
            let nearest = Set(NearestWiring.nearestIndices(to: point, among: below, count: 4, keys: &keys).map(UInt32.init))
            let inputs = layer.inputs[lut * 3 ..< lut * 3 + 3]
            XCTAssertEqual(Set(inputs).count, 3)
            XCTAssertTrue(Set(inputs).isSubset(of: nearest), "LUT \(lut) at \(point)")
        }
    }

    func testSelectionFindsTheSmallestKeys() {
        var generator = SeededGenerator(seed: 9)
        for size in [1, 2, 3, 10, 100, 1000] {
            let keys = Array(Set((0..<size).map { _ in generator.next() >> 40 }))
            for count in Set([0, 1, keys.count / 2, keys.count - 1, keys.count]) {
                var selected = keys
                NearestWiring.select(count, in: &selected)
                XCTAssertEqual(selected[..<count].sorted(), Array(keys.sorted().prefix(count)), "\(keys.count) keys, \(count)")
                XCTAssertEqual(selected.sorted(), keys.sorted())
            }
        }
    }

    func testRandomWiringIsThePapersWiring() throws {
        let (train, _) = try tinyExamples()
        let shape = try NetworkShape(k: 6, hiddenWidths: [32, 16])
        let network = try LUTNetwork.train(on: train, options: TrainingOptions(shape: shape, seed: 4, threads: 2)).network
        var sources = train.inputs.rowCount
        for (index, layer) in network.layers.enumerated() {
            XCTAssertEqual(layer.inputs, RandomWiring.layer(width: layer.width, k: 6, sourceCount: sources, seed: 4, layer: index))
            sources = layer.width
        }
        XCTAssertEqual(network.wiring, .random)
        XCTAssertEqual(ModelFile.encode(network)[8], 2, "a randomly wired network is written as version 2")
        XCTAssertEqual(try ModelFile.decode(ModelFile.encode(network), path: "random.lut"), network)
    }

    func testSpatialWiringIsTheSameOnAnyThreadCountAndReadsBackFromAVersionFourFile() throws {
        let (train, test) = try tinyExamples()
        let shape = try NetworkShape(k: 6, hiddenWidths: [48, 32, 16])
        let spec = try WiringSpec(parsing: "hier:4,12,3,grid")
        func trained(threads: Int) throws -> LUTNetwork {
            try LUTNetwork.train(on: train, options: TrainingOptions(shape: shape, seed: 3, threads: threads, wiring: spec),
                                 dataShape: [10, 10]).network
        }
        let one = try trained(threads: 1), two = try trained(threads: 2)
        XCTAssertEqual(one, two)
        XCTAssertEqual(one.wiring, spec)
        XCTAssertEqual(one.image, try ImageGeometry(height: 10, width: 10))
        let bytes = ModelFile.encode(one)
        XCTAssertEqual(bytes[8], 4)
        let loaded = try ModelFile.decode(bytes, path: "spatial.lut")
        XCTAssertEqual(loaded, one)
        XCTAssertEqual(try loaded.accuracy(on: test, threads: 1), try one.accuracy(on: test, threads: 2))
        // A reader checks the wiring text.
        var bad = bytes
        let text = Array("hier:4,12,3,grid".utf8)
        let at = try XCTUnwrap((0..<bad.count - text.count).first { Array(bad[$0 ..< $0 + text.count]) == text })
        bad[at] = UInt8(ascii: "x")
        bad.replaceSubrange((bad.count - 4)..., with: withUnsafeBytes(of: ModelFile.crc(bad[..<(bad.count - 4)]).littleEndian, Array.init))
        XCTAssertThrowsError(try ModelFile.decode(bad, path: "bad.lut")) { error in
            XCTAssertTrue("\(error)".contains("wiring 'xier:4,12,3,grid'"), "\(error)")
        }
    }

    func testMNISTSpatialWiringBeatsRandomWiring() throws {
        let dataset = try DatasetLoader.load(path: try Fixtures.shared("mnist"))
        let task = try BinaryTask(parsing: "0-4:5-9")
        let shape = try NetworkShape(k: 8, hiddenWidths: [256, 256])
        func accuracy(_ wiring: String) throws -> Double {
            try LUTNetwork.train(on: dataset, task: task, options: TrainingOptions(shape: shape, seed: 0,
                                                                                  wiring: try WiringSpec(parsing: wiring)))
                .report.testAccuracy ?? 0
        }
        let random = try accuracy("random"), spatial = try accuracy("hier:7,64,2,grid")
        print("MNIST 0-4:5-9, k = 8, 2 × 256: random \(random), spatial \(spatial)")
        XCTAssertGreaterThan(spatial, random + 0.01)
    }

    func testCAPITrainsSavesAndLoadsSpatialWiring() throws {
        var error = lutnet_error()
        var data: OpaquePointer?
        XCTAssertEqual(lutnet_dataset_load(Fixtures.path("tiny"), &data, &error), LUTNET_OK)
        defer { lutnet_dataset_free(data) }
        func message() -> String { withUnsafeBytes(of: error.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } }
        var parameters = lutnet_parameters()
        lutnet_default_parameters_sized(&parameters, MemoryLayout<lutnet_parameters>.size)
        XCTAssertNil(parameters.wiring)
        parameters.k = 6
        let wiring = strdup("hier:4,12,3,grid"), bad = strdup("hier:4,3,3"), wrong = strdup("local:x"), huge = strdup("local:11")
        defer { free(wiring); free(bad); free(wrong); free(huge) }
        parameters.layers = UnsafePointer(strdup("48,32,16"))
        defer { free(UnsafeMutablePointer(mutating: parameters.layers)) }
        parameters.wiring = UnsafePointer(wrong)
        XCTAssertEqual(lutnet_check_parameters_sized(&parameters).map { String(cString: $0) },
                       "wiring must be random, greedy, local:S or hier:S,NEAR,L, optionally followed by ,grid or ,gridT (e.g. hier:7,64,4)")
        var model: OpaquePointer?
        for (text, expected) in [(bad, "NEAR = 3 is fewer than k = 6"), (huge, "larger than the 10 × 10 images")] {
            parameters.wiring = UnsafePointer(text)
            XCTAssertNil(lutnet_check_parameters_sized(&parameters))
            XCTAssertNotEqual(lutnet_train_sized(data, "0-4:5-9", &parameters, &model, &error), LUTNET_OK)
            XCTAssertTrue(message().contains(expected), message())
        }
        parameters.wiring = UnsafePointer(wiring)
        XCTAssertEqual(lutnet_train_sized(data, "0-4:5-9", &parameters, &model, &error), LUTNET_OK, message())
        defer { lutnet_model_free(model) }
        var accuracy = 0.0
        XCTAssertEqual(lutnet_accuracy(model, data, LUTNET_SPLIT_TEST, nil, &accuracy, &error), LUTNET_OK)
        // The same network as the Swift engine's, saved as version 4 with its wiring.
        let (train, test) = try tinyExamples()
        let engine = try LUTNetwork.train(on: train, options: TrainingOptions(shape: try NetworkShape(k: 6, layers: "48,32,16"),
                                                                              seed: 0, wiring: try WiringSpec(parsing: "hier:4,12,3,grid")),
                                          dataShape: [10, 10]).network
        XCTAssertEqual(accuracy, try engine.accuracy(on: test), accuracy: 1e-12)
        let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("spatial.lut").path
        XCTAssertEqual(lutnet_model_save(model, path, &error), LUTNET_OK)
        XCTAssertEqual(try ModelFile.load(from: path), engine)
    }

    func testCommandLineTrainsEvaluatesAndPredictsWithSpatialWiring() throws {
        let lutnet = try Fixtures.builtProduct("lutnet")
        let folder = try Fixtures.temporaryFolder(for: self)
        let model = folder.appendingPathComponent("m.lut").path
        func run(_ arguments: [String]) throws -> (Int32, String, String) {
            let outcome = try ExternalTools.run(lutnet, arguments)
            return (outcome.status, outcome.output, outcome.errors)
        }
        let tiny = Fixtures.path("tiny")
        let training = try run(["train", "--data", tiny, "--k", "6", "--layers", "48,32", "--wiring", "hier:4,12,2", "--save", model])
        XCTAssertEqual(training.0, 0, training.2)
        let testLine = try XCTUnwrap(training.1.split(separator: "\n").first { $0.hasPrefix("test accuracy") })
        let evaluated = try run(["eval", "--model", model, "--data", tiny])
        XCTAssertEqual(evaluated.0, 0, evaluated.2)
        XCTAssertTrue(evaluated.1.contains(String(testLine.split(separator: " ").last ?? "")), evaluated.1)
        let network = try ModelFile.load(from: model)
        XCTAssertEqual(network.wiring.description, "hier:4,12,2")
        let images = try ImageSet(unlabeled: try IDXTensor.read(path: Fixtures.path("tiny/t10k-images-idx3-ubyte.gz")))
        let predicted = try run(["predict", "--model", model, Fixtures.path("tiny/t10k-images-idx3-ubyte.gz")])
        XCTAssertEqual(predicted.0, 0, predicted.2)
        XCTAssertEqual(predicted.1.split(separator: "\n").compactMap { UInt8($0) }, try network.predict(images))
        for (arguments, expected) in [
            (["--wiring", "local:11"], "a 11 × 11 window is larger than the 10 × 10 images"),
            (["--wiring", "hier:4,3,2"], "NEAR = 3 is fewer than k = 6"),
            (["--wiring", "lokal:4"], "use random, greedy, local:S or hier:S,NEAR,L"),
            (["--wiring", "local:4", "--image-shape", "5x5"], "5x5 is 25 inputs, the data has 100"),
        ] {
            let failed = try run(["train", "--data", tiny, "--k", "6", "--layers", "48,32"] + arguments)
            XCTAssertNotEqual(failed.0, 0)
            XCTAssertTrue(failed.2.contains(expected), "\(arguments): \(failed.2)")
        }
        let pla = try run(["train", "--data", Fixtures.path("pla/small.pla"), "--k", "2", "--layers", "4", "--wiring", "local:2"])
        XCTAssertTrue(pla.2.contains("5 inputs, not a square number") && pla.2.contains("--image-shape"), pla.2)
    }

    /// The tiny 10 × 10 images, binary task 0-4:5-9.
    private func tinyExamples() throws -> (BinarizedExamples, BinarizedExamples) {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let task = try BinaryTask(parsing: "0-4:5-9")
        let test = try XCTUnwrap(dataset.test)
        return (try BinarizedExamples(images: dataset.train, task: task, threshold: 128, split: "train"),
                try BinarizedExamples(images: test, task: task, threshold: 128, split: "test"))
    }
}
