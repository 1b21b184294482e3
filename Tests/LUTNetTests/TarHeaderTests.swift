import Foundation
import XCTest
@testable import LUTNet

/// Damaged tar headers built by hand: sizes that would wrap the reader's offsets, and extension
/// headers with no entry after them.
final class TarHeaderTests: XCTestCase {
    /// A 512-byte ustar header for `name` of `size` bytes and type `type`, with its checksum.
    func header(name: String, size: UInt64, type: Character, binarySize: Bool = false) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        for (i, byte) in name.utf8.prefix(100).enumerated() { block[i] = byte }
        if binarySize {
            // GNU base-256 form: the high bit of the first byte, then the value big-endian.
            block[124] = 0x80
            for i in 0..<8 { block[124 + 4 + i] = UInt8(truncatingIfNeeded: size >> UInt64(8 * (7 - i))) }
        } else {
            for (i, byte) in String(format: "%011llo", size).utf8.enumerated() { block[124 + i] = byte }
        }
        block[156] = UInt8(ascii: type.unicodeScalars.first ?? "0")
        for (i, byte) in "ustar\u{0}00".utf8.enumerated() { block[257 + i] = byte }
        for i in 148..<156 { block[i] = UInt8(ascii: " ") }
        let sum = block.reduce(0) { $0 + Int($1) }
        for (i, byte) in String(format: "%06o", sum).utf8.enumerated() { block[148 + i] = byte }
        block[154] = 0
        return block
    }

    func write(_ blocks: [[UInt8]]) throws -> String {
        let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("crafted.tar").path
        try Data(blocks.flatMap { $0 }).write(to: URL(fileURLWithPath: path))
        return path
    }

    func errorKind(reading path: String) -> ArchiveReadError? {
        do {
            let reader = try TarArchiveReader(path: path)
            while try reader.next() != nil {}
            return nil
        } catch {
            return error
        }
    }

    func testASizeThatWouldWrapTheOffsetsIsRefused() throws {
        let data = [UInt8](repeating: 0x41, count: 512)
        let path = try write([header(name: "big.bin", size: .max, type: "0", binarySize: true), data,
                              [UInt8](repeating: 0, count: 1024)])
        let error = try XCTUnwrap(errorKind(reading: path), "an impossible size was accepted")
        XCTAssertEqual(error.kind, .badHeader)
        XCTAssertTrue(error.message.contains("impossible size"), error.message)
    }

    func testAnEntryLargerThanTheFileCanHoldIsRefusedBeforeItsDataIsRead() throws {
        // A CIFAR-10 batch of 100,000 records (307 MB) claimed by a header with no data after it.
        let name = "cifar-10-batches-bin/data_batch_1.bin", size: UInt64 = 100_000 * 3073
        let plain = try write([header(name: name, size: size, type: "0"), [UInt8](repeating: 0, count: 1024)])
        let gzip = plain + ".gz"
        try TinyIDXDataset.gzip(try Data(contentsOf: URL(fileURLWithPath: plain))).write(to: URL(fileURLWithPath: gzip))
        for path in [plain, gzip] {
            let message = "\(path): tar archive is truncated: '\(name)' at byte 0 should have \(size) bytes, more than the file can hold"
            let reader = try TarArchiveReader(path: path)
            XCTAssertThrowsError(try reader.next()) { error in
                XCTAssertEqual((error as? ArchiveReadError)?.kind, .truncatedArchive)
                XCTAssertEqual((error as? ArchiveReadError)?.message, message)
            }
            XCTAssertThrowsError(try CIFARBinaryLoader.load(archive: path)) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
    }

    func testAnArchiveEndingAfterAnExtensionHeaderIsTruncated() throws {
        var name = [UInt8](repeating: 0, count: 512)
        for (i, byte) in "a/long/name.bin".utf8.enumerated() { name[i] = byte }
        for ending in [[[UInt8]](), [[UInt8](repeating: 0, count: 1024)]] {
            let path = try write([header(name: "././@LongLink", size: 15, type: "L"), name] + ending)
            let error = try XCTUnwrap(errorKind(reading: path), "a dangling long-name header was accepted")
            XCTAssertEqual(error.kind, .truncatedArchive)
            XCTAssertTrue(error.message.contains("ends after an extension header"), error.message)
        }
    }

    func testTruncatedExtensionPaddingNamesTheExtensionHeader() throws {
        var first = [UInt8](repeating: 0, count: 512)
        for i in 0..<5 { first[i] = UInt8(ascii: "x") }
        let cases: [(header: [UInt8], data: String, name: String)] = [
            (header(name: "././@LongLink", size: 15, type: "L"), "a/long/name.bin", "././@LongLink"),
            (header(name: "PaxHeaders/c.bin", size: 18, type: "x"), "18 path=a/b/c.bin\n", "PaxHeaders/c.bin"),
        ]
        for item in cases {
            // The extension's data is whole, the padding after it is cut off.
            let path = try write([header(name: "first.txt", size: 5, type: "0"), first, item.header, Array(item.data.utf8)])
            let error = try XCTUnwrap(errorKind(reading: path), "a truncated archive was accepted")
            XCTAssertEqual(error.kind, .truncatedArchive)
            XCTAssertTrue(error.message.contains("ends inside the data of '\(item.name)'"), error.message)
            XCTAssertFalse(error.message.contains("first.txt"), error.message)
        }
    }

    func testAWellFormedCraftedArchiveReads() throws {
        var data = [UInt8](repeating: 0, count: 512)
        for i in 0..<5 { data[i] = UInt8(ascii: "x") }
        let path = try write([header(name: "five.txt", size: 5, type: "0"), data, [UInt8](repeating: 0, count: 1024)])
        XCTAssertNil(errorKind(reading: path))
    }
}
