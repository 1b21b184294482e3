import CSupport

/// A feature-major bit matrix: row f holds feature f of every example, example e at bit e % 64 of
/// word `f * wordsPerRow + e / 64`. Bits past `columnCount` are zero. This is the layout every
/// C kernel reads.
public struct BitMatrix: Sendable, Equatable {
    /// Number of rows (features, or LUT outputs of a layer).
    public let rowCount: Int
    /// Number of columns (examples).
    public let columnCount: Int
    /// 64-bit words per row.
    public let wordsPerRow: Int
    /// The packed bits, row after row.
    public internal(set) var words: [UInt64]

    /// An all-zero matrix.
    public init(rowCount: Int, columnCount: Int) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.wordsPerRow = lutnet_words_for_bits(columnCount)
        self.words = [UInt64](repeating: 0, count: rowCount * wordsPerRow)
    }

    /// The bit of `row` for example `column`.
    public subscript(row: Int, column: Int) -> Bool {
        get { words[row * wordsPerRow + column / 64] >> UInt64(column % 64) & 1 == 1 }
        set {
            let index = row * wordsPerRow + column / 64
            let mask = UInt64(1) << UInt64(column % 64)
            words[index] = newValue ? words[index] | mask : words[index] & ~mask
        }
    }

    /// One row's words.
    public func row(_ row: Int) -> ArraySlice<UInt64> {
        words[row * wordsPerRow ..< (row + 1) * wordsPerRow]
    }

    /// Binarizes the examples `indices` of `images`: bit = (byte >= threshold), one bit per byte
    /// feature (so one per color channel).
    public init(binarizing images: ImageSet, indices: [UInt32], threshold: UInt8) {
        precondition(indices.allSatisfy { Int($0) < images.count }, "example index past the end of \(images.source)")
        self.init(rowCount: images.featureCount, columnCount: indices.count)
        let features = images.featureCount, wordsPerRow = self.wordsPerRow
        images.withPixels { pixels in
            indices.withUnsafeBufferPointer { selected in
                words.withUnsafeMutableBufferPointer { bits in
                    lutnet_pack_threshold(pixels.baseAddress, features, selected.baseAddress,
                                          selected.count, threshold, bits.baseAddress, wordsPerRow)
                }
            }
        }
    }

    /// A one-row matrix from 0/1 values (labels, or any bit vector).
    public init(bits: [UInt8]) {
        self.init(rowCount: 1, columnCount: bits.count)
        for (i, bit) in bits.enumerated() where bit != 0 { words[i / 64] |= UInt64(1) << UInt64(i % 64) }
    }

    /// Row `row` as 0/1 bytes, one per example.
    public func unpackedRow(_ row: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: columnCount)
        guard columnCount > 0 else { return out }
        let start = row * wordsPerRow
        words.withUnsafeBufferPointer { words in
            out.withUnsafeMutableBufferPointer { out in
                lutnet_unpack_bits(words.baseAddress.map { $0 + start }, columnCount, out.baseAddress)
            }
        }
        return out
    }
}
