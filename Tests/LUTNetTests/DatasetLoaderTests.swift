import Foundation
import LUTNet
import XCTest

/// DatasetLoader on the committed fixture folders: exact shapes, labels and class counts of the
/// valid ones, and one specific DatasetError, naming the file at fault, for each faulty one.
final class DatasetLoaderTests: XCTestCase {
    /// Loads `relative` expecting a refusal; returns the error.
    private func refusal(_ relative: String, file: StaticString = #filePath, line: UInt = #line) -> DatasetError? {
        do {
            let dataset = try DatasetLoader.load(path: Fixtures.path(relative))
            XCTFail("\(relative) loaded \(dataset.train.count) examples, expected an error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Valid datasets

    func testTinyDataset() throws {
        let folder = Fixtures.path("tiny")
        let dataset = try DatasetLoader.load(path: folder)
        XCTAssertEqual(dataset.location, folder)
        XCTAssertEqual(dataset.train.count, 600)
        XCTAssertEqual(dataset.train.imageShape, [10, 10])
        XCTAssertEqual(dataset.train.featureCount, 100)
        XCTAssertEqual(dataset.train.labels.count, 600)
        XCTAssertEqual(dataset.train.classCounts(), [58, 59, 60, 61, 62, 58, 59, 60, 61, 62])
        XCTAssertEqual(dataset.train.source, folder + "/train-images-idx3-ubyte.gz")
        let test = try XCTUnwrap(dataset.test)
        XCTAssertEqual(test.count, 200)
        XCTAssertEqual(test.imageShape, [10, 10])
        XCTAssertEqual(test.classCounts(), [Int](repeating: 20, count: 10))
        XCTAssertEqual(test.source, folder + "/t10k-images-idx3-ubyte.gz")
        XCTAssertEqual(test.withPixels { $0.count }, 200 * 100)
    }

    /// The tiny dataset keeps the promise its generator documents: pixels are dark (< 96) or lit
    /// (>= 160), and the classes are learnable from binarized pixels (nearest class mean >= 90 %).
    func testTinyDatasetIsLearnable() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let test = try XCTUnwrap(dataset.test)
        for split in [dataset.train, test] {
            split.withPixels { pixels in XCTAssertFalse(pixels.contains { (96..<160).contains($0) }) }
        }
        func bits(_ images: ImageSet) -> [[Double]] {
            images.withPixels { pixels in
                (0..<images.count).map { e in (0..<100).map { pixels[e * 100 + $0] >= 128 ? 1.0 : 0.0 } }
            }
        }
        let trainBits = bits(dataset.train), testBits = bits(test)
        var means = [[Double]](repeating: [Double](repeating: 0, count: 100), count: 10)
        let counts = dataset.train.classCounts()
        for (example, label) in zip(trainBits, dataset.train.labels) {
            for f in 0..<100 { means[Int(label)][f] += example[f] / Double(counts[Int(label)]) }
        }
        var correct = 0
        for (example, label) in zip(testBits, test.labels) {
            let distances = means.map { mean in zip(mean, example).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
            if distances.firstIndex(of: distances.min() ?? 0) == Int(label) { correct += 1 }
        }
        XCTAssertGreaterThanOrEqual(Double(correct) / Double(test.count), 0.9)
    }

    func testColorDataset() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("color"))
        XCTAssertEqual(dataset.train.count, 30)
        XCTAssertEqual(dataset.train.imageShape, [8, 8, 3])
        XCTAssertEqual(dataset.train.featureCount, 192)
        XCTAssertEqual(dataset.train.classCounts(), [10, 10, 10])
        XCTAssertTrue(dataset.train.source.hasSuffix("/train-images-idx4-ubyte.gz"))
        let test = try XCTUnwrap(dataset.test)
        XCTAssertEqual(test.count, 12)
        XCTAssertEqual(test.imageShape, [8, 8, 3])
        XCTAssertEqual(test.classCounts(), [4, 4, 4])
        // Channels are innermost: in every pixel of an image of class c, channel c is the bright one.
        for split in [dataset.train, test] {
            split.withPixels { pixels in
                for (e, label) in split.labels.enumerated() {
                    for p in 0..<64 {
                        for channel in 0..<3 {
                            let value = pixels[e * 192 + p * 3 + channel]
                            XCTAssertEqual(value >= 200, channel == Int(label), "example \(e) pixel \(p)")
                        }
                    }
                }
            }
        }
    }

    func testPlainDatasetWithoutTestSplit() throws {
        let dataset = try DatasetLoader.load(path: Fixtures.path("plain"))
        XCTAssertNil(dataset.test)
        XCTAssertEqual(dataset.train.count, 5)
        XCTAssertEqual(dataset.train.imageShape, [3, 4])
        XCTAssertEqual(dataset.train.labels, [4, 3, 2, 1, 0])
        XCTAssertEqual(dataset.train.classCounts(), [1, 1, 1, 1, 1])
        XCTAssertEqual(dataset.train.withPixels { Array($0) }, Array(0..<60))
        XCTAssertTrue(dataset.train.source.hasSuffix("/train-images-idx3-ubyte"))
    }

    func testLoadPair() throws {
        let images = try DatasetLoader.loadPair(images: Fixtures.path("tiny/t10k-images-idx3-ubyte.gz"),
                                                labels: Fixtures.path("tiny/t10k-labels-idx1-ubyte.gz"))
        XCTAssertEqual(images.count, 200)
        XCTAssertEqual(images.imageShape, [10, 10])
    }

    // MARK: - Faulty folders

    func testLabelCountMismatch() {
        let folder = Fixtures.path("label-mismatch")
        guard case .countMismatch(let imagesPath, let imageCount, let labelsPath, let labelCount)? = refusal("label-mismatch") else {
            return XCTFail("expected countMismatch")
        }
        XCTAssertEqual(imagesPath, folder + "/train-images-idx3-ubyte.gz")
        XCTAssertEqual(labelsPath, folder + "/train-labels-idx1-ubyte.gz")
        XCTAssertEqual(imageCount, 20)
        XCTAssertEqual(labelCount, 19)
        XCTAssertEqual(refusal("label-mismatch")?.description,
                       "\(labelsPath): has 19 labels but \(imagesPath) has 20 images")
    }

    func testMissingLabelFile() {
        let folder = Fixtures.path("missing-labels")
        guard case .missingFile(let folderPath, let expected)? = refusal("missing-labels") else {
            return XCTFail("expected missingFile")
        }
        XCTAssertEqual(folderPath, folder)
        XCTAssertTrue(expected.hasPrefix("train-labels-idx1-ubyte"), expected)
        XCTAssertTrue(expected.contains("train-images-idx3-ubyte.gz"), expected)
        XCTAssertTrue(refusal("missing-labels")?.description.hasPrefix(folder + ": no train-labels") == true)
    }

    func testFolderWithoutTrainingSplit() {
        guard case .missingFile(let folder, let expected)? = refusal("test-only") else {
            return XCTFail("expected missingFile")
        }
        XCTAssertEqual(folder, Fixtures.path("test-only"))
        XCTAssertTrue(expected.hasPrefix("train-images-idx3-ubyte"), expected)
    }

    func testTrainAndTestShapesDiffer() {
        let folder = Fixtures.path("shape-mismatch")
        guard case .shapeMismatch(let trainPath, let trainShape, let testPath, let testShape)? = refusal("shape-mismatch") else {
            return XCTFail("expected shapeMismatch")
        }
        XCTAssertEqual(trainPath, folder + "/train-images-idx3-ubyte.gz")
        XCTAssertEqual(testPath, folder + "/t10k-images-idx3-ubyte.gz")
        XCTAssertEqual(trainShape, [10, 10])
        XCTAssertEqual(testShape, [8, 8])
        XCTAssertEqual(refusal("shape-mismatch")?.description, "\(testPath): images are 8×8 but \(trainPath) has 10×10")
    }

    func testLabelsOfWrongElementType() {
        guard case .wrongElementType(let path, let found, let expected)? = refusal("int32-labels") else {
            return XCTFail("expected wrongElementType")
        }
        XCTAssertEqual(path, Fixtures.path("int32-labels/train-labels-idx1-ubyte.gz"))
        XCTAssertEqual(found, .int32)
        XCTAssertEqual(expected, .uint8)
        XCTAssertEqual(refusal("int32-labels")?.description,
                       "\(path): holds 32-bit integer elements, expected unsigned byte")
    }

    func testImagesOfWrongRank() {
        guard case .wrongRank(let path, let shape, _)? = refusal("flat-images") else {
            return XCTFail("expected wrongRank")
        }
        XCTAssertEqual(path, Fixtures.path("flat-images/train-images-idx3-ubyte.gz"))
        XCTAssertEqual(shape, [20, 100])
        XCTAssertTrue(refusal("flat-images")?.description.hasPrefix("\(path): has shape 20×100") == true)
    }

    func testUnreadableImageFile() {
        guard case .unreadable(let error)? = refusal("unreadable-images") else {
            return XCTFail("expected unreadable")
        }
        XCTAssertEqual(error.kind, .gzipTruncated)
        XCTAssertEqual(error.path, Fixtures.path("unreadable-images/train-images-idx3-ubyte.gz"))
        XCTAssertEqual(refusal("unreadable-images")?.description, error.message)
    }

    func testMissingFolder() {
        let path = Fixtures.path("no-such-folder")
        XCTAssertEqual(refusal("no-such-folder"), .notFound(path: path))
        XCTAssertEqual(refusal("no-such-folder")?.description, "\(path): no such file or folder")
    }

    func testFileInsteadOfFolder() {
        guard case .malformed(let path, let reason)? = refusal("idx/uint8.idx3.gz") else {
            return XCTFail("expected malformed")
        }
        XCTAssertEqual(path, Fixtures.path("idx/uint8.idx3.gz"))
        XCTAssertTrue(reason.contains("not a dataset"), reason)
    }

    // MARK: - In-memory image sets

    func testImageSetFromMemoryChecksItsSize() throws {
        let set = try ImageSet(pixels: [1, 2, 3, 4, 5, 6], imageShape: [3], labels: [0, 1], source: "memory")
        XCTAssertEqual(set.count, 2)
        XCTAssertEqual(set.classCounts(), [1, 1])
        XCTAssertThrowsError(try ImageSet(pixels: [1, 2, 3], imageShape: [2], labels: [0, 1], source: "memory")) { error in
            XCTAssertEqual((error as? DatasetError)?.description.hasPrefix("memory: 3 bytes"), true)
        }
        XCTAssertThrowsError(try ImageSet(pixels: [], imageShape: [0], labels: [], source: "memory")) { error in
            guard case .malformed(let path, _)? = error as? DatasetError else { return XCTFail("expected malformed") }
            XCTAssertEqual(path, "memory")
        }
    }
}
