import Foundation
@testable import LUTNet
import XCTest

/// Binarizing while inflating (`IDXBitStream`, `IDXTaskFolder`) against the decoded path
/// (`IDXTensor.read`, `DatasetLoader`, `BitMatrix(binarizing:)`): the same bits, bit for bit, and
/// the same error, naming the same file, for every damaged input.
final class IDXTaskFolderTests: XCTestCase {
    // MARK: - The C stream against the decoded file

    /// The stream's bits for `indices` of the image file at `path`.
    private func streamedBits(_ path: String, indices: [UInt32], threshold: UInt8) throws -> BitMatrix {
        let stream = try IDXBitStream(path: path)
        var bits = try BitMatrix(rows: stream.shape.dropFirst().reduce(1, *), columns: indices.count)
        try stream.packThreshold(indices: indices, threshold: threshold, into: &bits)
        return bits
    }

    func testStreamedBitsEqualPackedDecodedBits() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        for count in [1, 63, 64, 65, 1000] {
            let split = folder.appendingPathComponent("\(count)")
            try TinyIDXDataset.write(to: split, trainCount: count, testCount: 1, seed: UInt64(count))
            let images = split.appendingPathComponent("train-images-idx3-ubyte").path
            let set = try DatasetLoader.loadPair(images: images, labels: split.appendingPathComponent("train-labels-idx1-ubyte").path)
            let all = (0..<UInt32(count)).map { $0 }
            let selections: [[UInt32]] = [all, all.filter { $0 % 3 != 1 }, [UInt32(count - 1)], [],
                                          try BinaryTask(parsing: "3:8").select(from: set.labels).indices]
            for indices in selections {
                for threshold: UInt8 in [1, 128, 255] {
                    let expected = try BitMatrix(binarizing: set, indices: indices, threshold: threshold)
                    XCTAssertEqual(try streamedBits(images, indices: indices, threshold: threshold), expected,
                                   "\(count) examples, \(indices.count) selected, threshold \(threshold)")
                }
            }
        }
    }

    /// Images of 64×64 bytes are staged 64 rows at a time: 65 or 1000 examples take several
    /// chunks, inflated while the ones before are packed.
    func testStreamedBitsEqualPackedDecodedBitsOverManyChunks() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        var generator = SeededGenerator(seed: 5)
        for count in [63, 64, 65, 129, 1000] {
            let pixels = (0..<count * 4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let images = folder.appendingPathComponent("images-\(count)").path
            try TinyIDXDataset.idx(type: 0x08, dims: [count, 64, 64], payload: pixels).write(to: URL(fileURLWithPath: images))
            let set = try ImageSet(pixels: pixels, imageShape: [64, 64], labels: [UInt8](repeating: 0, count: count), source: images)
            let all = (0..<UInt32(count)).map { $0 }
            for indices in [all, all.filter { $0 % 7 != 3 }, all.filter { $0 >= 64 }] {
                XCTAssertEqual(try streamedBits(images, indices: indices, threshold: 128),
                               try BitMatrix(binarizing: set, indices: indices, threshold: 128),
                               "\(count) examples of 4096 bytes, \(indices.count) selected")
            }
            // Data that ends in the last chunk, or goes on past it, is refused as the reader refuses it.
            for damaged in [Data(try Data(contentsOf: URL(fileURLWithPath: images)).dropLast(5)),
                            try Data(contentsOf: URL(fileURLWithPath: images)) + Data([7])] {
                let path = images + "-damaged"
                try damaged.write(to: URL(fileURLWithPath: path))
                guard case .failure(let expected) = Result(catching: { () throws(IDXReadError) in try IDXTensor.read(path: path) }) else {
                    return XCTFail("\(path) was read")
                }
                XCTAssertThrowsError(try streamedBits(path, indices: all, threshold: 128)) { error in
                    XCTAssertEqual(error as? IDXReadError, expected)
                }
            }
        }
    }

    /// Every fixture file, valid or damaged: where the decoding reader refuses it, the stream
    /// refuses it with the same error; where it reads unsigned bytes, the stream packs the same bits.
    func testEveryFixtureFileGivesTheReadersOutcome() throws {
        let bad = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("bad")).map { "bad/" + $0 }
        let names = try bad + FileManager.default.contentsOfDirectory(atPath: Fixtures.path("idx")).map { "idx/" + $0 }
            + ["unreadable-images/train-images-idx3-ubyte.gz", "tiny/train-images-idx3-ubyte.gz", "no-such-file.gz"]
        var refused = 0
        for name in names.sorted() {
            let path = Fixtures.path(name)
            switch Result(catching: { () throws(IDXReadError) in try IDXTensor.read(path: path) }) {
            case .success(let tensor):
                guard tensor.elementType == .uint8 else { continue }
                let features = tensor.shape.dropFirst().reduce(1, *)
                let rows = (0..<UInt32(tensor.shape[0])).map { $0 }
                var expected = try BitMatrix(rows: features, columns: rows.count)
                tensor.withUnsignedBytes { bytes in
                    for (e, row) in rows.enumerated() {
                        for f in 0..<features where bytes[Int(row) * features + f] >= 100 { expected[f, e] = true }
                    }
                }
                XCTAssertEqual(try streamedBits(path, indices: rows, threshold: 100), expected, name)
            case .failure(let expected):
                refused += 1
                XCTAssertThrowsError(try streamedBits(path, indices: [0], threshold: 100), name) { error in
                    XCTAssertEqual(error as? IDXReadError, expected, name)
                    XCTAssertTrue(expected.message.hasPrefix(path + ":"), expected.message)
                }
            }
        }
        // Every file of bad/, the truncated gzip stream of unreadable-images and the missing file.
        XCTAssertEqual(refused, bad.count + 2)
    }

    func testStreamRefusesWhatItCannotBinarize() throws {
        let path = Fixtures.path("tiny/train-images-idx3-ubyte.gz")
        for indices: [UInt32] in [[2, 1], [0, 0], [100_000]] {
            XCTAssertThrowsError(try streamedBits(path, indices: indices, threshold: 1)) { error in
                XCTAssertEqual((error as? IDXReadError)?.kind, .readError)
                XCTAssertTrue("\(error)".hasPrefix(path + ": cannot binarize while reading"), "\(error)")
            }
        }
        let stream = try IDXBitStream(path: Fixtures.path("idx/int8.idx1.gz"))
        var bits = try BitMatrix(rows: 1, columns: 0)
        XCTAssertThrowsError(try stream.packThreshold(indices: [], threshold: 1, into: &bits)) { error in
            XCTAssertTrue("\(error)".hasSuffix("only unsigned-byte images can be binarized"), "\(error)")
        }
        let once = try IDXBitStream(path: path)
        bits = try BitMatrix(rows: 100, columns: 0)
        try once.packThreshold(indices: [], threshold: 1, into: &bits)
        XCTAssertThrowsError(try once.packThreshold(indices: [], threshold: 1, into: &bits)) { error in
            XCTAssertTrue("\(error)".hasSuffix("its data has already been read"), "\(error)")
        }
    }

    // MARK: - Folders against the loaded dataset

    /// The task's examples of both splits, loaded and binarized, and binarized while inflating.
    private func assertSameExamples(_ folder: String, task: String, threshold: UInt8 = 128,
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        let task = try BinaryTask(parsing: task)
        let dataset = try DatasetLoader.load(path: folder)
        let streamed = try IDXTaskFolder.open(folder: folder)
        XCTAssertEqual(streamed.train.labels, dataset.train.labels, file: file, line: line)
        XCTAssertEqual(streamed.train.imageShape, dataset.train.imageShape, file: file, line: line)
        XCTAssertEqual(streamed.train.source, dataset.train.source, file: file, line: line)
        let (train, test) = try streamed.binarized(task: task, threshold: threshold)
        let expectedTrain = try BinarizedExamples(images: dataset.train, task: task, threshold: threshold, split: dataset.train.source)
        XCTAssertEqual(train.inputs, expectedTrain.inputs, "\(folder) \(task) training bits", file: file, line: line)
        XCTAssertEqual(train.labels, expectedTrain.labels, file: file, line: line)
        let expectedTest = try dataset.test.map { try BinarizedExamples(images: $0, task: task, threshold: threshold, split: $0.source) }
        XCTAssertEqual(test?.inputs, expectedTest?.inputs, "\(folder) \(task) test bits", file: file, line: line)
        XCTAssertEqual(test?.labels, expectedTest?.labels, file: file, line: line)
    }

    func testFoldersGiveTheLoadedDatasetsBits() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        try TinyIDXDataset.write(to: folder, trainCount: 1000, testCount: 65)
        for task in ["0-4:5-9", "3:8", "1,3,5:0,2,4"] {
            try assertSameExamples(folder.path, task: task)
            try assertSameExamples(Fixtures.path("tiny"), task: task, threshold: 90)
        }
        try assertSameExamples(Fixtures.path("color"), task: "0:1")
    }

    func testTrainingOnStreamedBitsGivesTheSameModelFile() throws {
        let folder = Fixtures.path("tiny"), task = try BinaryTask(parsing: "0-4:5-9")
        let options = TrainingOptions(shape: try NetworkShape(k: 4, layers: "2x32"), seed: 7, threads: 2)
        let (train, test) = try IDXTaskFolder.open(folder: folder).binarized(task: task, threshold: 128)
        let streamed = try LUTNetwork.train(on: train, test: test, options: options, dataShape: [10, 10])
        let loaded = try LUTNetwork.train(on: DatasetLoader.load(path: folder), task: task, threshold: 128, options: options)
        XCTAssertEqual(ModelFile.encode(streamed.network), ModelFile.encode(loaded.network))
        XCTAssertEqual(streamed.report.testAccuracy, loaded.report.testAccuracy)
    }

    func testMNISTGivesTheLoadedDatasetsBits() throws {
        let mnist = try Fixtures.shared("mnist")
        try assertSameExamples(mnist, task: "0-4:5-9")
        try assertSameExamples(mnist, task: "3:8", threshold: 200)
    }

    // MARK: - Damaged folders

    /// The error of opening `folder` and binarizing task 0-4:5-9, or nil.
    private func streamedRefusal(_ folder: String) -> Error? {
        do {
            _ = try IDXTaskFolder.open(folder: folder).binarized(task: try BinaryTask(parsing: "0-4:5-9"), threshold: 128)
            return nil
        } catch {
            return error
        }
    }

    /// The error of loading `folder`, which must be refused.
    private func loadingRefusal(_ folder: String) -> DatasetError? {
        do {
            _ = try DatasetLoader.load(folder: folder)
            return nil
        } catch {
            return error
        }
    }

    func testFaultyFixtureFoldersGiveTheLoadersErrors() {
        for name in ["label-mismatch", "missing-labels", "shape-mismatch", "int32-labels", "flat-images", "unreadable-images"] {
            let folder = Fixtures.path(name)
            let expected = loadingRefusal(folder)
            XCTAssertNotNil(expected, name)
            XCTAssertEqual(streamedRefusal(folder) as? DatasetError, expected, name)
        }
    }

    /// A tiny folder whose training images (or labels) are replaced by `bytes`.
    private func damagedFolder(_ file: String, _ damage: (Data) -> Data) throws -> String {
        let folder = try Fixtures.temporaryFolder(for: self)
        try TinyIDXDataset.write(to: folder, trainCount: 65, testCount: 10)
        let url = folder.appendingPathComponent(file)
        try damage(try Data(contentsOf: url)).write(to: url)
        return folder.path
    }

    func testDamagedFilesGiveTheLoadersErrors() throws {
        let images = "train-images-idx3-ubyte", labels = "train-labels-idx1-ubyte"
        let cases: [(String, String, (Data) -> Data)] = [
            ("truncated data", images, { $0.dropLast(5) }),
            ("trailing bytes", images, { $0 + Data([1, 2, 3]) }),
            ("truncated header", images, { $0.prefix(6) }),
            ("wrong magic", images, { Data([1]) + $0.dropFirst() }),
            ("empty file", images, { _ in Data() }),
            ("more images than labels", labels, { TinyIDXDataset.idx(type: 0x08, dims: [64], payload: Array($0.dropFirst(8).prefix(64))) }),
            ("wrong dimensions", images, { TinyIDXDataset.idx(type: 0x08, dims: [65, 64], payload: Array($0.dropFirst(16))) }),
            ("labels of a second dimension", labels, { TinyIDXDataset.idx(type: 0x08, dims: [65, 1], payload: Array($0.dropFirst(8))) }),
        ]
        for (name, file, damage) in cases {
            let folder = try damagedFolder(file, damage)
            let expected = loadingRefusal(folder)
            XCTAssertNotNil(expected, name)
            XCTAssertEqual(streamedRefusal(folder) as? DatasetError, expected, name)
            XCTAssertTrue(expected?.description.contains(folder + "/train-") == true, "\(name): \(String(describing: expected))")
        }
        // A .gz name on bytes that are not gzip.
        let folder = try damagedFolder(images) { $0 }
        try FileManager.default.moveItem(atPath: folder + "/" + images, toPath: folder + "/" + images + ".gz")
        let expected = loadingRefusal(folder)
        guard case .unreadable(let error)? = expected else { return XCTFail("expected unreadable, got \(String(describing: expected))") }
        XCTAssertEqual(error.kind, .notGzip)
        XCTAssertEqual(streamedRefusal(folder) as? DatasetError, expected)
    }

    func testTaskWithoutExamplesIsRefusedAsWhenLoaded() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        try TinyIDXDataset.write(to: folder, trainCount: 1, testCount: 1)
        let task = try BinaryTask(parsing: "0-4:5-9"), dataset = try DatasetLoader.load(path: folder.path)
        let expected = Result { () throws(ConfigurationError) in
            try BinarizedExamples(images: dataset.train, task: task, threshold: 128, split: dataset.train.source)
        }
        guard case .failure(let refusal) = expected else { return XCTFail("one example cannot fill both groups of \(task)") }
        XCTAssertEqual(refusal, .emptyTaskGroup(task: task.description, group: 1, split: dataset.train.source))
        XCTAssertThrowsError(try IDXTaskFolder.open(folder: folder.path).binarized(task: task, threshold: 128)) { error in
            XCTAssertEqual(error as? ConfigurationError, refusal)
        }
    }
}
