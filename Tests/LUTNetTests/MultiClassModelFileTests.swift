import XCTest
@testable import LUTNet

/// Multi-class models in model files (version 8, version 3 without seen patterns): a saved model
/// loads equal and predicts alike, binary files still load, and damaged files are refused naming
/// the file.
final class MultiClassModelFileTests: XCTestCase {
    private func trained() throws -> (MultiClassNetwork, Dataset) {
        let data = try TinyDataset.make(classes: 4, trainPerClass: 40, testPerClass: 10)
        let options = MultiClassTrainingOptions(shape: try NetworkShape(k: 3, hiddenWidths: [16, 8]), seed: 1, window: 3, threads: 1)
        let result = try MultiClassNetwork.train(on: data, task: try MultiClassTask(parsing: "0:1:2:3"), options: options)
        return (result.network, data)
    }

    func testSavedModelLoadsEqualAndPredictsAlike() throws {
        let (network, data) = try trained()
        let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("four.lut").path
        try ModelFile.save(network, to: path)
        guard case .multiClass(let loaded) = try ModelFile.loadModel(from: path) else { return XCTFail("a multi-class model") }
        XCTAssertEqual(loaded, network)
        XCTAssertEqual(loaded.window, 3)
        let test = try XCTUnwrap(data.test)
        XCTAssertEqual(try TrainedModel.multiClass(loaded).predict(test), try network.predict(test))
        XCTAssertEqual(TrainedModel.multiClass(loaded).classCount, 4)
        XCTAssertThrowsError(try ModelFile.load(from: path)) { error in
            XCTAssertEqual(error as? ModelFileError, .multiClassModel(path: path))
        }
    }

    func testSeenPatternsAreRecordedAndSurviveSaveAndLoadAsVersionEight() throws {
        let (network, data) = try trained()
        let bytes = ModelFile.encode(network)
        XCTAssertEqual(Array(bytes[8..<12]), [8, 0, 0, 0])
        guard case .multiClass(let loaded) = try ModelFile.decodeModel(bytes, path: "m.lut") else { return XCTFail("a multi-class model") }
        XCTAssertEqual(loaded, network)
        // Every LUT saw a pattern, and the patterns recorded are those the training examples show it.
        let train = try MultiClassExamples(images: data.train, task: network.task, threshold: 128, split: "train")
        for (c, layers) in loaded.classLayers.enumerated() {
            var inputs = train.inputs
            for (index, layer) in layers.enumerated() {
                for lut in 0..<layer.width {
                    let shown = Set(layer.patterns(of: lut, on: inputs).map(Int.init))
                    for pattern in 0..<(1 << layer.k) {
                        XCTAssertEqual(layer.wasSeen(lut: lut, pattern: pattern), shown.contains(pattern), "class \(c) layer \(index) LUT \(lut)")
                    }
                }
                inputs = layer.evaluate(inputs, threads: 1)
            }
        }
        // Without them the model is written as before (version 3), and loads without them.
        let older = try network.withoutSeenPatterns()
        XCTAssertEqual(Array(ModelFile.encode(older)[8..<12]), [3, 0, 0, 0])
        XCTAssertEqual(try ModelFile.decodeModel(ModelFile.encode(older), path: "m.lut"), .multiClass(older))
        // Random wiring (no window) is recorded too.
        let random = try MultiClassNetwork.train(on: data, task: network.task, options: MultiClassTrainingOptions(
            shape: try NetworkShape(k: 3, hiddenWidths: [8]), seed: 1, window: nil, threads: 1)).network
        XCTAssertEqual(try ModelFile.decodeModel(ModelFile.encode(random), path: "r.lut"), .multiClass(random))
        // A truncated version 8 file is refused.
        XCTAssertThrowsError(try ModelFile.decodeModel(Array(bytes.dropLast(12)), path: "m.lut"))
    }

    func testBinaryFilesStillLoadAsBinaryModels() throws {
        let data = try TinyDataset.make(classes: 2)
        let binary = try LUTNetwork.train(on: data, task: try BinaryTask(parsing: "0:1"),
                                          options: TrainingOptions(shape: try NetworkShape(k: 3, hiddenWidths: [8]), threads: 1)).network
        let bytes = ModelFile.encode(binary)
        XCTAssertEqual(try ModelFile.decodeModel(bytes, path: "b.lut"), .binary(binary))
        XCTAssertEqual(Array(bytes[8..<12]), [2, 0, 0, 0], "binary networks are format version 2")
    }

    func testDamagedFilesAreRefusedNamingTheFile() throws {
        let (network, _) = try trained()
        let bytes = ModelFile.encode(network)
        XCTAssertThrowsError(try ModelFile.decodeModel(Array(bytes.dropLast(9)), path: "m.lut")) { error in
            XCTAssertTrue("\(error)".hasPrefix("m.lut: "), "\(error)")
        }
        // A bit of a table flipped (the header is read first, so a flip there is refused as malformed).
        var flipped = bytes
        flipped[bytes.count - 20] ^= 1
        XCTAssertThrowsError(try ModelFile.decodeModel(flipped, path: "m.lut")) { error in
            guard case .badChecksum(let path, _, _)? = error as? ModelFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "m.lut")
        }
        // A header whose class count disagrees with its task, the checksum made right.
        var wrong = Array(bytes.dropLast(4))
        // Version 8: the wiring text after k and the window side, the section count (no section),
        // then the seed.
        let taskLength = Int(wrong[20]), wiringLength = Int(wrong[24 + taskLength + 8])
        let classOffset = 24 + taskLength + 4 + 4 + 4 + wiringLength + 4 + 8
        wrong[classOffset] = 5
        wrong += withUnsafeBytes(of: ModelFile.crc(wrong[...]).littleEndian) { Array($0) }
        XCTAssertThrowsError(try ModelFile.decodeModel(wrong, path: "m.lut")) { error in
            XCTAssertEqual(error as? ModelFileError, .malformed(path: "m.lut", reason: "5 class networks for task 0:1:2:3"))
        }
    }

    /// The first 200 bytes of a multi-class model (its whole header) padded with zeros to 3 GiB,
    /// as a sparse file: the path, the bytes past the size the header declares, and that size.
    static func paddedModel(in folder: URL) throws -> (path: String, extra: Int, declared: Int) {
        let model = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("models/v3-tiny-window4.lut")))
        let url = folder.appendingPathComponent("padded.lut")
        try model.prefix(200).write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        return (url.path, (3 << 30) - model.count, model.count)
    }

    func testAFilePaddedPastItsDeclaredSizeIsRefusedFromItsHeader() throws {
        let model = try Self.paddedModel(in: try Fixtures.temporaryFolder(for: self))
        // Refused from the header alone: reading the 3 GiB first would end in a checksum error.
        XCTAssertThrowsError(try ModelFile.loadModel(from: model.path)) { error in
            XCTAssertEqual(error as? ModelFileError, .malformed(path: model.path, reason: "\(model.extra) bytes after the end of the model (its header declares \(model.declared) bytes)"))
        }
    }

    func testAWindowSideNoImageOfTheInputsHasIsRefused() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Fixtures.path("models/v3-tiny-window4.lut"))))
        guard case .multiClass(let network) = try ModelFile.decodeModel(bytes, path: "m.lut") else { return XCTFail("a multi-class model") }
        let side = Int(Double(network.inputCount).squareRoot())
        let windowOffset = 24 + Int(bytes[20]) + 4
        XCTAssertEqual(bytes[windowOffset], 4, "the window side follows the task and k")
        for window in [UInt32.max, UInt32(side + 1), UInt32(side)] {
            var changed = Array(bytes.dropLast(4))
            changed.replaceSubrange(windowOffset ..< windowOffset + 4, with: withUnsafeBytes(of: window.littleEndian) { Array($0) })
            changed += withUnsafeBytes(of: ModelFile.crc(changed[...]).littleEndian) { Array($0) }
            if window == UInt32(side) {
                guard case .multiClass(let loaded) = try ModelFile.decodeModel(changed, path: "m.lut") else { return XCTFail("a multi-class model") }
                XCTAssertEqual(loaded.window, side)
                continue
            }
            XCTAssertThrowsError(try ModelFile.decodeModel(changed, path: "m.lut")) { error in
                XCTAssertEqual(error as? ModelFileError, .malformed(path: "m.lut", reason: "a first-layer window side of \(window): an image of \(network.inputCount) input bits has no \(window) × \(window) window"))
            }
        }
    }
}

extension MultiClassNetwork {
    /// The model as a build before format version 8 saved it: without the patterns training showed.
    func withoutSeenPatterns() throws -> MultiClassNetwork {
        let layers = try classLayers.map { layers in
            try layers.map { try LUTLayer(k: $0.k, width: $0.width, sourceCount: $0.sourceCount, inputs: $0.inputs, tables: $0.tables) }
        }
        return try MultiClassNetwork(inputCount: inputCount, threshold: threshold, task: task, seed: seed, wiring: wiring,
                                     classLayers: layers)
    }
}
