extension BitMatrix {
    /// The matrix of the given columns, in the order given.
    package func selectingColumns(_ columns: [Int]) -> BitMatrix {
        precondition(columns.allSatisfy { (0..<columnCount).contains($0) }, "column out of range")
        var out = BitMatrix(rowCount: rowCount, columnCount: columns.count)
        let sourceWords = wordsPerRow, outWords = out.wordsPerRow, rows = rowCount
        words.withUnsafeBufferPointer { source in
            out.words.withUnsafeMutableBufferPointer { target in
                for row in 0..<rows {
                    let from = row * sourceWords, to = row * outWords
                    for (j, column) in columns.enumerated() where source[from + column >> 6] >> UInt64(column & 63) & 1 == 1 {
                        target[to + j >> 6] |= 1 << UInt64(j & 63)
                    }
                }
            }
        }
        return out
    }
}

extension BinarizedExamples {
    /// A seeded random subset of `size` examples (at most `count`), kept in their original order.
    /// The same seed and size always draw the same examples.
    package func subset(size: Int, seed: UInt64) -> BinarizedExamples {
        let size = min(max(size, 0), count)
        guard size < count else { return self }
        var generator = SeededGenerator(seed: seed, stream: 4)
        // Partial Fisher–Yates: the first `size` entries become a uniform sample.
        var order = Array(0..<count)
        for i in 0..<size {
            let j = i + Int(generator.draw(below: UInt64(count - i)))
            order.swapAt(i, j)
        }
        let chosen = order[..<size].sorted()
        return replacing(inputs: inputs.selectingColumns(chosen), labels: labels.selectingColumns(chosen))
    }
}
