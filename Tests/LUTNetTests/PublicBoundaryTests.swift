import XCTest
@testable import LUTNet
@testable import LUTNetBaseline

/// Every public initializer refuses what would reach the C kernels out of bounds or wrap a 32-bit
/// counter, with a typed error that says what is wrong.
final class PublicBoundaryTests: XCTestCase {
    func testMoreExamplesThanTheCountersHoldAreRefusedBeforeAllocating() {
        let tooMany = LUTNetLimits.maxExamples + 1
        XCTAssertEqual(tooMany, 1 << 32)
        XCTAssertNoThrow(try BitMatrix.checkSize(rows: 784, columns: 1_000_000))
        // The most examples a counter holds: within the limits, refused only for want of memory.
        let largest = 784.0 * Double(LUTNetLimits.maxExamples) / 8
        if largest > Double(ProcessInfo.processInfo.physicalMemory) {
            XCTAssertThrowsError(try BitMatrix.checkSize(rows: 784, columns: LUTNetLimits.maxExamples)) { error in
                XCTAssertTrue("\(error)".contains("more than the machine's"), "\(error)")
            }
        }
        XCTAssertThrowsError(try BitMatrix.checkSize(rows: 1, columns: tooMany)) { error in
            XCTAssertEqual(error as? ConfigurationError, .tooLarge(what: "examples", count: tooMany, limit: LUTNetLimits.maxExamples))
            XCTAssertEqual("\(error)", "4294967296 examples is more than the 4294967295 supported")
        }
        // The initializer checks before it allocates: 784 × 2^32 bits would be 420 GB.
        XCTAssertThrowsError(try BitMatrix(rows: 784, columns: tooMany)) { error in
            guard case .tooLarge = error as? ConfigurationError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try BitMatrix(rows: -1, columns: 3)) { error in
            guard case .invalidValue = error as? ConfigurationError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try BitMatrix(rows: Int.max / 2, columns: 1 << 20)) { error in
            guard case .tooLarge = error as? ConfigurationError else { return XCTFail("\(error)") }
        }
        // The baseline's CBLAS sizes are 32-bit signed.
        XCTAssertThrowsError(try FeatureMatrix.checkSize(examples: 1 << 31, features: 784, source: "big")) { error in
            XCTAssertEqual(error as? BaselineError, .tooLarge(source: "big", examples: 1 << 31, features: 784))
        }
        XCTAssertNoThrow(try FeatureMatrix.checkSize(examples: Int(Int32.max), features: 1, source: "big"))
    }

    func testBinarizingAnIndexPastTheEndIsAnError() throws {
        let images = try ImageSet(pixels: [0, 255, 255, 0], imageShape: [2], labels: [0, 1], source: "two")
        XCTAssertThrowsError(try BitMatrix(binarizing: images, indices: [0, 2], threshold: 128)) { error in
            XCTAssertEqual("\(error)", "invalid example index: 2 is past the end of two (2 examples)")
        }
    }

    func testKOutsideOneToSixteenIsRefusedByALayer() {
        for k in [0, 17, -1] {
            let words = k >= 0 ? LUTLayer.tableWords(k: min(k, 16)) : 1
            XCTAssertThrowsError(try LUTLayer(k: k, width: 1, sourceCount: 32, inputs: [UInt32](repeating: 0, count: max(k, 0)),
                                              tables: [UInt64](repeating: 0, count: words))) { error in
                XCTAssertEqual(error as? NetworkError, .invalidK(k))
                XCTAssertEqual("\(error)", "k = \(k) is not supported: a LUT has 1 to 16 inputs")
            }
        }
    }

    func testAWiringIndexPastTheLayerBelowIsRefused() throws {
        XCTAssertThrowsError(try LUTLayer(k: 2, width: 2, sourceCount: 4, inputs: [0, 1, 3, 4], tables: [0, 0])) { error in
            XCTAssertEqual(error as? NetworkError, .wiringOutOfRange(lut: 1, input: 1, source: 4, sourceCount: 4))
            XCTAssertEqual("\(error)", "input 1 of LUT 1 reads source 4, but the layer below has 4")
        }
        XCTAssertThrowsError(try LUTLayer(k: 2, width: 2, sourceCount: 4, inputs: [0, 1, 3], tables: [0, 0])) { error in
            XCTAssertEqual(error as? NetworkError, .wiringCount(found: 3, width: 2, k: 2))
        }
        XCTAssertThrowsError(try LUTLayer(k: 2, width: 2, sourceCount: 4, inputs: [0, 1, 3, 2], tables: [0])) { error in
            XCTAssertEqual(error as? NetworkError, .tableCount(found: 1, width: 2, tableWords: 1))
        }
    }

    func testANetworkWhoseLayersDoNotChainIsRefused() throws {
        let task = try BinaryTask(parsing: "0:1")
        let hidden = try LUTLayer(k: 2, width: 3, sourceCount: 4, inputs: [0, 1, 2, 3, 0, 2], tables: [0, 0, 0])
        let output = try LUTLayer(k: 2, width: 1, sourceCount: 3, inputs: [0, 2], tables: [0b0110])
        XCTAssertNoThrow(try LUTNetwork(inputCount: 4, threshold: 128, task: task, seed: 0, layers: [hidden, output]))
        XCTAssertThrowsError(try LUTNetwork(inputCount: 5, threshold: 128, task: task, seed: 0, layers: [hidden, output])) { error in
            XCTAssertEqual(error as? NetworkError, .layersDoNotChain(layer: 0, sourceCount: 4, expected: 5))
        }
        XCTAssertThrowsError(try LUTNetwork(inputCount: 4, threshold: 128, task: task, seed: 0, layers: [hidden])) { error in
            XCTAssertEqual(error as? NetworkError, .outputWidth(3))
        }
        XCTAssertThrowsError(try LUTNetwork(inputCount: 4, threshold: 0, task: task, seed: 0, layers: [hidden, output])) { error in
            XCTAssertEqual(error as? NetworkError, .invalidThreshold(0))
        }
        XCTAssertThrowsError(try LUTNetwork(inputCount: 4, threshold: 1, task: task, seed: 0, layers: [])) { error in
            XCTAssertEqual(error as? NetworkError, .noLayers)
        }
        // Layers of different k chain like any others: the shape records each layer's k.
        let k3 = try LUTLayer(k: 3, width: 1, sourceCount: 3, inputs: [0, 1, 2], tables: [0])
        let mixed = try LUTNetwork(inputCount: 4, threshold: 1, task: task, seed: 0, layers: [hidden, k3])
        XCTAssertEqual(mixed.layerKs, [2, 3])
        XCTAssertEqual(mixed.shape.description, "k=2/3, 1x3 + 1 output LUT")
    }

    /// The model file's check is the layer's: a wiring index past the layer below is refused as a
    /// malformed file that names the layer, LUT and source.
    func testAModelFileWiringPastTheLayerBelowIsRefusedByTheSameCheck() throws {
        let task = try BinaryTask(parsing: "0:1")
        let output = try LUTLayer(k: 2, width: 1, sourceCount: 4, inputs: [0, 3], tables: [0b0110])
        let network = try LUTNetwork(inputCount: 4, threshold: 128, task: task, seed: 0, layers: [output])
        var bytes = ModelFile.encode(network)
        // The wiring follows the header.
        let wiring = try ModelFileHeader.parse(bytes[...], path: "model.lut").byteCount
        XCTAssertEqual(bytes[wiring + 4], 3, "the second input of the output LUT")
        bytes[wiring + 4] = 4
        let body = bytes.count - 4
        withUnsafeBytes(of: ModelFile.crc(bytes[..<body]).littleEndian) { bytes.replaceSubrange(body..., with: $0) }
        XCTAssertThrowsError(try ModelFile.decode(bytes, path: "bad.lut")) { error in
            XCTAssertEqual("\(error)", "bad.lut: malformed model file: layer 0: input 1 of LUT 0 reads source 4, but the layer below has 4")
        }
    }

    func testTrainingRefusesTestExamplesOfAnotherTaskOrThresholdAndBadThreadCounts() throws {
        let inputs = ReferenceMemorization.randomMatrix(rows: 8, columns: 100, seed: 1)
        let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: 100, seed: 2)
        let train = try BinarizedExamples(inputs: inputs, labels: labels, task: BinaryTask(parsing: "0:1"), threshold: 128)
        let otherTask = try BinarizedExamples(inputs: inputs, labels: labels, task: BinaryTask(parsing: "1:0"), threshold: 128)
        let otherThreshold = try BinarizedExamples(inputs: inputs, labels: labels, task: BinaryTask(parsing: "0:1"), threshold: 9)
        let options = TrainingOptions(shape: try NetworkShape(k: 2, hiddenWidths: [4]))
        XCTAssertThrowsError(try LUTNetwork.train(on: train, test: otherTask, options: options)) { error in
            XCTAssertEqual("\(error)", "invalid test examples: they are labeled for task 1:0, the training examples for 0:1")
        }
        XCTAssertThrowsError(try LUTNetwork.train(on: train, test: otherThreshold, options: options)) { error in
            XCTAssertEqual("\(error)", "invalid test examples: they are binarized at threshold 9, the training examples at 128")
        }
        for threads in [0, -1] {
            XCTAssertThrowsError(try LUTNetwork.train(on: train, options: TrainingOptions(shape: options.shape, threads: threads))) { error in
                guard case .invalidValue(option: "threads", _) = error as? ConfigurationError else { return XCTFail("\(error)") }
            }
        }
        XCTAssertThrowsError(try BinarizedExamples(inputs: inputs, labels: inputs, task: train.task, threshold: 128)) { error in
            guard case .invalidValue(option: "labels", _) = error as? ConfigurationError else { return XCTFail("\(error)") }
        }
        let noBits = try BinarizedExamples(inputs: BitMatrix(rows: 0, columns: 100), labels: labels, task: train.task, threshold: 1)
        XCTAssertThrowsError(try LUTNetwork.train(on: noBits, options: options)) { error in
            guard case .invalidValue(option: "training examples", _) = error as? ConfigurationError else { return XCTFail("\(error)") }
        }
    }

    func testTrainingThatWouldNotFitInMemoryThrows() throws {
        let inputs = ReferenceMemorization.randomMatrix(rows: 8, columns: 64, seed: 1)
        let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: 64, seed: 2)
        let train = try BinarizedExamples(inputs: inputs, labels: labels, task: BinaryTask(parsing: "0:1"), threshold: 128)
        // 1000 layers of 2^24 LUTs of k = 16: petabytes of tables.
        let huge = try NetworkShape(k: 16, hiddenWidths: [Int](repeating: LUTNetLimits.maxWidth, count: 1000))
        XCTAssertThrowsError(try LUTNetwork.train(on: train, options: TrainingOptions(shape: huge))) { error in
            guard case .networkTooLarge = error as? ConfigurationError else { return XCTFail("\(error)") }
        }
    }
}
