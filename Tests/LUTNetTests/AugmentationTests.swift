import CSupport
import Foundation
import XCTest
@testable import LUTNet

/// `--augment`: the copies of the training images as bits (each copy's bits, their order, the
/// labels repeated), the placement kernel against a bit-by-bit loop, the refusals, and the copies
/// reaching both trainers.
final class AugmentationTests: XCTestCase {
    /// A gray image of `rows` ("100" per row, 1 a byte of 255) as bytes.
    private func gray(_ rows: [String]) -> [UInt8] { rows.joined().map { $0 == "1" ? 255 : 0 } }

    /// Column `column` of `matrix` as "100/011/001" for 3 × 3 gray images.
    private func image(_ matrix: BitMatrix, column: Int, width: Int = 3) -> String {
        let bits = (0..<matrix.rowCount).map { matrix[$0, column] ? "1" : "0" }
        return stride(from: 0, to: bits.count, by: width).map { bits[$0..<$0 + width].joined() }.joined(separator: "/")
    }

    /// Two 3 × 3 gray images of classes 0 and 2 of task 0:1:2.
    private func twoImages() throws -> MultiClassExamples {
        let pixels = gray(["100", "011", "001"]) + gray(["010", "100", "110"])
        let images = try ImageSet(pixels: pixels, imageShape: [3, 3], labels: [0, 2], source: "two images")
        return try MultiClassExamples(images: images, task: try MultiClassTask(parsing: "0:1:2"), threshold: 128, split: "two images",
                                      everyClass: false)
    }

    func testTheCopiesComeInTheirDocumentedOrder() throws {
        let augmentation = try Augmentation(parsing: " flip , shift:2 ")
        XCTAssertEqual(augmentation.copyCount, 18)
        XCTAssertEqual(augmentation.description, "flip,shift:2")
        let copies = augmentation.copies.map { "\($0.down),\($0.right)\($0.mirrored ? "m" : "")" }
        XCTAssertEqual(copies, ["0,0", "0,0m", "-1,0", "-1,0m", "1,0", "1,0m", "0,-1", "0,-1m", "0,1", "0,1m",
                                "-2,0", "-2,0m", "2,0", "2,0m", "0,-2", "0,-2m", "0,2", "0,2m"])
        XCTAssertEqual(try Augmentation(parsing: "shift:3").copyCount, 13)
        XCTAssertEqual(try Augmentation(parsing: "flip").copyCount, 2)
        XCTAssertEqual(Augmentation.none.description, "none")
    }

    func testEveryCopyOfTwoGrayImagesHasItsExactBits() throws {
        let examples = try twoImages()
        let augmented = try examples.augmented(by: try Augmentation(parsing: "flip,shift:1"), threads: 2)
        XCTAssertEqual(augmented.count, 20)
        XCTAssertEqual(augmented.inputs.rowCount, 9)
        XCTAssertEqual(augmented.imageShape, [3, 3])
        // Copy c of image e is column 2c + e: both images of a copy, then the next copy.
        let first = (0..<10).map { image(augmented.inputs, column: 2 * $0) }
        XCTAssertEqual(first, [
            "100/011/001", "001/110/100",  // the original, mirrored
            "011/001/001", "110/100/100",  // up 1 (the bottom row repeated)
            "100/100/011", "001/001/110",  // down 1 (the top row repeated)
            "000/111/011", "000/111/110",  // left 1 (the right column repeated)
            "110/001/000", "011/100/000",  // right 1 (the left column repeated)
        ])
        let second = (0..<10).map { image(augmented.inputs, column: 2 * $0 + 1) }
        XCTAssertEqual(second, ["010/100/110", "010/001/011", "100/110/110", "001/011/011", "010/010/100", "010/010/001",
                                "100/000/100", "001/000/001", "001/110/111", "100/011/111"])
        XCTAssertEqual(augmented.classes, Array([[UInt8]](repeating: [0, 2], count: 10).joined()))
        XCTAssertEqual(augmented.classCounts, [10, 0, 10])
        XCTAssertEqual(augmented.task, examples.task)
        XCTAssertEqual(try examples.augmented(by: .none).inputs, examples.inputs)
    }

    func testEveryChannelOfAPixelMovesWithIt() throws {
        // One 2 × 2 image of two channels: pixel (y, x) channel c is row (2y + x)·2 + c.
        let inputs = try BitMatrix(bits: [1, 0, 0, 0, 1, 1, 0, 1]).transposedColumn()
        let examples = try BinarizedExamples(inputs: inputs, labels: try BitMatrix(bits: [1]), task: try BinaryTask(parsing: "0:1"),
                                             threshold: 128)
        let image = try ImageGeometry(height: 2, width: 2, channels: 2)
        let flipped = try examples.augmented(by: try Augmentation(parsing: "flip"), image: image, threads: 1)
        let shifted = try examples.augmented(by: try Augmentation(parsing: "shift:1"), image: image, threads: 1)
        func column(_ matrix: BitMatrix, _ c: Int) -> [Int] { (0..<8).map { matrix[$0, c] ? 1 : 0 } }
        XCTAssertEqual(column(flipped.inputs, 0), [1, 0, 0, 0, 1, 1, 0, 1])
        XCTAssertEqual(column(flipped.inputs, 1), [0, 0, 1, 0, 0, 1, 1, 1])
        XCTAssertEqual((0..<5).map { column(shifted.inputs, $0) }, [
            [1, 0, 0, 0, 1, 1, 0, 1],  // the original
            [1, 1, 0, 1, 1, 1, 0, 1],  // up 1
            [1, 0, 0, 0, 1, 0, 0, 0],  // down 1
            [0, 0, 0, 0, 0, 1, 0, 1],  // left 1
            [1, 0, 1, 0, 1, 1, 1, 1],  // right 1
        ])
        XCTAssertEqual(flipped.labels.unpackedRow(0), [1, 1])
        XCTAssertEqual(shifted.labels.unpackedRow(0), [1, 1, 1, 1, 1])
    }

    /// Copy c of example e, bit of pixel (y, x) channel ch, is the original's bit of the pixel the
    /// copy shows there, one bit at a time.
    private func assertMatchesBitByBit(examples count: Int, height: Int, width: Int, channels: Int, augment text: String) throws {
        var generator = SeededGenerator(seed: UInt64(count), stream: 9)
        let rows = height * width * channels
        var inputs = BitMatrix(rowCount: rows, columnCount: count)
        for r in 0..<rows { for e in 0..<count where generator.next() & 1 == 1 { inputs[r, e] = true } }
        let augmentation = try Augmentation(parsing: text)
        let image = try ImageGeometry(height: height, width: width, channels: channels)
        let augmented = try augmentation.augment(inputs, image: image, threads: 2)
        XCTAssertEqual(augmented.columnCount, count * augmentation.copyCount)
        for (c, copy) in augmentation.copies.enumerated() {
            for y in 0..<height {
                for x in 0..<width {
                    let mirroredX = copy.mirrored ? width - 1 - x : x
                    let fromY = min(max(y - copy.down, 0), height - 1), fromX = min(max(mirroredX - copy.right, 0), width - 1)
                    for ch in 0..<channels {
                        let row = (y * width + x) * channels + ch, from = (fromY * width + fromX) * channels + ch
                        for e in 0..<count where augmented[row, c * count + e] != inputs[from, e] {
                            return XCTFail("\(text), \(count) examples: copy \(c), example \(e), pixel (\(y), \(x)), channel \(ch)")
                        }
                    }
                }
            }
        }
        // Bits past the last column stay zero (the kernels count whole words).
        let tail = augmented.columnCount % 64
        if tail > 0 {
            for r in 0..<rows { XCTAssertEqual(augmented.row(r).last.map { $0 >> UInt64(tail) }, 0) }
        }
    }

    func testCopiesOfColorImagesMatchABitByBitReference() throws {
        // 128 examples: every copy starts at a whole word; 70: copies start inside words.
        for count in [128, 70, 1] {
            try assertMatchesBitByBit(examples: count, height: 5, width: 4, channels: 3, augment: "flip,shift:2")
        }
        try assertMatchesBitByBit(examples: 33, height: 2, width: 3, channels: 1, augment: "shift:4")
    }

    func testPlacingBitsMatchesABitByBitLoop() {
        var generator = SeededGenerator(seed: 3, stream: 1)
        for bitCount in [0, 1, 63, 64, 65, 200] {
            for firstBit in [0, 1, 63, 64, 100, 128] {
                var source = (0..<lutnet_words_for_bits(bitCount)).map { _ in generator.next() }
                if bitCount % 64 != 0 { source[source.count - 1] &= (UInt64(1) << UInt64(bitCount % 64)) - 1 }
                // The destination's bits outside the range are ones: they must stay so.
                let words = (firstBit + bitCount + 63) / 64 + 1
                var destination = [UInt64](repeating: ~0, count: words)
                for i in firstBit..<firstBit + bitCount { destination[i / 64] &= ~(UInt64(1) << UInt64(i % 64)) }
                var expected = destination
                for i in 0..<bitCount where source[i / 64] >> UInt64(i % 64) & 1 == 1 {
                    expected[(firstBit + i) / 64] |= UInt64(1) << UInt64((firstBit + i) % 64)
                }
                source.withUnsafeBufferPointer { source in
                    destination.withUnsafeMutableBufferPointer { lutnet_place_bits(source.baseAddress, bitCount, $0.baseAddress, firstBit) }
                }
                XCTAssertEqual(destination, expected, "\(bitCount) bits at bit \(firstBit)")
            }
        }
    }

    func testEveryBadListIsRefusedNamingTheOption() {
        let cases = [
            ("", "'' is not a copy it makes"), ("rotate", "'rotate' is not a copy it makes"), ("flip,", "'' is not a copy it makes"),
            ("shift:0", "'shift:0': S is 1 to 4 pixels"), ("shift:5", "'shift:5': S is 1 to 4 pixels"),
            ("shift:x", "'shift:x': S is 1 to 4 pixels"), ("shift", "'shift' is not a copy it makes"),
            ("flip,flip", "'flip,flip' gives flip twice"), ("shift:1,flip,shift:2", "gives shift twice"),
        ]
        for (text, reason) in cases {
            XCTAssertThrowsError(try Augmentation(parsing: text), text) { error in
                XCTAssertNotNil(error as? ConfigurationError)
                XCTAssertTrue(String(describing: error).hasPrefix("invalid --augment: "), "\(error)")
                XCTAssertTrue(String(describing: error).contains(reason), "\(text): \(error)")
            }
        }
        XCTAssertThrowsError(try Augmentation(flips: false, shift: 5)) { error in
            XCTAssertTrue(String(describing: error).contains("invalid --augment: shift:5"), "\(error)")
        }
    }

    func testExamplesWithoutAnImageShapeAreRefused() throws {
        let flat = try ImageSet(pixels: gray(["100", "011", "001"]) + gray(["010", "100", "110"]), imageShape: [9], labels: [0, 2],
                                source: "flat")
        let examples = try MultiClassExamples(images: flat, task: try MultiClassTask(parsing: "0:1:2"), threshold: 128, split: "flat",
                                              everyClass: false)
        let flip = try Augmentation(parsing: "flip")
        XCTAssertThrowsError(try examples.augmented(by: flip)) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("invalid --augment: it moves the pixels of images, and these examples of 9 "
                                                              + "input bits have no image shape (shape 9)"), "\(error)")
        }
        var options = MultiClassTrainingOptions(shape: try NetworkShape(k: 2, layers: "1x4"), window: nil, threads: 1)
        options.augmentation = flip
        XCTAssertThrowsError(try MultiClassNetwork.train(on: examples, options: options)) { error in
            XCTAssertTrue(String(describing: error).contains("invalid --augment: it moves the pixels of images"), "\(error)")
        }
        let binary = try BinarizedExamples(images: flat, task: try BinaryTask(parsing: "0:2"), threshold: 128, split: "flat")
        var binaryOptions = TrainingOptions(shape: try NetworkShape(k: 2, layers: "1x4"), threads: 1)
        binaryOptions.augmentation = flip
        for shape in [nil, [9]] as [[Int]?] {
            XCTAssertThrowsError(try LUTNetwork.train(on: binary, options: binaryOptions, dataShape: shape)) { error in
                XCTAssertTrue(String(describing: error).contains("invalid --augment: it moves the pixels of images"), "\(error)")
            }
        }
        // --image-shape gives flat examples their images.
        binaryOptions.imageShape = try ImageGeometry(height: 3, width: 3)
        XCTAssertNoThrow(try LUTNetwork.train(on: binary, options: binaryOptions, dataShape: [9]))
    }

    func testNeighbourBitsAreRefusedBecauseTheirDirectionsDoNotMove() throws {
        let images = try ImageSet(pixels: gray(["100", "011", "001"]) + gray(["010", "100", "110"]), imageShape: [3, 3], labels: [0, 2],
                                  source: "two images")
        let encoding = try InputEncoding(families: [.threshold, .neighbours(margin: 0)], for: images)
        let examples = try MultiClassExamples(images: images, task: try MultiClassTask(parsing: "0:1:2"), threshold: 128,
                                              split: "two images", everyClass: false, encoding: encoding)
        XCTAssertThrowsError(try examples.augmented(by: try Augmentation(parsing: "shift:1"))) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("invalid --augment: input bits threshold,neighbours:0 read each pixel "
                                                              + "against its neighbours"), "\(error)")
        }
        XCTAssertNoThrow(try examples.augmented(by: .none))
    }

    func testTooManyExamplesOrBitsAreRefusedBeforeAnythingIsMade() throws {
        let flip = try Augmentation(parsing: "flip")
        XCTAssertEqual(try flip.augmentedCount(LUTNetLimits.maxExamples / 2, inputCount: 1), LUTNetLimits.maxExamples / 2 * 2)
        XCTAssertThrowsError(try flip.augmentedCount(LUTNetLimits.maxExamples / 2 + 1, inputCount: 1)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.hasPrefix("invalid --augment: flip makes 2 copies of 2147483648 examples: "), message)
            XCTAssertTrue(message.contains("4294967296 examples is more than the 4294967295 supported"), message)
        }
        XCTAssertThrowsError(try flip.augmentedCount(Int.max, inputCount: 1)) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("invalid --augment: flip makes 2 copies of"), "\(error)")
        }
        XCTAssertThrowsError(try flip.augmentedCount(1 << 26, inputCount: 1 << 20)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.hasPrefix("invalid --augment: flip makes 2 copies of 67108864 examples: "), message)
            XCTAssertTrue(message.contains("GB of memory"), message)
        }
    }

    func testTheTrainersMemorizeEveryCopyAndTestTheOriginals() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        var options = MultiClassTrainingOptions(shape: try NetworkShape(k: 6, layers: "1x32"), window: nil, threads: 2)
        options.augmentation = try Augmentation(parsing: "flip,shift:1")
        let task = try MultiClassTask(parsing: "0:1:2:3:4:5:6:7:8:9")
        let trained = try MultiClassNetwork.train(on: dataset, task: task, options: options)
        XCTAssertEqual(trained.trainConfusion.total, 6000, "600 training examples × 10 copies")
        XCTAssertEqual(trained.testConfusion?.total, 200, "the test split is not augmented")
        options.augmentation = .none
        let plain = try MultiClassNetwork.train(on: dataset, task: task, options: options)
        XCTAssertEqual(plain.trainConfusion.total, 600)
        XCTAssertNotEqual(ModelFile.encode(trained.network), ModelFile.encode(plain.network), "the copies change the counts")
    }
}

extension BitMatrix {
    /// A one-row matrix as one column: row i holds bit i.
    fileprivate func transposedColumn() -> BitMatrix {
        var column = BitMatrix(rowCount: columnCount, columnCount: 1)
        for i in 0..<columnCount where self[0, i] { column[i, 0] = true }
        return column
    }
}

/// `lutnet train --augment`: the report counts the copies; bad lists and flat data are refused.
extension CommandLineTests {
    func testTrainAugmentReportsTheAugmentedCountForBothKindsOfTask() throws {
        let data = Fixtures.path("tiny")
        let multiClass = try run(["train", "--data", data, "--task", "all", "--layers", "1x16", "--k", "6", "--window", "0",
                                  "--threads", "2", "--augment", "flip,shift:1", "--json"])
        XCTAssertEqual(multiClass.status, 0, multiClass.errors)
        XCTAssertTrue(multiClass.errors.contains("on 6000 examples of 100 bits (600 × 10 copies, --augment flip,shift:1), task 0:1:2:3"),
                      multiClass.errors)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(multiClass.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["trainExamples"] as? Int, 6000)
        XCTAssertEqual(report["testExamples"] as? Int, 200)
        XCTAssertEqual(report["augment"] as? String, "flip,shift:1")

        let binary = try run(["train", "--data", data, "--task", "0-4:5-9", "--layers", "1x16", "--k", "6", "--threads", "2",
                              "--augment", "flip", "--json"])
        XCTAssertEqual(binary.status, 0, binary.errors)
        XCTAssertTrue(binary.errors.contains("on 1200 examples of 100 bits (600 × 2 copies, --augment flip), task 0-4:5-9"), binary.errors)
        let binaryReport = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(binary.output.utf8)) as? [String: Any])
        XCTAssertEqual(binaryReport["trainExamples"] as? Int, 1200)
    }

    func testTrainAugmentRefusesBadListsAndFlatData() throws {
        let data = Fixtures.path("tiny")
        try assertFails(["train", "--data", data, "--augment", "rotate"], saying: "invalid --augment: 'rotate' is not a copy it makes")
        try assertFails(["train", "--data", data, "--task", "all", "--augment", "shift:9"], saying: "invalid --augment: 'shift:9': S is 1 to 4")
        try assertFails(["train", "--data", data, "--augment", "flip,flip"], saying: "invalid --augment: 'flip,flip' gives flip twice")
        try assertFails(["train", "--data", Fixtures.path("pla/small.pla"), "--augment", "flip"],
                        saying: "invalid --augment: it moves the pixels of images, and these examples of 5 input bits have no image shape")
    }
}
