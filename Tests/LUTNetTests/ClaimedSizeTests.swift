import CLUTNetAPI
import Foundation
import XCTest
@testable import LUTNet

/// Files whose headers claim far more than they hold: every reader refuses them with a message
/// naming the file before it sizes a buffer from the claim, and the commands exit with that
/// message rather than a crash.
final class ClaimedSizeTests: XCTestCase {
    /// The claim: 3 images of 1 × 3,800,000,000 bytes (their bits alone would take 30 GB).
    static let claimedDims = [3, 1, 3_800_000_000]

    /// A dataset folder whose training images file holds the IDX header of `claimedDims` and no
    /// data (gzip-compressed: 39 bytes, or plain: 16), beside three labels; returns the folder,
    /// the images file and the start of the message that refuses it.
    static func hugeClaimFolder(in parent: URL, gzip: Bool) throws -> (folder: String, images: String, message: String) {
        let folder = parent.appendingPathComponent(gzip ? "huge-gzip" : "huge-plain")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let suffix = gzip ? ".gz" : ""
        let images = folder.appendingPathComponent("train-images-idx3-ubyte" + suffix)
        let header = TinyIDXDataset.idx(type: 0x08, dims: claimedDims, payload: [])
        try (gzip ? TinyIDXDataset.gzip(header) : header).write(to: images)
        let labels = TinyIDXDataset.idx(type: 0x08, dims: [3], payload: [0, 1, 0])
        try (gzip ? TinyIDXDataset.gzip(labels) : labels).write(to: folder.appendingPathComponent("train-labels-idx1-ubyte" + suffix))
        let claimed = claimedDims.reduce(1, *)
        let message = gzip ? "\(images.path): IDX data is truncated: the header says \(claimed) bytes, more than the"
            : "\(images.path): IDX data is truncated: the header says \(claimed) bytes, the file has 0"
        return (folder.path, images.path, message)
    }

    private func assertRefused(_ error: Error, _ message: String, _ what: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        let read: IDXReadError? = switch error {
        case let error as IDXReadError: error
        case DatasetError.unreadable(let error): error
        default: nil
        }
        XCTAssertEqual(read?.kind, .truncatedData, "\(what): \(error)", file: file, line: line)
        XCTAssertTrue("\(error)".hasPrefix(message), "\(what): \(error)", file: file, line: line)
    }

    func testAHeaderClaimingMoreThanTheFileHoldsIsRefusedByEveryReader() throws {
        let parent = try Fixtures.temporaryFolder(for: self)
        for gzip in [true, false] {
            let (folder, images, message) = try Self.hugeClaimFolder(in: parent, gzip: gzip)
            XCTAssertThrowsError(try IDXTensor.read(path: images)) { assertRefused($0, message, "read") }
            XCTAssertThrowsError(try IDXTensor.readShard(path: images, shard: 0, of: 2)) { assertRefused($0, message, "shard") }
            XCTAssertThrowsError(try IDXBitStream(path: images)) { assertRefused($0, message, "bit stream") }
            XCTAssertThrowsError(try IDXTaskFolder.open(folder: folder)) { assertRefused($0, message, "task folder") }
            XCTAssertThrowsError(try DatasetLoader.load(path: folder)) { assertRefused($0, message, "dataset") }
            var data: OpaquePointer?
            var error = lutnet_error()
            XCTAssertEqual(lutnet_dataset_load(folder, &data, &error), LUTNET_ERROR_DATASET)
            XCTAssertNil(data)
            let text = withUnsafeBytes(of: error.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            XCTAssertTrue(text.hasPrefix(message), text)
        }
    }

    func testAGzipFileAsCompressedAsGzipMakesItIsNotRefused() throws {
        // 10 MiB of zeros, which gzip -9 compresses 1,027 to 1 (deflate's bound is 1,032 to 1),
        // after a gzip member holding the IDX header.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "head -c 10485760 /dev/zero | gzip -9"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try XCTSkipIf(process.terminationStatus != 0 || compressed.isEmpty, "gzip is not available to make the file")
        let header = TinyIDXDataset.gzip(TinyIDXDataset.idx(type: 0x08, dims: [10, 1024, 1024], payload: []))
        let images = try Fixtures.temporaryFolder(for: self).appendingPathComponent("zeros.gz")
        try (header + compressed).write(to: images)
        XCTAssertGreaterThan(10_485_760 / (header.count + compressed.count), 1000)
        let tensor = try IDXTensor.read(path: images.path)
        XCTAssertEqual(tensor.shape, [10, 1024, 1024])
        XCTAssertTrue(tensor.withUnsignedBytes { $0.allSatisfy { $0 == 0 } })
        XCTAssertEqual(try IDXBitStream(path: images.path).shape, [10, 1024, 1024])
    }

    func testABitMatrixLargerThanTheMachinesMemoryIsRefusedBeforeItIsAllocated() {
        XCTAssertThrowsError(try BitMatrix.checkSize(rows: LUTNetLimits.maxSources, columns: LUTNetLimits.maxExamples)) { error in
            XCTAssertTrue("\(error)".contains("more than the machine's"), "\(error)")
        }
        XCTAssertThrowsError(try BitMatrix.checkSize(rows: LUTNetLimits.maxSources, columns: 64)) { error in
            XCTAssertTrue("\(error)".contains("34.4 GB"), "\(error)")
        }
    }
}

extension CommandLineTests {
    func testEveryCommandRefusesAnIDXHeaderClaimingMoreThanTheFileHolds() throws {
        let parent = try Fixtures.temporaryFolder(for: self)
        let (folder, _, message) = try ClaimedSizeTests.hugeClaimFolder(in: parent, gzip: true)
        let out = parent.appendingPathComponent("results").path
        let commands = [["train", "--data", folder, "--task", "0:1"], ["train", "--data", folder, "--task", "all"],
                        ["info", folder], ["baseline", "--data", folder, "--task", "0:1"],
                        ["compare", "--data", folder, "--task", "0:1"], ["bench", "train", "--data", folder],
                        ["eval", "--model", Fixtures.path("models/v2-tiny-k6.lut"), "--data", folder],
                        ["experiment", "depth", "--data", folder, "--out", out, "--depths", "1", "--seeds", "1"]]
        for arguments in commands {
            let outcome = try run(arguments)
            // A crash ends with the signal's number (SIGABRT: 6); a refusal with 1 and the message.
            XCTAssertEqual(outcome.status, 1, "\(arguments): \(outcome.errors)")
            XCTAssertTrue(outcome.errors.contains("Error: " + message), "\(arguments): \(outcome.errors)")
        }
    }

    func testTrainRefusesImagesWhoseBitsExceedTheMachinesMemory() throws {
        // 3 images of 4,294,967,295 bytes, as a sparse file of that size: their bits take 34.4 GB.
        let features = Int(UInt32.max), bitBytes = features * 8
        try XCTSkipIf(ProcessInfo.processInfo.physicalMemory >= UInt64(bitBytes), "the machine has room for \(bitBytes) bytes")
        let folder = try Fixtures.temporaryFolder(for: self)
        let images = folder.appendingPathComponent("train-images-idx3-ubyte")
        let header = TinyIDXDataset.idx(type: 0x08, dims: [3, 1, features], payload: [])
        try header.write(to: images)
        let handle = try FileHandle(forWritingTo: images)
        try handle.truncate(atOffset: UInt64(header.count + 3 * features))
        try handle.close()
        try TinyIDXDataset.idx(type: 0x08, dims: [3], payload: [0, 1, 0])
            .write(to: folder.appendingPathComponent("train-labels-idx1-ubyte"))
        let outcome = try run(["train", "--data", folder.path, "--task", "0:1"])
        XCTAssertEqual(outcome.status, 1, outcome.errors)
        XCTAssertTrue(outcome.errors.contains("Error: \(images.path): cannot binarize its images: invalid bit matrix size: "
                                              + "\(features) rows × 3 columns take 34.4 GB, more than the machine's"), outcome.errors)
    }

    func testEvalAndPredictRefuseAModelFilePaddedPastItsDeclaredSize() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        let model = try MultiClassModelFileTests.paddedModel(in: folder)
        let data = Fixtures.path("tiny")
        for arguments in [["eval", "--model", model.path, "--data", data],
                          ["predict", "--model", model.path, data + "/t10k-images-idx3-ubyte.gz"]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 1, "\(arguments): \(outcome.errors)")
            XCTAssertTrue(outcome.errors.contains("Error: \(model.path): malformed model file: \(model.extra) bytes after the end "
                                                  + "of the model (its header declares \(model.declared) bytes)"), outcome.errors)
        }
    }
}
