import Foundation
import LUTNet
import XCTest

/// Seeded random damage to valid IDX files: every mutant is either read or refused with an
/// IDXReadError that names it; none crashes the reader.
final class IDXFuzzTests: XCTestCase {
    /// One random mutation: a bit flip, a cut of a byte range, or an insertion of random bytes.
    private func mutate(_ bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            switch Int.random(in: 0..<3, using: &random) {
            case 0 where !result.isEmpty:
                let index = Int.random(in: 0..<result.count, using: &random)
                result[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            case 1 where !result.isEmpty:
                let start = Int.random(in: 0..<result.count, using: &random)
                let length = Int.random(in: 1...max(1, min(8, result.count - start)), using: &random)
                result.removeSubrange(start..<start + length)
            default:
                let at = Int.random(in: 0...result.count, using: &random)
                let inserted = (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                result.insert(contentsOf: inserted, at: at)
            }
        }
        return result
    }

    /// Writes `bytes` to a new file at `path`. Neither `Data.write` (which syncs) nor truncating the
    /// old file (which makes ext4 flush on close): both are slow on a busy disk.
    private func write(_ bytes: [UInt8], to path: String) throws {
        unlink(path)
        guard let file = fopen(path, "wb") else { throw CocoaError(.fileWriteUnknown) }
        let written = fwrite(bytes, 1, bytes.count, file)
        guard fclose(file) == 0, written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Writes `count` mutants of `original` under `name` and reads each; returns how often each
    /// outcome occurred ("read" or the error kind). `check` judges every successful read.
    private func fuzz(_ original: [UInt8], name: String, count: Int, seed: UInt64,
                      check: ([UInt8], IDXTensor) -> Void) throws -> [String: Int] {
        let folder = try Fixtures.temporaryFolder(for: self)
        let path = folder.appendingPathComponent(name).path
        var random = SeededGenerator(seed: seed)
        var outcomes: [String: Int] = [:]
        for _ in 0..<count {
            let mutant = mutate(original, using: &random)
            try write(mutant, to: path)
            do {
                let tensor = try IDXTensor.read(path: path)
                check(mutant, tensor)
                outcomes["read", default: 0] += 1
            } catch {
                XCTAssertEqual(error.path, path)
                XCTAssertTrue(error.message.hasPrefix(path + ": "), error.message)
                XCTAssertNotEqual(error.kind, .cannotOpen, error.message)
                outcomes["\(error.kind)", default: 0] += 1
            }
        }
        print("\(name): \(outcomes.sorted { $0.key < $1.key })")
        return outcomes
    }

    func testMutatedGzipFiles() throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("idx/uint8.idx3.gz"))))
        let outcomes = try fuzz(original, name: "mutant-idx3-ubyte.gz", count: 1200, seed: 0x1DC0_FFEE) { _, tensor in
            // The gzip CRC-32 guards the content: whatever reads is the original (damage to the gzip
            // header's time stamp, or bytes appended after the stream, do not change it).
            XCTAssertEqual(tensor.shape, [2, 3, 4])
            XCTAssertEqual(tensor.withUnsignedBytes { Array($0) }, Array(0..<24))
        }
        XCTAssertEqual(outcomes.values.reduce(0, +), 1200)
        for expected in ["gzipCorrupt", "gzipTruncated", "notGzip"] {
            XCTAssertGreaterThan(outcomes[expected, default: 0], 0, "no mutant gave \(expected): \(outcomes)")
        }
    }

    func testMutatedPlainFiles() throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("bad/not-gzip.gz"))))
        let outcomes = try fuzz(original, name: "mutant-idx3-ubyte", count: 600, seed: 0xB17_F11B) { mutant, tensor in
            // A plain file reads only if its header describes exactly the bytes that follow it.
            let header = 4 + 4 * tensor.shape.count
            XCTAssertEqual(mutant.count, header + tensor.elementCount * tensor.elementType.size)
            XCTAssertEqual(tensor.shape.reduce(1, *), tensor.elementCount)
            tensor.withUnsafeBytes { XCTAssertEqual($0.count, mutant.count - header) }
        }
        XCTAssertEqual(outcomes.values.reduce(0, +), 600)
        for expected in ["read", "badMagic", "truncatedData", "trailingData"] {
            XCTAssertGreaterThan(outcomes[expected, default: 0], 0, "no mutant gave \(expected): \(outcomes)")
        }
    }
}
