@testable import LUTNet

/// A plain, obviously correct implementation of pattern counting and LUT evaluation, bit by bit,
/// that the C kernels must match exactly.
enum ReferenceMemorization {
    /// The pattern example `e` shows to a LUT reading `inputs`.
    static func pattern(_ matrix: BitMatrix, inputs: [UInt32], example e: Int) -> Int {
        var pattern = 0
        for (j, input) in inputs.enumerated() where matrix[Int(input), e] { pattern |= 1 << j }
        return pattern
    }

    /// c0 and c1 of every pattern, interleaved as the kernel writes them.
    static func counts(_ matrix: BitMatrix, inputs: [UInt32], labels: BitMatrix) -> [UInt32] {
        var counts = [UInt32](repeating: 0, count: 2 << inputs.count)
        for e in 0..<matrix.columnCount {
            counts[2 * pattern(matrix, inputs: inputs, example: e) + (labels[0, e] ? 1 : 0)] += 1
        }
        return counts
    }

    /// The majority table with ties taken from `tieBits`.
    static func table(counts: [UInt32], k: Int, tieBits: [UInt64]) -> [UInt64] {
        var table = [UInt64](repeating: 0, count: LUTLayer.tableWords(k: k))
        for p in 0..<(1 << k) {
            let c0 = counts[2 * p], c1 = counts[2 * p + 1]
            let bit = c1 > c0 ? true : c1 < c0 ? false : (tieBits[p / 64] >> UInt64(p % 64)) & 1 == 1
            if bit { table[p / 64] |= 1 << UInt64(p % 64) }
        }
        return table
    }

    /// The LUT's output for every example, as 0/1.
    static func evaluate(_ matrix: BitMatrix, inputs: [UInt32], table: [UInt64]) -> [UInt8] {
        (0..<matrix.columnCount).map { e in
            let p = pattern(matrix, inputs: inputs, example: e)
            return UInt8((table[p / 64] >> UInt64(p % 64)) & 1)
        }
    }

    /// A seeded random bit matrix.
    static func randomMatrix(rows: Int, columns: Int, seed: UInt64) -> BitMatrix {
        var generator = SeededGenerator(seed: seed)
        var matrix = BitMatrix(rowCount: rows, columnCount: columns)
        for r in 0..<rows { for c in 0..<columns where generator.next() & 1 == 1 { matrix[r, c] = true } }
        return matrix
    }
}
