import CSupport
import Foundation

/// A feature-major bit matrix: row f holds feature f of every example, example e at bit e % 64 of
/// word `f * wordsPerRow + e / 64`. Bits past `columnCount` are zero. This is the layout every
/// C kernel reads.
public struct BitMatrix: Sendable, Equatable {
    /// Number of rows (features, or LUT outputs of a layer).
    public let rowCount: Int
    /// Number of columns (examples).
    public let columnCount: Int
    /// 64-bit words per row.
    package let wordsPerRow: Int
    /// The packed bits, row after row.
    package var words: [UInt64]

    /// An all-zero matrix, its size checked before anything is allocated.
    ///
    /// - Parameters:
    ///   - rows: The number of rows (features), at most ``LUTNetLimits/maxSources``.
    ///   - columns: The number of columns (examples), at most ``LUTNetLimits/maxExamples`` (the
    ///     kernels count examples in 32 bits).
    /// - Throws: ``ConfigurationError/tooLarge(what:count:limit:)`` for too many rows or columns, and
    ///   ``ConfigurationError/invalidValue(option:reason:)`` for a negative size or a matrix larger
    ///   than the machine's memory.
    public init(rows: Int, columns: Int) throws(ConfigurationError) {
        try Self.checkSize(rows: rows, columns: columns)
        self.init(rowCount: rows, columnCount: columns)
    }

    /// Throws unless a matrix of `rows` × `columns` bits is within the limits: at most
    /// `LUTNetLimits.maxExamples` columns and `LUTNetLimits.maxSources` rows, none negative, its
    /// words countable without overflow, and its bytes no more than the machine's memory.
    package static func checkSize(rows: Int, columns: Int) throws(ConfigurationError) {
        guard rows >= 0, columns >= 0 else {
            throw .invalidValue(option: "bit matrix size", reason: "\(rows) × \(columns): a size cannot be negative")
        }
        guard columns <= LUTNetLimits.maxExamples else {
            throw .tooLarge(what: "examples", count: columns, limit: LUTNetLimits.maxExamples)
        }
        guard rows <= LUTNetLimits.maxSources else {
            throw .tooLarge(what: "input bits per example", count: rows, limit: LUTNetLimits.maxSources)
        }
        let words = rows.multipliedReportingOverflow(by: lutnet_words_for_bits(columns))
        guard !words.overflow, !words.partialValue.multipliedReportingOverflow(by: 8).overflow else {
            throw .tooLarge(what: "bits in a matrix of \(rows) rows", count: columns, limit: Int.max / 8 / max(rows, 1) * 64)
        }
        let bytes = Double(words.partialValue * 8), memory = Double(ProcessInfo.processInfo.physicalMemory)
        guard bytes <= memory else {
            throw .invalidValue(option: "bit matrix size", reason: "\(rows) rows × \(columns) columns take "
                                + "\(String(format: "%.1f", bytes / 1e9)) GB, more than the machine's \(String(format: "%.1f", memory / 1e9)) GB of memory")
        }
    }

    /// An all-zero matrix whose size the caller has checked (or derived from a checked one).
    package init(rowCount: Int, columnCount: Int) {
        precondition(rowCount >= 0 && (0...LUTNetLimits.maxExamples).contains(columnCount), "bit matrix size out of range")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.wordsPerRow = lutnet_words_for_bits(columnCount)
        self.words = [UInt64](repeating: 0, count: rowCount * wordsPerRow)
    }

    /// The bit of `row` for example `column`; both must be in range (as with an array index).
    ///
    /// - Parameters:
    ///   - row: The row (feature), 0..<``rowCount``.
    ///   - column: The column (example), 0..<``columnCount``.
    public subscript(row: Int, column: Int) -> Bool {
        get { words[wordIndex(row: row, column: column)] >> UInt64(column % 64) & 1 == 1 }
        set {
            let index = wordIndex(row: row, column: column)
            let mask = UInt64(1) << UInt64(column % 64)
            words[index] = newValue ? words[index] | mask : words[index] & ~mask
        }
    }

    /// The word that holds bit (`row`, `column`), which must be inside the matrix.
    private func wordIndex(row: Int, column: Int) -> Int {
        precondition((0..<rowCount).contains(row) && (0..<columnCount).contains(column),
                     "bit (\(row), \(column)) is outside a \(rowCount) × \(columnCount) matrix")
        return row * wordsPerRow + column / 64
    }

    /// One row's words.
    package func row(_ row: Int) -> ArraySlice<UInt64> {
        precondition((0..<rowCount).contains(row), "row \(row) is outside a matrix of \(rowCount) rows")
        return words[row * wordsPerRow ..< (row + 1) * wordsPerRow]
    }

    /// Binarizes the examples `indices` of `images`: bit = (byte >= threshold), one bit per byte
    /// feature (so one per color channel). Throws for an index past the end of `images` or more
    /// than `LUTNetLimits.maxExamples` indices. Runs on every core (`ParallelWork.defaultThreads`).
    package init(binarizing images: ImageSet, indices: [UInt32], threshold: UInt8) throws(ConfigurationError) {
        if let bad = indices.first(where: { Int($0) >= images.count }) {
            throw .invalidValue(option: "example index", reason: "\(bad) is past the end of \(images.source) (\(images.count) examples)")
        }
        try Self.checkSize(rows: images.featureCount, columns: indices.count)
        self.init(rowCount: images.featureCount, columnCount: indices.count)
        let features = images.featureCount, wordsPerRow = self.wordsPerRow
        // Workers fill disjoint runs of words (64 examples each) of every row.
        images.withPixels { pixels in
            indices.withUnsafeBufferPointer { selected in
                words.withUnsafeMutableBufferPointer { bits in
                    let pixels = SharedBuffer(readOnly: pixels), selected = SharedBuffer(readOnly: selected)
                    let bits = SharedBuffer(bits)
                    ParallelWork.forEach(count: wordsPerRow, threads: ParallelWork.defaultThreads, chunk: 64) { _, words in
                        lutnet_pack_threshold(pixels.base, features, selected.base, selected.count, threshold,
                                              bits.base, wordsPerRow, words.lowerBound, words.count)
                    }
                }
            }
        }
    }

    /// A one-row matrix from 0/1 values (labels, or any bit vector).
    ///
    /// - Parameter bits: One value per column; any nonzero value is 1.
    /// - Throws: ``ConfigurationError/tooLarge(what:count:limit:)`` for more than
    ///   ``LUTNetLimits/maxExamples`` values.
    public init(bits: [UInt8]) throws(ConfigurationError) {
        try Self.checkSize(rows: 1, columns: bits.count)
        self.init(rowCount: 1, columnCount: bits.count)
        for (i, bit) in bits.enumerated() where bit != 0 { words[i / 64] |= UInt64(1) << UInt64(i % 64) }
    }

    /// One row's bits as bytes.
    ///
    /// - Parameter row: The row, 0..<``rowCount``.
    /// - Returns: One byte per column (example), 0 or 1.
    public func unpackedRow(_ row: Int) -> [UInt8] {
        precondition((0..<rowCount).contains(row), "row \(row) is outside a matrix of \(rowCount) rows")
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
