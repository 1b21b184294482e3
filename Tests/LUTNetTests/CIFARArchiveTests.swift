import CSupport
import Foundation
import XCTest
@testable import LUTNet

/// The CIFAR-10 binary archive and folder loaders, on the fixture written by
/// Data/make_cifar_fixture.py, its damaged variants, and the real CIFAR-10 in ../shared/datasets.
final class CIFARArchiveTests: XCTestCase {
    private static let fixtures = Fixtures.path("cifar10-binary")
    private static let archive = fixtures + "/cifar-10-binary.tar.gz"
    private static let folder = fixtures + "/cifar-10-batches-bin"

    /// Records per batch in the fixture: data_batch_1 ... data_batch_5, then test_batch (batch 6).
    private static let records = [1: 2, 2: 3, 3: 1, 4: 2, 5: 2, 6: 3]

    // The fixture's generator formulas (Data/make_cifar_fixture.py).
    private static func label(_ b: Int, _ r: Int) -> UInt8 { UInt8((3 * b + r) % 10) }
    private static func pixel(_ b: Int, _ r: Int, _ c: Int, _ y: Int, _ x: Int) -> UInt8 {
        UInt8((37 * b + 11 * r + 85 * c + 5 * y + 3 * x) % 256)
    }

    /// Interleaved (y, x, channel) pixels and labels of the given batches, from the formulas.
    private static func expected(batches: [Int]) -> (pixels: [UInt8], labels: [UInt8]) {
        var pixels: [UInt8] = [], labels: [UInt8] = []
        for b in batches {
            for r in 0..<records[b]! {
                labels.append(label(b, r))
                for y in 0..<32 { for x in 0..<32 { for c in 0..<3 { pixels.append(pixel(b, r, c, y, x)) } } }
            }
        }
        return (pixels, labels)
    }

    private static func pixels(of set: ImageSet) -> [UInt8] { set.withPixels { Array($0) } }

    private func assertFixtureContent(_ dataset: Dataset, file: StaticString = #filePath, line: UInt = #line) {
        let train = Self.expected(batches: [1, 2, 3, 4, 5]), test = Self.expected(batches: [6])
        XCTAssertEqual(dataset.train.count, 10, file: file, line: line)
        XCTAssertEqual(dataset.train.imageShape, [32, 32, 3], file: file, line: line)
        XCTAssertEqual(dataset.train.labels, train.labels, file: file, line: line)
        XCTAssertEqual(Self.pixels(of: dataset.train), train.pixels, file: file, line: line)
        XCTAssertEqual(dataset.test?.count, 3, file: file, line: line)
        XCTAssertEqual(dataset.test?.imageShape, [32, 32, 3], file: file, line: line)
        XCTAssertEqual(dataset.test?.labels, test.labels, file: file, line: line)
        XCTAssertEqual(dataset.test.map(Self.pixels(of:)), test.pixels, file: file, line: line)
    }

    func testArchiveGivesTheExactPixelsAndLabels() throws {
        let dataset = try CIFARBinaryLoader.load(archive: Self.archive)
        assertFixtureContent(dataset)
        // Batches are stored out of order in the archive; training order is data_batch_1 ... 5.
        XCTAssertEqual(dataset.train.labels, [3, 4, 6, 7, 8, 9, 2, 3, 5, 6])
        XCTAssertEqual(dataset.test?.labels, [8, 9, 0])
        let train = Self.pixels(of: dataset.train)
        // Image 0 (data_batch_1, record 0): red plane starts at 37, green at 122, blue at 207;
        // interleaved, the first pixel is (37, 122, 207) and the next one, x = 1, starts with 40.
        XCTAssertEqual(Array(train[0..<6]), [37, 122, 207, 40, 125, 210])
        // Row 1, column 2 of image 0: offset (1 * 32 + 2) * 3.
        XCTAssertEqual(Array(train[102..<105]), [48, 133, 218])
        // Image 2 is data_batch_2's first record; image 9 is data_batch_5's second.
        XCTAssertEqual(Array(train[2 * 3072..<2 * 3072 + 3]), [74, 159, 244])
        XCTAssertEqual(Array(train[9 * 3072..<9 * 3072 + 3]), [196, 25, 110])
        // Last pixel of the last image (y = x = 31): red 196 + 155 + 93.
        XCTAssertEqual(Array(train[(10 * 3072 - 3)...]), [188, 17, 102])
    }

    func testUnpackedFolderEqualsArchive() throws {
        assertFixtureContent(try CIFARBinaryLoader.load(folder: Self.folder))
        assertFixtureContent(try CIFARBinaryLoader.load(archive: Self.fixtures + "/cifar-10-binary-pax.tgz"))
        assertFixtureContent(try CIFARBinaryLoader.load(archive: Self.fixtures + "/cifar-10-binary-long-name.tar.gz"))
        // Two gzip members one after the other, split inside data_batch_3.bin, read as one archive.
        assertFixtureContent(try CIFARBinaryLoader.load(archive: Self.fixtures + "/cifar-10-binary-two-members.tar.gz"))
    }

    func testDatasetLoaderAcceptsEveryForm() throws {
        for path in [Self.archive, Self.folder, Self.fixtures, Self.fixtures + "/cifar-10-binary-pax.tgz"] {
            let dataset = try DatasetLoader.load(path: path)
            assertFixtureContent(dataset)
            XCTAssertEqual(dataset.location, path == Self.fixtures ? Self.folder : path)
        }
    }

    func testDecodeRecordsInterleavesPlanes() {
        // Two records: labels 7 and 11; record i has red = i + 1, green = 100 + p % 7, blue = p % 256.
        var records = [UInt8](repeating: 0, count: 2 * 3073)
        for i in 0..<2 {
            records[i * 3073] = i == 0 ? 7 : 11
            for p in 0..<1024 {
                records[i * 3073 + 1 + p] = UInt8(i + 1)
                records[i * 3073 + 1 + 1024 + p] = UInt8(100 + p % 7)
                records[i * 3073 + 1 + 2048 + p] = UInt8(p % 256)
            }
        }
        var pixels = [UInt8](repeating: 0, count: 2 * 3072), labels = [UInt8](repeating: 0, count: 2)
        let firstBad = lutnet_cifar_decode_records(records, 2, 9, &pixels, &labels)
        XCTAssertEqual(firstBad, 1)
        XCTAssertEqual(labels, [7, 11])
        for i in 0..<2 {
            for p in [0, 1, 31, 32, 500, 1023] {
                XCTAssertEqual(Array(pixels[i * 3072 + 3 * p..<i * 3072 + 3 * p + 3]),
                               [UInt8(i + 1), UInt8(100 + p % 7), UInt8(p % 256)])
            }
        }
        XCTAssertEqual(lutnet_cifar_decode_records(records, 1, 9, &pixels, &labels), 1)
        XCTAssertEqual(lutnet_cifar_decode_records(records, 2, 11, &pixels, &labels), 2)
    }

    // MARK: damaged archives

    private func loadError(archive path: String) -> DatasetError? {
        do {
            _ = try CIFARBinaryLoader.load(archive: path)
            return nil
        } catch {
            return error
        }
    }

    private func assertArchiveError(_ name: String, _ kind: ArchiveReadError.Kind, mentions: [String] = [],
                                    file: StaticString = #filePath, line: UInt = #line) {
        let path = Self.fixtures + "/broken/" + name
        guard case .cifar(.archive(let error)) = loadError(archive: path) else {
            return XCTFail("\(name): expected an archive error, got \(String(describing: loadError(archive: path)))",
                           file: file, line: line)
        }
        XCTAssertEqual(error.kind, kind, error.message, file: file, line: line)
        XCTAssertEqual(error.path, path, file: file, line: line)
        for text in [path] + mentions {
            XCTAssertTrue(error.message.contains(text), "'\(error.message)' should mention \(text)", file: file, line: line)
        }
        XCTAssertEqual(error.message.components(separatedBy: path).count, 2, "'\(error.message)' should name \(path) once",
                       file: file, line: line)
    }

    func testTruncatedGzipIsReported() {
        assertArchiveError("truncated-gzip.tar.gz", .gzipTruncated,
                           mentions: ["truncated gzip stream while reading", "(zlib: unexpected end of file)"])
    }

    func testCorruptGzipTrailerIsReported() {
        assertArchiveError("corrupt-gzip.tar.gz", .gzipCorrupt,
                           mentions: ["corrupt gzip stream while reading", "(zlib: incorrect data check)"])
    }

    func testBytesAfterTheGzipStreamAreRefused() throws {
        let path = Self.fixtures + "/broken/garbage-after-gzip.tar.gz"
        guard case .cifar(.archive(let error)) = loadError(archive: path) else {
            return XCTFail("expected an archive error, got \(String(describing: loadError(archive: path)))")
        }
        XCTAssertEqual(error.kind, .gzipCorrupt)
        XCTAssertEqual(error.message, "\(path): corrupt gzip stream while reading the end of the archive: "
                       + "15 bytes after the end of the gzip data are not a gzip member")
        // Every entry before the end reads normally; the refusal comes with the end of the archive.
        let reader = try TarArchiveReader(path: path)
        var names: [String] = []
        XCTAssertThrowsError(try { while let entry = try reader.next() { names.append(entry.name) } }()) { error in
            XCTAssertEqual((error as? ArchiveReadError)?.kind, .gzipCorrupt)
        }
        XCTAssertEqual(names.count, 9)
        XCTAssertEqual(names.last, "cifar-10-batches-bin/data_batch_2.bin")
    }

    func testFolderIsAReadError() throws {
        let folder = try Fixtures.temporaryFolder(for: self).path + "/folder.tar"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        XCTAssertThrowsError(try TarArchiveReader(path: folder)) { error in
            XCTAssertEqual((error as? ArchiveReadError)?.kind, .readError)
            XCTAssertEqual((error as? ArchiveReadError)?.message, "\(folder): cannot read (Is a directory)")
        }
    }

    func testTarEndingInsideABatchIsReported() {
        assertArchiveError("truncated-tar.tar.gz", .truncatedArchive,
                           mentions: ["cifar-10-batches-bin/data_batch_5.bin", "should have 6146 bytes"])
    }

    func testBadHeaderChecksumIsReported() {
        assertArchiveError("bad-checksum.tar.gz", .badChecksum,
                           mentions: ["cifar-10-batches-bin/data_batch_3.bin", "checksum"])
    }

    func testShortRecordIsReported() throws {
        let path = Self.fixtures + "/broken/short-record.tar.gz"
        let error = try XCTUnwrap(loadError(archive: path))
        XCTAssertEqual(error, .cifar(.partialRecord(file: path, member: "cifar-10-batches-bin/data_batch_3.bin",
                                                    byteCount: 3173)))
        XCTAssertEqual(error.description, "\(path): cifar-10-batches-bin/data_batch_3.bin: 3173 bytes is not a "
                       + "whole number of 3073-byte records (the last record has only 100 bytes)")
    }

    func testMissingBatchIsNamed() throws {
        let path = Self.fixtures + "/broken/missing-batch.tar.gz"
        let error = try XCTUnwrap(loadError(archive: path))
        XCTAssertEqual(error, .cifar(.missingBatches(location: path, batches: ["data_batch_4.bin"])))
        XCTAssertEqual(error.description, "\(path): missing CIFAR-10 batch data_batch_4.bin")
    }

    func testLabelAboveNineIsReported() throws {
        let path = Self.fixtures + "/broken/bad-label.tar.gz"
        let error = try XCTUnwrap(loadError(archive: path))
        XCTAssertEqual(error, .cifar(.labelOutOfRange(file: path, member: "cifar-10-batches-bin/data_batch_2.bin",
                                                      record: 1, label: 12)))
        XCTAssertTrue(error.description.contains("record 1 has label 12"), error.description)
    }

    func testOversizedBatchIsRefusedBeforeReading() throws {
        // The fixture's header claims 400,000,000 bytes in an 835-byte gzip file: the tar reader
        // refuses the claim before the loader sees it.
        let path = Self.fixtures + "/broken/oversized-batch.tar.gz"
        let error = try XCTUnwrap(loadError(archive: path))
        XCTAssertEqual(error.description, "\(path): tar archive is truncated: 'cifar-10-batches-bin/data_batch_1.bin' at byte 0 "
                       + "should have 400000000 bytes, more than the file can hold")
        // The same header in a plain archive that holds the bytes (a sparse file): the loader
        // refuses the batch for its size before reading it.
        let header = try FileContents.read(path: path, maxLength: 1 << 20).withUnsafeBytes { Data($0.prefix(512)) }
        let sparse = try Fixtures.temporaryFolder(for: self).appendingPathComponent("oversized-batch.tar")
        try header.write(to: sparse)
        let handle = try FileHandle(forWritingTo: sparse)
        try handle.truncate(atOffset: 512 + 400_000_000 + 1024)
        try handle.close()
        let oversized = try XCTUnwrap(loadError(archive: sparse.path))
        XCTAssertEqual(oversized, .cifar(.oversizedBatch(file: sparse.path, member: "cifar-10-batches-bin/data_batch_1.bin",
                                                         byteCount: 400_000_000)))
        XCTAssertTrue(oversized.description.hasPrefix(sparse.path + ": cifar-10-batches-bin/data_batch_1.bin: 400000000 bytes"),
                      oversized.description)
    }

    func testArchiveWithoutCIFARFolderIsRefused() throws {
        let path = Self.fixtures + "/broken/not-cifar.tar.gz"
        XCTAssertEqual(loadError(archive: path), .cifar(.notCIFARArchive(path: path)))
        XCTAssertThrowsError(try DatasetLoader.load(path: path)) { error in
            XCTAssertTrue("\(error)".hasPrefix(path + ": holds no cifar-10-batches-bin/"), "\(error)")
        }
    }

    func testFilesThatAreNotArchivesAreRefused() throws {
        let folder = try Fixtures.temporaryFolder(for: self).path
        let notGzip = folder + "/plain.tar.gz", notTar = folder + "/text.tar", empty = folder + "/empty.tgz"
        try Data(String(repeating: "not an archive\n", count: 50).utf8).write(to: URL(fileURLWithPath: notGzip))
        try Data(String(repeating: "not an archive\n", count: 50).utf8).write(to: URL(fileURLWithPath: notTar))
        try Data().write(to: URL(fileURLWithPath: empty))
        guard case .cifar(.archive(let a)) = loadError(archive: notGzip),
              case .cifar(.archive(let b)) = loadError(archive: notTar),
              case .cifar(.archive(let c)) = loadError(archive: empty),
              case .cifar(.archive(let d)) = loadError(archive: folder + "/absent.tar.gz") else {
            return XCTFail("expected archive errors")
        }
        XCTAssertEqual([a.kind, b.kind, c.kind, d.kind], [.notGzip, .badChecksum, .emptyFile, .cannotOpen])
        XCTAssertEqual(b.message, "\(notTar): not a tar archive (the first 512 bytes are not a tar header)")
        XCTAssertEqual(c.message, "\(empty): the file is empty")
        XCTAssertTrue(a.message.hasPrefix("\(notGzip): not a gzip file"), a.message)
    }

    // MARK: damaged folders

    /// A copy of the fixture folder, changed by `change`.
    private func damagedFolder(_ change: (String) throws -> Void) throws -> String {
        let folder = try Fixtures.temporaryFolder(for: self).path + "/cifar-10-batches-bin"
        try FileManager.default.copyItem(atPath: Self.folder, toPath: folder)
        try change(folder)
        return folder
    }

    private func folderError(_ folder: String) -> DatasetError? {
        do {
            _ = try DatasetLoader.load(path: folder)
            return nil
        } catch {
            return error
        }
    }

    func testFolderWithMissingBatchesNamesThem() throws {
        let folder = try damagedFolder { folder in
            try FileManager.default.removeItem(atPath: folder + "/data_batch_2.bin")
            try FileManager.default.removeItem(atPath: folder + "/test_batch.bin")
        }
        XCTAssertEqual(folderError(folder),
                       .cifar(.missingBatches(location: folder, batches: ["data_batch_2.bin", "test_batch.bin"])))
        XCTAssertEqual(folderError(folder)?.description,
                       "\(folder): missing CIFAR-10 batches data_batch_2.bin, test_batch.bin")
    }

    func testFolderWithShortRecordNamesTheFile() throws {
        let folder = try damagedFolder { folder in
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: folder + "/data_batch_4.bin"))
            handle.seekToEndOfFile()
            handle.write(Data([1, 2, 3, 4, 5]))
            handle.closeFile()
        }
        XCTAssertEqual(folderError(folder),
                       .cifar(.partialRecord(file: folder + "/data_batch_4.bin", member: nil, byteCount: 6151)))
    }

    func testFolderWithBadLabelOrEmptyBatchNamesTheFile() throws {
        let relabeled = try damagedFolder { folder in
            var bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/test_batch.bin"))
            bytes[2 * 3073] = 10
            try bytes.write(to: URL(fileURLWithPath: folder + "/test_batch.bin"))
        }
        XCTAssertEqual(folderError(relabeled),
                       .cifar(.labelOutOfRange(file: relabeled + "/test_batch.bin", member: nil, record: 2, label: 10)))
        let emptied = try damagedFolder { folder in
            try Data().write(to: URL(fileURLWithPath: folder + "/data_batch_1.bin"))
        }
        XCTAssertEqual(folderError(emptied), .cifar(.emptyBatch(file: emptied + "/data_batch_1.bin", member: nil)))
    }

    // MARK: the tar reader itself

    func testTarReaderListsEntriesWithLongNames() throws {
        let longName = "cifar-10-batches-bin/notes-" + String(repeating: "abcdefghij", count: 14) + ".txt"
        let order = ["data_batch_1.bin", "batches.meta.txt", "data_batch_3.bin", "data_batch_4.bin",
                     "test_batch.bin", "readme.html", "data_batch_5.bin", "data_batch_2.bin"]
        for name in ["cifar-10-binary-pax.tgz", "cifar-10-binary-long-name.tar.gz"] {
            let reader = try TarArchiveReader(path: Self.fixtures + "/" + name)
            var entries: [TarEntry] = []
            while let entry = try reader.next() { entries.append(entry) }
            XCTAssertEqual(entries.map(\.name), ["cifar-10-batches-bin/"] + order.map { "cifar-10-batches-bin/" + $0 }
                           + [longName], name)
            XCTAssertEqual(entries.map(\.kind), [.directory] + Array(repeating: .regularFile, count: 9), name)
            XCTAssertEqual(entries[1].size, 6146)
            XCTAssertEqual(entries[9].size, 46)
            XCTAssertNil(try reader.next(), "the end stays the end")
        }
    }

    func testTarReaderReadsDataInPieces() throws {
        let reader = try TarArchiveReader(path: Self.archive)
        var entry = try XCTUnwrap(try reader.next())
        while entry.name != "cifar-10-batches-bin/batches.meta.txt" { entry = try XCTUnwrap(try reader.next()) }
        XCTAssertEqual(reader.remaining, 61)
        var bytes = [UInt8](repeating: 0, count: 61)
        try bytes.withUnsafeMutableBytes { raw in
            try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<8]))
            try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[8...]))
        }
        XCTAssertEqual(reader.remaining, 0)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self).split(separator: "\n").first, "airplane")
        var one = [UInt8](repeating: 0, count: 1)
        XCTAssertThrowsError(try one.withUnsafeMutableBytes { try reader.read(into: $0) }) { error in
            XCTAssertEqual((error as? ArchiveReadError)?.kind, .readError)
        }
        // The next entry follows on; unread data is skipped.
        XCTAssertEqual(try reader.next()?.name, "cifar-10-batches-bin/data_batch_3.bin")
        XCTAssertEqual(try reader.next()?.name, "cifar-10-batches-bin/data_batch_4.bin")
    }

    // MARK: real data

    func testSharedCIFAR10InIDXFormIsReadable() throws {
        let folder = try Fixtures.shared("cifar10")
        let dataset = try DatasetLoader.load(path: folder)
        XCTAssertEqual(dataset.train.count, 50_000)
        XCTAssertEqual(dataset.train.imageShape, [32, 32, 3])
        XCTAssertEqual(dataset.test?.count, 10_000)
        XCTAssertEqual(dataset.test?.imageShape, [32, 32, 3])
        XCTAssertEqual(dataset.train.classCounts(), Array(repeating: 5_000, count: 10))
        XCTAssertEqual(dataset.test?.classCounts(), Array(repeating: 1_000, count: 10))
        // The first ten training labels of data_batch_1 (frog, truck, truck, deer, automobile, …).
        XCTAssertEqual(Array(dataset.train.labels.prefix(10)), [6, 9, 9, 4, 1, 1, 2, 7, 8, 3])
    }
}
