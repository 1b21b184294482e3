import Foundation
import LUTNet
import XCTest

/// The IDX reader on the committed fixtures: every fault has its own error kind and a message that
/// names the file; every element type decodes to the exact values the generator wrote.
final class IDXReaderTests: XCTestCase {
    /// Reads `relative` expecting a refusal of `kind` whose message names the file and says `phrase`.
    private func assertRefused(_ relative: String, _ kind: IDXReadError.Kind, saying phrase: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        let path = Fixtures.path(relative)
        do {
            let tensor = try IDXTensor.read(path: path)
            XCTFail("\(relative) was read as \(tensor.shape), expected \(kind)", file: file, line: line)
        } catch {
            XCTAssertEqual(error.kind, kind, "\(relative): \(error.message)", file: file, line: line)
            XCTAssertEqual(error.path, path, file: file, line: line)
            XCTAssertTrue(error.message.hasPrefix(path + ": "), "message does not name the file: \(error.message)",
                          file: file, line: line)
            XCTAssertTrue(error.message.contains(phrase), "message lacks '\(phrase)': \(error.message)",
                          file: file, line: line)
            XCTAssertEqual(error.description, error.message, file: file, line: line)
        }
    }

    // MARK: - Faults

    func testMissingFileCannotBeOpened() {
        assertRefused("bad/no-such-file.gz", .cannotOpen, saying: "cannot open (No such file or directory)")
    }

    func testFolderIsAReadError() {
        assertRefused("bad", .readError, saying: "cannot read (Is a directory)")
    }

    func testEmptyFile() {
        assertRefused("bad/empty.gz", .emptyFile, saying: "the file is empty")
    }

    func testPlainBytesUnderGzipName() {
        assertRefused("bad/not-gzip.gz", .notGzip, saying: "not a gzip file (starts with 0x0000, expected 0x1f8b)")
    }

    func testTruncatedGzip() {
        assertRefused("bad/truncated-gzip.gz", .gzipTruncated, saying: "truncated gzip stream")
    }

    func testCorruptCRC() {
        assertRefused("bad/corrupt-crc.gz", .gzipCorrupt, saying: "corrupt gzip stream")
    }

    func testBytesAfterTheGzipStream() {
        assertRefused("bad/garbage-after-gzip.gz", .gzipCorrupt,
                      saying: "5 bytes after the end of the gzip data are not a gzip member")
    }

    func testBadMagic() {
        assertRefused("bad/bad-magic.gz", .badMagic, saying: "bad IDX magic 0x01000803")
    }

    func testUnknownElementType() {
        assertRefused("bad/unknown-element-type.gz", .unknownElementType, saying: "unknown IDX element type 0x0a")
    }

    func testZeroRank() {
        assertRefused("bad/bad-rank.gz", .badRank, saying: "IDX rank 0 is not supported")
    }

    func testZeroDimension() {
        assertRefused("bad/zero-dimension.gz", .zeroDimension, saying: "IDX dimension 2 of 3 is zero")
    }

    func testOverflowingDimensions() {
        assertRefused("bad/too-large.gz", .tooLarge, saying: "their product overflows")
    }

    func testTruncatedHeader() {
        assertRefused("bad/truncated-header.gz", .truncatedHeader, saying: "ends inside the IDX header (expected 16 bytes)")
    }

    func testShortPayload() {
        assertRefused("bad/payload-short.gz", .truncatedData, saying: "the header says 24 bytes, the file has 23")
        assertRefused("bad/payload-short.idx3", .truncatedData, saying: "the header says 24 bytes, the file has 23")
    }

    func testLongPayload() {
        assertRefused("bad/payload-long.gz", .trailingData, saying: "1 trailing byte after the 24 bytes")
        assertRefused("bad/payload-long.idx3", .trailingData, saying: "1 trailing byte after the 24 bytes")
    }

    // MARK: - Valid files

    func testUnsignedBytes() throws {
        let tensor = try IDXTensor.read(path: Fixtures.path("idx/uint8.idx3.gz"))
        XCTAssertEqual(tensor.elementType, .uint8)
        XCTAssertEqual(tensor.shape, [2, 3, 4])
        XCTAssertEqual(tensor.elementCount, 24)
        XCTAssertEqual(tensor.path, Fixtures.path("idx/uint8.idx3.gz"))
        XCTAssertEqual(tensor.withUnsignedBytes { Array($0) }, Array(0..<24))
    }

    func testInt32Values() throws {
        let vector = try IDXTensor.read(path: Fixtures.path("idx/int32.idx1-int.gz"))
        XCTAssertEqual(vector.elementType, .int32)
        XCTAssertEqual(vector.shape, [6])
        XCTAssertEqual(vector.withUnsafeBytes { Array($0.bindMemory(to: Int32.self)) },
                       [0, 1, -1, Int32.max, Int32.min, 0x1234_5678])
        XCTAssertEqual(vector.doubleValues(), [0, 1, -1, 2_147_483_647, -2_147_483_648, 305_419_896])

        let matrix = try IDXTensor.read(path: Fixtures.path("idx/int32.idx2-int.gz"))
        XCTAssertEqual(matrix.elementType, .int32)
        XCTAssertEqual(matrix.shape, [2, 3])
        XCTAssertEqual(matrix.withUnsafeBytes { Array($0.bindMemory(to: Int32.self)) },
                       [0, -7, 70000, -70000, 1_000_000, 123])
    }

    func testInt16Values() throws {
        let tensor = try IDXTensor.read(path: Fixtures.path("idx/int16.idx1.gz"))
        XCTAssertEqual(tensor.elementType, .int16)
        XCTAssertEqual(tensor.shape, [4])
        XCTAssertEqual(tensor.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }, [0, 1, -1, Int16.min])
    }

    func testInt8Values() throws {
        let tensor = try IDXTensor.read(path: Fixtures.path("idx/int8.idx1.gz"))
        XCTAssertEqual(tensor.elementType, .int8)
        XCTAssertEqual(tensor.doubleValues(), [0, 1, -1, -128])
    }

    func testFloat32Values() throws {
        let tensor = try IDXTensor.read(path: Fixtures.path("idx/float32.idx1.gz"))
        XCTAssertEqual(tensor.elementType, .float32)
        XCTAssertEqual(tensor.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }, [1.5, -2.25, 1e-3])
    }

    func testFloat64Values() throws {
        let tensor = try IDXTensor.read(path: Fixtures.path("idx/float64.idx1.gz"))
        XCTAssertEqual(tensor.elementType, .float64)
        XCTAssertEqual(tensor.doubleValues(), [1.5, -2.25, 1e-300])
    }

    func testMultiMemberGzip() throws {
        let tensor = try IDXTensor.read(path: Fixtures.path("idx/multi-member.idx1.gz"))
        XCTAssertEqual(tensor.shape, [10])
        XCTAssertEqual(tensor.withUnsignedBytes { Array($0) }, Array(0..<10))
    }

    func testPlainFile() throws {
        let tensor = try IDXTensor.read(path: Fixtures.path("idx/plain.idx1"))
        XCTAssertEqual(tensor.elementType, .uint8)
        XCTAssertEqual(tensor.shape, [4])
        XCTAssertEqual(tensor.withUnsignedBytes { Array($0) }, [9, 8, 7, 255])
    }

    func testElementSizes() {
        XCTAssertEqual([IDXElementType.uint8, .int8, .int16, .int32, .float32, .float64].map(\.size), [1, 1, 2, 4, 4, 8])
    }
}
