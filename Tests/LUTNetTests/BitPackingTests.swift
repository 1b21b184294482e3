import CSupport
import LUTNet
import XCTest

/// Binarization and bit packing (`lutnet_pack_threshold`, `BitMatrix(binarizing:)`) and unpacking
/// (`lutnet_unpack_bits`) against plain Swift.
final class BitPackingTests: XCTestCase {
    /// The reference: bit (f, i) = values[indices[i] * features + f] >= threshold.
    private func referenceBits(_ values: [UInt8], features: Int, indices: [UInt32], threshold: UInt8) -> [[Bool]] {
        (0..<features).map { f in indices.map { values[Int($0) * features + f] >= threshold } }
    }

    private func randomBytes(_ count: Int, using random: inout SeededGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
    }

    func testPackThresholdMatchesReference() {
        var random = SeededGenerator(seed: 42)
        // 1,030 features cross the kernel's 512-feature chunks; 130 and 64 and 1 selected examples
        // fill some words partly; indices repeat and come out of order.
        for (features, examples, selected) in [(1030, 150, 130), (7, 64, 64), (3, 10, 1), (100, 300, 257)] {
            let values = randomBytes(features * examples, using: &random)
            let indices = (0..<selected).map { _ in UInt32.random(in: 0..<UInt32(examples), using: &random) }
            for threshold: UInt8 in [0, 1, 128, 200, 255] {
                // One spare word per row, and garbage everywhere: every word must be written.
                let wordsPerRow = lutnet_words_for_bits(selected) + 1
                var bits = [UInt64](repeating: 0xDEAD_BEEF_DEAD_BEEF, count: features * wordsPerRow)
                values.withUnsafeBufferPointer { values in
                    indices.withUnsafeBufferPointer { indices in
                        bits.withUnsafeMutableBufferPointer { bits in
                            // Two calls over disjoint word ranges fill the matrix as one would.
                            let split = wordsPerRow / 2
                            lutnet_pack_threshold(values.baseAddress, features, indices.baseAddress, selected,
                                                  threshold, bits.baseAddress, wordsPerRow, 0, split)
                            lutnet_pack_threshold(values.baseAddress, features, indices.baseAddress, selected,
                                                  threshold, bits.baseAddress, wordsPerRow, split, wordsPerRow - split)
                        }
                    }
                }
                let expected = referenceBits(values, features: features, indices: indices, threshold: threshold)
                for f in 0..<features {
                    for word in 0..<wordsPerRow {
                        var want: UInt64 = 0
                        for bit in 0..<64 where word * 64 + bit < selected && expected[f][word * 64 + bit] {
                            want |= UInt64(1) << UInt64(bit)
                        }
                        XCTAssertEqual(bits[f * wordsPerRow + word], want,
                                       "features \(features), selected \(selected), threshold \(threshold), row \(f), word \(word)")
                    }
                }
            }
        }
    }

    func testThresholdIsInclusive() throws {
        let images = try ImageSet(pixels: [127, 128, 129, 0, 255, 128], imageShape: [3], labels: [0, 1], source: "memory")
        let matrix = try BitMatrix(binarizing: images, indices: [0, 1], threshold: 128)
        XCTAssertEqual((0..<3).map { matrix[$0, 0] }, [false, true, true])
        XCTAssertEqual((0..<3).map { matrix[$0, 1] }, [false, true, true])
        let all = try BitMatrix(binarizing: images, indices: [1], threshold: 0)
        XCTAssertEqual((0..<3).map { all[$0, 0] }, [true, true, true])
    }

    func testBitMatrixFromImages() throws {
        var random = SeededGenerator(seed: 7)
        let shape = [5, 7, 3], features = 105, examples = 200
        let pixels = randomBytes(features * examples, using: &random)
        let labels = (0..<examples).map { _ in UInt8.random(in: 0..<10, using: &random) }
        let images = try ImageSet(pixels: pixels, imageShape: shape, labels: labels, source: "memory")
        let indices: [UInt32] = (0..<UInt32(examples)).filter { $0 % 3 != 1 }.reversed() // 133, out of order
        let matrix = try BitMatrix(binarizing: images, indices: indices, threshold: 100)
        XCTAssertEqual(matrix.rowCount, features)
        XCTAssertEqual(matrix.columnCount, 133)
        XCTAssertEqual(matrix.wordsPerRow, 3)
        XCTAssertEqual(matrix.words.count, features * 3)
        let expected = referenceBits(pixels, features: features, indices: indices, threshold: 100)
        for f in 0..<features {
            XCTAssertEqual((0..<133).map { matrix[f, $0] }, expected[f], "row \(f)")
            XCTAssertEqual(matrix.unpackedRow(f), expected[f].map { $0 ? 1 : 0 }, "row \(f)")
            // Bits past the example count are zero.
            XCTAssertEqual(matrix.row(f).last.map { $0 >> 5 }, 0, "row \(f)")
        }
    }

    func testBinarizingNoExamples() throws {
        let images = try ImageSet(pixels: [1, 2], imageShape: [2], labels: [0], source: "memory")
        let matrix = try BitMatrix(binarizing: images, indices: [], threshold: 1)
        XCTAssertEqual(matrix.rowCount, 2)
        XCTAssertEqual(matrix.columnCount, 0)
        XCTAssertEqual(matrix.words, [])
        XCTAssertEqual(matrix.unpackedRow(1), [])
    }

    func testUnpackBits() {
        var random = SeededGenerator(seed: 99)
        let row = (0..<3).map { _ in UInt64.random(in: 0...UInt64.max, using: &random) }
        for count in [0, 1, 63, 64, 65, 150, 192] {
            var out = [UInt8](repeating: 7, count: count + 1)
            row.withUnsafeBufferPointer { row in
                out.withUnsafeMutableBufferPointer { out in lutnet_unpack_bits(row.baseAddress, count, out.baseAddress) }
            }
            let expected = (0..<count).map { UInt8(truncatingIfNeeded: row[$0 / 64] >> UInt64($0 % 64) & 1) }
            XCTAssertEqual(Array(out.prefix(count)), expected, "\(count) bits")
            XCTAssertEqual(out[count], 7, "wrote past \(count) bits")
        }
    }

    func testBitRowRoundTrip() throws {
        var random = SeededGenerator(seed: 5)
        let bits = (0..<131).map { _ in UInt8.random(in: 0...1, using: &random) }
        let matrix = try BitMatrix(bits: bits)
        XCTAssertEqual(matrix.rowCount, 1)
        XCTAssertEqual(matrix.wordsPerRow, 3)
        XCTAssertEqual(matrix.unpackedRow(0), bits)
        XCTAssertEqual(matrix.words[2] >> 3, 0)
    }
}
