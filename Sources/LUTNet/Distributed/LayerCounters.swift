import CSupport

/// The counters of a block of a layer's LUTs: for LUT j of the block and pattern p, the examples of
/// label 0 at `2^(k+1)·j + 2p` and of label 1 at `2^(k+1)·j + 2p + 1` (each LUT's counters laid out
/// as `lutnet_count_patterns` fills them). One shard's counters, or all ranks' summed.
enum LayerCounters {
    /// The most counters one block holds (64 MiB of 32-bit counters): a layer too wide for it is
    /// counted, summed and turned into tables a block of LUTs at a time.
    static let maxCountersPerBlock = 1 << 24

    /// The blocks of LUTs of a layer of `width` LUTs with `k` inputs each.
    static func blocks(width: Int, k: Int) -> [Range<Int>] {
        let perBlock = max(1, maxCountersPerBlock >> (k + 1))
        return stride(from: 0, to: width, by: perBlock).map { $0 ..< min($0 + perBlock, width) }
    }

    /// Counts the examples of `inputs` (a shard's) for the LUTs `luts` of a layer wired by `wiring`.
    static func count(inputs: BitMatrix, labels: BitMatrix, wiring: [UInt32], k: Int, luts: Range<Int>,
                      threads: Int, kernels: KernelVariant) -> [UInt32] {
        let perLUT = 1 << (k + 1), variant = kernels.cValue, words = (inputs.columnCount + 63) / 64
        let counts = SharedBuffer<UInt32>.allocate(count: luts.count * perLUT, repeating: 0)
        defer { counts.deallocate() }
        _ = LayerPass.run(inputs: inputs, labels: labels, wiring: wiring, k: k, luts: luts, threads: threads,
                          writingOutputs: false) { lut in
            lut.count(variant, words: 0..<words)
            (counts.base + (lut.index - luts.lowerBound) * perLUT).update(from: lut.counts, count: perLUT)
        }
        return counts.array
    }

    /// The tie bits of LUT `lut` of layer `layer`: the words of its seeded stream that the
    /// single-process trainer draws.
    static func tieBits(seed: UInt64, layer: Int, lut: Int, words: Int) -> [UInt64] {
        var generator = SeededGenerator(seed: seed, stream: 2, UInt64(layer), UInt64(lut))
        return (0..<words).map { _ in generator.next() }
    }

    /// The tables, seen-pattern masks and tied-pattern count of the LUTs `luts` of layer `layer`
    /// from their summed 32-bit counters (the C kernels of the single-process trainer).
    static func tables(counts: [UInt32], k: Int, seed: UInt64, layer: Int, luts: Range<Int>)
        -> (tables: [UInt64], seen: [UInt64], ties: Int) {
        let words = LUTLayer.tableWords(k: k), perLUT = 1 << (k + 1)
        var tables = [UInt64](repeating: 0, count: luts.count * words)
        var seen = [UInt64](repeating: 0, count: luts.count * words)
        var ties = 0
        counts.withUnsafeBufferPointer { counts in
            for j in 0..<luts.count {
                let tieBits = tieBits(seed: seed, layer: layer, lut: luts.lowerBound + j, words: words)
                let lutCounts = counts.baseAddress.unsafelyUnwrapped + j * perLUT
                tables.withUnsafeMutableBufferPointer { table in
                    ties += Int(lutnet_majority_table(lutCounts, UInt32(k), 1, 1, tieBits, table.baseAddress.unsafelyUnwrapped + j * words))
                }
                seen.withUnsafeMutableBufferPointer { lutnet_seen_patterns(lutCounts, UInt32(k), $0.baseAddress.unsafelyUnwrapped + j * words) }
            }
        }
        return (tables, seen, ties)
    }

    /// The same from 64-bit counters, for runs of more examples than 32 bits count: the rule of
    /// `lutnet_majority_table` and `lutnet_seen_patterns`, once per pattern of every LUT.
    static func tables(counts: [UInt64], k: Int, seed: UInt64, layer: Int, luts: Range<Int>)
        -> (tables: [UInt64], seen: [UInt64], ties: Int) {
        let words = LUTLayer.tableWords(k: k), perLUT = 1 << (k + 1), patterns = 1 << k
        var tables = [UInt64](repeating: 0, count: luts.count * words)
        var seen = [UInt64](repeating: 0, count: luts.count * words)
        var ties = 0
        for j in 0..<luts.count {
            let tieBits = tieBits(seed: seed, layer: layer, lut: luts.lowerBound + j, words: words)
            for p in 0..<patterns {
                let c0 = counts[j * perLUT + 2 * p], c1 = counts[j * perLUT + 2 * p + 1]
                let bit = c1 > c0 ? 1 : c1 < c0 ? 0 : tieBits[p / 64] >> UInt64(p % 64) & 1
                if c0 == c1 { ties += 1 }
                tables[j * words + p / 64] |= UInt64(bit) << UInt64(p % 64)
                if c0 | c1 != 0 { seen[j * words + p / 64] |= 1 << UInt64(p % 64) }
            }
        }
        return (tables, seen, ties)
    }
}
