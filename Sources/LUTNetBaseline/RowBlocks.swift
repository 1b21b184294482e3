import LUTNet

/// The rows of a feature matrix cut into blocks small enough to stay in the L2 cache, and the
/// workers that sweep them: each worker takes the next block not yet taken, each block writes its
/// own partial sums, and the sums are added in block order, so a sweep gives the same bits whatever
/// the number of workers. The binary and the multinomial baselines sweep their data this way.
struct RowBlocks: Sendable {
    /// Rows per block: 256 rows of 784 Floats are 800 KB, inside a 1–2 MB L2 cache.
    static let rows = 256

    /// Rows in all.
    let exampleCount: Int
    /// Number of blocks.
    let count: Int
    /// Worker threads (at most one per block).
    let workers: Int

    /// The blocks of `exampleCount` rows, swept by at most `workers` threads.
    init(exampleCount: Int, workers: Int) {
        self.exampleCount = exampleCount
        self.count = (exampleCount + Self.rows - 1) / Self.rows
        self.workers = max(1, min(workers, count))
    }

    /// Calls `body` once for every block, with the worker running it, the block's index and its rows.
    func forEach(_ body: @Sendable (_ worker: Int, _ block: Int, _ rows: Range<Int>) -> Void) {
        let exampleCount = self.exampleCount
        ParallelWork.forEach(count: count, threads: workers, chunk: 1) { worker, blocks in
            for block in blocks {
                body(worker, block, block * Self.rows ..< min(exampleCount, (block + 1) * Self.rows))
            }
        }
    }

    /// The sum over blocks of their `width` partial sums (block b's at `sums[b * width ..< (b + 1) * width]`),
    /// added in block order.
    func sum(_ sums: [Double], width: Int) -> [Double] { Self.sum(sums, slots: count, width: width) }

    /// The sum of `slots` consecutive slots of `width` partial sums each (slot s's at
    /// `sums[s * width ..< (s + 1) * width]`), added in slot order.
    static func sum(_ sums: [Double], slots: Int, width: Int) -> [Double] {
        var total = [Double](repeating: 0, count: width)
        for slot in 0..<slots {
            for j in 0..<width { total[j] += sums[slot * width + j] }
        }
        return total
    }
}
