import Foundation
import XCTest
@testable import LUTNet

/// Spatial wiring of multi-class models: every class's upper layers read only among the nearest
/// LUTs of its own layer below, `local:S` is `--window S` byte for byte (also against a file of an
/// earlier build), the wiring survives a save and load (format version 5), the model does not
/// depend on the thread count, and bad wirings are refused naming the option.
final class MultiClassWiringTests: XCTestCase {
    private let task = try! MultiClassTask(parsing: "0:1:2:3")

    private func train(_ wiring: String, layers: [Int] = [24, 16, 8], threads: Int = 1,
                       seed: UInt64 = 2) throws -> (MultiClassNetwork, Dataset) {
        let data = try TinyDataset.make(classes: 4, trainPerClass: 40, testPerClass: 10)
        let options = MultiClassTrainingOptions(shape: try NetworkShape(k: 3, hiddenWidths: layers), seed: seed,
                                                wiring: try WiringSpec(parsing: wiring), threads: threads)
        return (try MultiClassNetwork.train(on: data, task: task, options: options).network, data)
    }

    /// The centres of layer 0's windows of class `c` and the points of the upper spatial layers,
    /// recomputed by brute force from the seeds the trainer documents.
    private func checkNearest(_ network: MultiClassNetwork, window: Int, near: Int, spatialLayers: Int,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let trainer = OneVsRestTrainer(shape: try NetworkShape(k: network.k, hiddenWidths: network.classLayers[0].map(\.width)),
                                       seed: network.seed, wiring: network.wiring, threads: 1)
        var checked = 0
        for (c, layers) in network.classLayers.enumerated() {
            let seed = trainer.classSeed(c)
            // Layer 0: LUT j read k pixels of one window; its centre is the window's.
            let first = WindowWiring.layer(width: layers[0].width, k: network.k, image: try ImageGeometry(height: 8, width: 8),
                                           window: window, placement: .random, seed: seed, stream: ImageWindows.stream)
            XCTAssertEqual(layers[0].inputs, first.inputs, "class \(c)'s first layer is local:\(window)'s", file: file, line: line)
            for lut in 0..<layers[0].width {
                let top = Int(first.positions[lut].y - Double(window - 1) / 2), left = Int(first.positions[lut].x - Double(window - 1) / 2)
                for input in layers[0].inputs[lut * network.k..<(lut + 1) * network.k] {
                    let y = Int(input) / 8, x = Int(input) % 8
                    XCTAssertTrue((top..<top + window).contains(y) && (left..<left + window).contains(x), file: file, line: line)
                }
            }
            var below = first.positions
            for index in 1..<layers.count {
                let layer = layers[index]
                guard index < spatialLayers else {
                    XCTAssertEqual(layer.inputs, RandomWiring.layer(width: layer.width, k: network.k, sourceCount: below.count,
                                                                    seed: seed, layer: index), file: file, line: line)
                    continue
                }
                let minY = below.map(\.y).min()!, maxY = below.map(\.y).max()!
                let minX = below.map(\.x).min()!, maxX = below.map(\.x).max()!
                var points: [LUTPosition] = []
                for lut in 0..<layer.width {
                    var generator = SeededGenerator(seed: seed, stream: 12, UInt64(index), UInt64(lut))
                    let unitY = Double(generator.next() >> 11) * 0x1p-53, unitX = Double(generator.next() >> 11) * 0x1p-53
                    let point = LUTPosition(y: minY + (maxY - minY) * unitY, x: minX + (maxX - minX) * unitX)
                    points.append(point)
                    // The NEAR nearest LUTs of this class's layer below, by a full sort.
                    let order = below.indices.sorted {
                        let a = Float(below[$0].squaredDistance(to: point)), b = Float(below[$1].squaredDistance(to: point))
                        return a != b ? a < b : $0 < $1
                    }
                    let nearest = Set(order.prefix(near))
                    let inputs = layer.inputs[lut * network.k..<(lut + 1) * network.k].map { Int($0) }
                    XCTAssertEqual(Set(inputs).count, network.k, "k distinct inputs", file: file, line: line)
                    XCTAssertTrue(inputs.allSatisfy(nearest.contains), "class \(c) layer \(index) LUT \(lut) reads \(inputs), "
                                  + "not among its \(near) nearest \(order.prefix(near))", file: file, line: line)
                    checked += 1
                }
                below = points
            }
        }
        XCTAssertGreaterThan(checked, 0, file: file, line: line)
    }

    func testUpperLayersReadOnlyAmongTheirNearestLUTsOfTheirClassBelow() throws {
        let (two, _) = try train("hier:4,6,2")
        XCTAssertEqual(two.wiring.description, "hier:4,6,2")
        try checkNearest(two, window: 4, near: 6, spatialLayers: 2)
        let (three, _) = try train("hier:3,5,3", seed: 9)
        try checkNearest(three, window: 3, near: 5, spatialLayers: 3)
        // The classes' upper layers differ: each is wired over its own layer below.
        XCTAssertNotEqual(three.classLayers[0][1].inputs, three.classLayers[1][1].inputs)
    }

    func testHierarchicalWiringLearnsTheTinyTask() throws {
        let (network, data) = try train("hier:4,8,3", layers: [64, 32, 16])
        let test = try MultiClassExamples(images: try XCTUnwrap(data.test), task: task, threshold: 128, split: "test")
        XCTAssertGreaterThan(try network.confusion(on: test, threads: 1).accuracy, 0.8)
    }

    func testLocalWiringIsTheWindowByteForByte() throws {
        let (local, _) = try train("local:3")
        let data = try TinyDataset.make(classes: 4, trainPerClass: 40, testPerClass: 10)
        let windowed = try MultiClassNetwork.train(on: data, task: task, options: MultiClassTrainingOptions(
            shape: try NetworkShape(k: 3, hiddenWidths: [24, 16, 8]), seed: 2, window: 3, threads: 1)).network
        XCTAssertEqual(ModelFile.encode(local), ModelFile.encode(windowed))
        XCTAssertEqual(Array(ModelFile.encode(local)[8..<12]), [8, 0, 0, 0], "a trained model records its seen patterns")
        XCTAssertEqual(Array(ModelFile.encode(try local.withoutSeenPatterns())[8..<12]), [3, 0, 0, 0],
                       "local:S without seen patterns is written as version 3")
        let (random, _) = try train("random")
        XCTAssertNil(random.window)
        XCTAssertEqual(Array(ModelFile.encode(try random.withoutSeenPatterns())[8..<12]), [3, 0, 0, 0])
    }

    func testAnEarlierBuildsWindowedModelStillLoadsAndIsTrainedAgainByteForByte() throws {
        let path = Fixtures.path("models/v3-tiny-window4.lut")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        guard case .multiClass(let saved) = try ModelFile.loadModel(from: path) else { return XCTFail("a multi-class model") }
        XCTAssertEqual(saved.wiring.description, "local:4")
        XCTAssertEqual(ModelFile.encode(saved), bytes)
        let images = try ImageSet(unlabeled: try IDXTensor.read(path: Fixtures.path("tiny/t10k-images-idx3-ubyte.gz")))
        let expected = try String(contentsOfFile: Fixtures.path("models/v3-tiny-window4.t10k-predictions.txt"), encoding: .utf8)
            .split(separator: "\n").compactMap { UInt8($0) }
        XCTAssertEqual(expected.count, 200)
        XCTAssertEqual(try saved.predict(images), expected)
        // The same options today, by window side and by wiring, on one and two threads.
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let shape = try NetworkShape(k: 4, hiddenWidths: [16, 16])
        for options in [MultiClassTrainingOptions(shape: shape, seed: 3, window: 4, threads: 1),
                        MultiClassTrainingOptions(shape: shape, seed: 3, wiring: try WiringSpec(parsing: "local:4"), threads: 2)] {
            let again = try MultiClassNetwork.train(on: dataset, task: try MultiClassTask(parsing: "0:1:2"), options: options)
            XCTAssertEqual(ModelFile.encode(try again.network.withoutSeenPatterns()), bytes)
        }
    }

    func testTheWiringSurvivesSaveAndLoadAsVersionFive() throws {
        let (trained, data) = try train("hier:4,6,2,grid2")
        let network = try trained.withoutSeenPatterns()
        let bytes = ModelFile.encode(network)
        XCTAssertEqual(Array(bytes[8..<12]), [5, 0, 0, 0])
        let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("hier.lut").path
        try ModelFile.save(network, to: path)
        guard case .multiClass(let loaded) = try ModelFile.loadModel(from: path) else { return XCTFail("a multi-class model") }
        XCTAssertEqual(loaded, network)
        XCTAssertEqual(loaded.wiring.description, "hier:4,6,2,grid2")
        XCTAssertEqual(loaded.window, 4)
        let test = try XCTUnwrap(data.test)
        XCTAssertEqual(try loaded.predict(test), try network.predict(test))
        XCTAssertThrowsError(try ModelFile.load(from: path)) { error in
            XCTAssertEqual(error as? ModelFileError, .multiClassModel(path: path))
        }
    }

    func testTheModelIsTheSameOnAnyNumberOfThreads() throws {
        let (one, _) = try train("hier:4,6,3", threads: 1)
        for threads in [2, 3] {
            XCTAssertEqual(ModelFile.encode(try train("hier:4,6,3", threads: threads).0), ModelFile.encode(one))
        }
    }

    func testVersionFiveFilesWithAWrongWiringAreRefused() throws {
        let network = try train("hier:4,6,2").0.withoutSeenPatterns()
        let bytes = ModelFile.encode(network)
        // The wiring text follows the window side: replace it and seal the file again.
        let taskLength = Int(bytes[20])
        let textOffset = 24 + taskLength + 4 + 4
        let length = Int(bytes[textOffset])
        func rewritten(_ text: String, window: UInt8 = 4) -> [UInt8] {
            var body = Array(bytes[..<textOffset]) + withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { Array($0) }
            body += Array(text.utf8) + bytes[(textOffset + 4 + length)..<(bytes.count - 4)]
            body[textOffset - 4] = window
            return body + withUnsafeBytes(of: ModelFile.crc(body[...]).littleEndian) { Array($0) }
        }
        XCTAssertEqual(try ModelFile.decodeModel(rewritten("hier:4,6,2"), path: "m.lut"), .multiClass(network))
        for (text, window, reason) in [
            ("hier:5,6,2", UInt8(4), "wiring 'hier:5,6,2' with a window side of 4 in a version 5 file"),
            ("local:4", 4, "wiring 'local:4' with a window side of 4 in a version 5 file"),
            ("hier:4,6", 4, "wiring 'hier:4,6': invalid --wiring"),
        ] {
            XCTAssertThrowsError(try ModelFile.decodeModel(rewritten(text, window: window), path: "m.lut")) { error in
                guard case .malformed(let path, let message)? = error as? ModelFileError else { return XCTFail("\(error)") }
                XCTAssertEqual(path, "m.lut")
                XCTAssertTrue(message.hasPrefix(reason), message)
            }
        }
    }

    func testImpossibleWiringsAreRefusedNamingTheOption() throws {
        let data = try TinyDataset.make(classes: 4, trainPerClass: 10, testPerClass: 2)
        let shape = try NetworkShape(k: 3, hiddenWidths: [8, 8])
        for (wiring, expected) in [
            ("hier:4,2,2", "NEAR = 2 is fewer than k = 3"),
            ("hier:4,6,3", "3 spatial layers, but the network has 2 hidden layers"),
            ("hier:9,6,2", "a 9 × 9 window is larger than the 8 × 8 images"),
            ("hier:1,6,2", "a 1 × 1 window holds 1 inputs, fewer than k = 3"),
        ] {
            let options = MultiClassTrainingOptions(shape: shape, wiring: try WiringSpec(parsing: wiring), threads: 1)
            XCTAssertThrowsError(try MultiClassNetwork.train(on: data, task: task, options: options)) { error in
                XCTAssertTrue("\(error)".contains("--wiring") && "\(error)".contains(expected), "\(error)")
            }
        }
        var shared = MultiClassTrainingOptions(shape: shape, wiring: try WiringSpec(parsing: "hier:4,6,2"), threads: 1)
        shared.sharedFirstLayer = true
        XCTAssertThrowsError(try MultiClassNetwork.train(on: data, task: task, options: shared)) { error in
            XCTAssertTrue("\(error)".contains("--shared-first-layer"), "\(error)")
        }
    }
}

extension CommandLineTests {
    func testMultiClassHierarchicalWiringTrainsEvaluatesPredictsAndCompares() throws {
        let data = Fixtures.path("tiny")
        let folder = try Fixtures.temporaryFolder(for: self).path
        let model = folder + "/hier.lut"
        let trained = try run(["train", "--data", data, "--task", "all", "--layers", "64,32", "--k", "6", "--wiring", "hier:4,16,2",
                               "--threads", "2", "--save", model, "--json"])
        XCTAssertEqual(trained.status, 0, trained.errors)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(trained.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["wiring"] as? String, "hier:4,16,2")
        XCTAssertEqual(report["window"] as? Int, 4)
        let accuracy = try XCTUnwrap((report["test"] as? [String: Any])?["accuracy"] as? Double)
        XCTAssertGreaterThan(accuracy, 0.5, "ten classes of the tiny fixture")
        guard case .multiClass(let network) = try ModelFile.loadModel(from: model) else { return XCTFail("a multi-class model") }
        XCTAssertEqual(network.wiring.description, "hier:4,16,2")

        let images = try ImageSet(unlabeled: try IDXTensor.read(path: data + "/t10k-images-idx3-ubyte.gz"))
        try assertEvalAndPredict(model: model, data: data, describes: "wiring hier:4,16,2", accuracy: accuracy,
                                 predictions: try network.predict(images))

        let compared = try run(["compare", "--data", data, "--task", "0:1:2", "--layers", "32,16", "--k", "4",
                                "--wiring", "hier:4,8,2", "--format", "csv"])
        XCTAssertEqual(compared.status, 0, compared.errors)
        XCTAssertTrue(compared.output.contains("wiring hier:4,8,2"), compared.output)

        // --wiring local:4 and --window 4 save the same bytes.
        let byWindow = folder + "/window.lut", byWiring = folder + "/local.lut"
        for (option, path) in [(["--window", "4"], byWindow), (["--wiring", "local:4"], byWiring)] {
            let outcome = try run(["train", "--data", data, "--task", "0:1:2", "--layers", "2x16", "--k", "4", "--seed", "3",
                                   "--save", path] + option)
            XCTAssertEqual(outcome.status, 0, outcome.errors)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: byWiring)), try Data(contentsOf: URL(fileURLWithPath: byWindow)))
        // The model of an earlier build's file, which did not record the patterns training showed.
        guard case .multiClass(let windowed) = try ModelFile.loadModel(from: byWindow) else { return XCTFail("a multi-class model") }
        XCTAssertEqual(Data(ModelFile.encode(try windowed.withoutSeenPatterns())),
                       try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("models/v3-tiny-window4.lut"))))
    }

    func testBadMultiClassWiringsAreRefusedNamingThem() throws {
        let data = Fixtures.path("tiny")
        let all = ["train", "--data", data, "--task", "all", "--k", "6", "--layers", "2x16"]
        try assertFails(all + ["--wiring", "hier:4,16,2", "--window", "5"],
                        saying: "invalid --wiring: hier:4,16,2 gives the first layer 4 × 4 windows, but --window 5 asks for 5 × 5; give one of them")
        try assertFails(all + ["--wiring", "random", "--window", "4"],
                        saying: "invalid --wiring: random gives the first layer no windows, but --window 4 asks for 4 × 4")
        try assertFails(all + ["--wiring", "local:4", "--window", "0"], saying: "but --window 0 asks for none")
        try assertFails(all + ["--wiring", "hier:4,5,2"], saying: "invalid --wiring: hier:4,5,2: NEAR = 5 is fewer than k = 6")
        try assertFails(all + ["--wiring", "hier:4,16,3"], saying: "3 spatial layers, but the network has 2 hidden layers")
        try assertFails(all + ["--wiring", "local:11"], saying: "a 11 × 11 window is larger than the 10 × 10 images")
        try assertFails(all + ["--wiring", "hier:4,16"], saying: "hier takes three numbers")
        try assertFails(all + ["--wiring", "hier:4,16,2", "--shared-first-layer"], saying: "invalid --shared-first-layer")
        try assertFails(all + ["--image-shape", "10x10"], saying: "invalid --image-shape: it applies to binary tasks")
        // Agreeing options are accepted.
        let agreed = try run(all + ["--wiring", "hier:4,16,2", "--window", "4"])
        XCTAssertEqual(agreed.status, 0, agreed.errors)
    }
}
