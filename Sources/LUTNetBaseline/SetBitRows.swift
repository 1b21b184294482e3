import LUTNet
import CSupport

/// A binary feature matrix held as the indices of its set bits: the form in which a pass of a
/// linear model costs in proportion to the set bits (13 % of MNIST's pixels at threshold 128, 31 %
/// of Fashion-MNIST's) instead of to every entry. The bits are indexed twice, both read by
/// `lutnet_set_bits_gather_variant` on the kernel variant in use (every variant gives the same bits):
/// - by row, for the class scores X·W: row i's set columns, to gather the table rows of W;
/// - by column within each block of `blockRows` rows, for the gradients Xᵀ·R: column f's set rows
///   of the block, to gather the rows of R.
struct SetBitRows: Sendable {
    /// Row i's set columns are `columns[rowStarts[i] ..< rowStarts[i + 1]]`; exampleCount + 1 offsets.
    let rowStarts: [UInt64]
    /// The set columns of every row, in increasing order within a row.
    let columns: [UInt16]
    /// Block b's column f has its set rows at `blockRowsOfColumns[columnStarts[b · (d + 1) + f] ..<
    /// columnStarts[b · (d + 1) + f + 1]]`.
    let columnStarts: [UInt64]
    /// The set rows of every column of every block, as offsets in the block, in increasing order.
    let blockRowsOfColumns: [UInt16]
    /// Features per row.
    let featureCount: Int
    /// Rows per block of the by-column index.
    let blockRows: Int
    /// The variant the products run on.
    let variant: KernelVariant

    /// The most features, and the most rows a block, that 16-bit indices address.
    static let maxIndices = Int(UInt16.max) + 1

    /// The set bits of `matrix` in blocks of `blockRows` rows, or nil when it is not binary or has
    /// more than `maxIndices` features.
    init?(_ matrix: FeatureMatrix, blockRows: Int, variant: KernelVariant = .active) {
        guard matrix.isBinary, matrix.featureCount <= Self.maxIndices, (1...Self.maxIndices).contains(blockRows) else {
            return nil
        }
        let d = matrix.featureCount, n = matrix.exampleCount
        var rowStarts = [UInt64](), columns = [UInt16]()
        rowStarts.reserveCapacity(n + 1)
        rowStarts.append(0)
        matrix.values.withUnsafeBufferPointer { values in
            for row in 0..<n {
                let first = row * d
                for j in 0..<d where values[first + j] != 0 { columns.append(UInt16(j)) }
                rowStarts.append(UInt64(columns.count))
            }
        }
        // By column within each block: a counting sort of the block's entries by column.
        let blockCount = (n + blockRows - 1) / blockRows
        var columnStarts = [UInt64](repeating: 0, count: blockCount * (d + 1))
        var blockRowsOfColumns = [UInt16](repeating: 0, count: columns.count)
        var next = [UInt64](repeating: 0, count: d)
        for block in 0..<blockCount {
            let firstRow = block * blockRows, lastRow = min(n, firstRow + blockRows)
            let entries = Int(rowStarts[firstRow]) ..< Int(rowStarts[lastRow])
            let starts = block * (d + 1)
            for t in entries { columnStarts[starts + Int(columns[t]) + 1] += 1 }
            columnStarts[starts] = UInt64(entries.lowerBound)
            for f in 0..<d { columnStarts[starts + f + 1] += columnStarts[starts + f] }
            for f in 0..<d { next[f] = columnStarts[starts + f] }
            for row in firstRow..<lastRow {
                for t in Int(rowStarts[row]) ..< Int(rowStarts[row + 1]) {
                    let f = Int(columns[t])
                    blockRowsOfColumns[Int(next[f])] = UInt16(row - firstRow)
                    next[f] += 1
                }
            }
        }
        self.rowStarts = rowStarts
        self.columns = columns
        self.columnStarts = columnStarts
        self.blockRowsOfColumns = blockRowsOfColumns
        self.featureCount = d
        self.blockRows = blockRows
        self.variant = variant
    }

    /// The Floats per table row for `classCount` columns: `classCount` rounded up to the kernels' lanes.
    static func stride(classCount: Int) -> Int {
        let lanes = Int(LUTNET_SET_BIT_LANES)
        return (classCount + lanes - 1) / lanes * lanes
    }

    /// X·W for the rows of block `block`: out[i·stride + c] = Σ over row i's set columns f of
    /// table[f·stride + c], i counted from the block's first row.
    func product(block: Int, table: UnsafePointer<Float>, stride: Int, into out: UnsafeMutablePointer<Float>) {
        let first = block * blockRows, rows = min(rowStarts.count - 1 - first, blockRows)
        gather(rowStarts, from: first, count: rows, columns, table: table, stride: stride, into: out)
    }

    /// Xᵀ·R for the rows of block `block`: out[f·stride + c] = Σ over column f's set rows i of the
    /// block of values[i·stride + c], for every feature f.
    func transposedProduct(block: Int, values: UnsafePointer<Float>, stride: Int, into out: UnsafeMutablePointer<Float>) {
        gather(columnStarts, from: block * (featureCount + 1), count: featureCount, blockRowsOfColumns,
               table: values, stride: stride, into: out)
    }

    private func gather(_ starts: [UInt64], from first: Int, count: Int, _ indices: [UInt16],
                        table: UnsafePointer<Float>, stride: Int, into out: UnsafeMutablePointer<Float>) {
        starts.withUnsafeBufferPointer { starts in
            indices.withUnsafeBufferPointer { indices in
                let status = lutnet_set_bits_gather_variant(variant.cValue, starts.baseAddress.map { $0 + first },
                                                            indices.baseAddress, count, table, stride, out)
                precondition(status == 0, "stride \(stride) is not a multiple of \(LUTNET_SET_BIT_LANES)")
            }
        }
    }
}
