import CSupport
import Foundation

/// Wiring learned from the training examples, without gradients: every LUT of a layer chooses its
/// k inputs among the layer's sources by how much they tell of the label (the `greedy` wiring).
///
/// The sources are ranked in pairs first, by the conditional entropy of the label given both bits
/// (a pair finds what single bits cannot, the exclusive or of two bits for one); LUT i starts from the
/// i-th best pair, so that the LUTs of a layer differ. When no pair tells more of the label than the
/// best of as many unrelated pairs would (an adder's sum bit, the parity of three bits), the LUTs
/// start from the best triples instead (for layers of at most 600 sources). It then adds, one at a
/// time, the source that lowers the conditional entropy of the label given its chosen bits the
/// most, and stops early when the best lowering is no larger than chance would give: an extra bit then only
/// splits its patterns into ones the training examples rarely show. The slots left read the LUT's
/// first source again, so that its table depends only on the inputs it chose. The tables are still
/// set by counting; only the wiring is learned, from the training examples alone.
package enum GreedyWiring {
    /// The inputs of a layer of `width` LUTs of `k` inputs over the rows of `inputs` (one per
    /// source, one column per example), chosen for the label bits `labels` (one row); `width * k`
    /// entries, LUT after LUT. LUTs are spread over `threads` workers; the result is the same on
    /// any number of them and any kernel variant.
    package static func layer(width: Int, k: Int, inputs: BitMatrix, labels: BitMatrix, threads: Int,
                              kernels: KernelVariant) -> [UInt32] {
        let scorer = EntropyScorer(inputs: inputs, labels: labels, kernels: kernels)
        let seeds = scorer.bestPairs(count: width)
        let wiring = SharedBuffer<UInt32>.allocate(count: width * k, repeating: 0)
        defer { wiring.deallocate() }
        ParallelWork.forEach(count: width, threads: threads, chunk: 1) { _, luts in
            for lut in luts {
                let chosen = scorer.extend(seeds[lut % seeds.count], to: k)
                for (slot, source) in chosen.enumerated() { wiring.base[lut * k + slot] = UInt32(source) }
            }
        }
        return wiring.array
    }
}

/// The conditional entropy of a label row given chosen rows of a bit matrix, over its columns.
private struct EntropyScorer: Sendable {
    let inputs: BitMatrix
    /// The label bits: one row of the layout of `inputs`.
    let labelWords: [UInt64]
    /// The kernel variant that counts a LUT's patterns.
    let kernels: KernelVariant
    /// n·ln(n) for n in 0...examples.
    let nLogN: [Double]

    init(inputs: BitMatrix, labels: BitMatrix, kernels: KernelVariant) {
        self.inputs = inputs
        labelWords = Array(labels.words.prefix(labels.wordsPerRow))
        self.kernels = kernels
        nLogN = (0...inputs.columnCount).map { $0 == 0 ? 0 : Double($0) * log(Double($0)) }
    }

    /// Σ over cells of n·H(label | cell) in nats, from counts laid out as [cell][label], and the
    /// cells holding both labels.
    func entropy(_ counts: UnsafeMutablePointer<UInt32>, cells: Int) -> (value: Double, mixed: Int) {
        var total = 0.0, mixed = 0
        for cell in 0..<cells {
            let n0 = Int(counts[2 * cell]), n1 = Int(counts[2 * cell + 1])
            if n0 > 0 && n1 > 0 {
                mixed += 1
                total += nLogN[n0 + n1] - nLogN[n0] - nLogN[n1]
            }
        }
        return (total, mixed)
    }

    /// How many examples have each source set, each pair of sources set (`pairs[i * n + j]`, i < j),
    /// and the same with the label set; the label's ones.
    struct Conjunctions {
        var single: [Int], singleY: [Int], pairs: [Int], pairsY: [Int]
        let labelCount: Int
    }

    /// The counts of every source and every pair of sources, with and without the label.
    func conjunctions() -> Conjunctions {
        let n = inputs.rowCount, words = inputs.wordsPerRow
        var counts = Conjunctions(single: [Int](repeating: 0, count: n), singleY: [Int](repeating: 0, count: n),
                                  pairs: [Int](repeating: 0, count: n * n), pairsY: [Int](repeating: 0, count: n * n),
                                  labelCount: labelWords.reduce(0) { $0 + $1.nonzeroBitCount })
        inputs.words.withUnsafeBufferPointer { bits in
            for i in 0..<n {
                for w in 0..<words {
                    counts.single[i] += bits[i * words + w].nonzeroBitCount
                    counts.singleY[i] += (bits[i * words + w] & labelWords[w]).nonzeroBitCount
                }
                for j in (i + 1)..<n {
                    var both = 0, bothY = 0
                    for w in 0..<words {
                        let word = bits[i * words + w] & bits[j * words + w]
                        both += word.nonzeroBitCount
                        bothY += (word & labelWords[w]).nonzeroBitCount
                    }
                    counts.pairs[i * n + j] = both
                    counts.pairsY[i * n + j] = bothY
                }
            }
        }
        return counts
    }

    /// The `count` pairs of distinct sources with the lowest conditional entropy of the label
    /// (fewer when there are fewer pairs; a single source when there is one), best first.
    func bestPairs(count: Int) -> [[Int]] {
        let n = inputs.rowCount
        guard n >= 2 else { return [[0]] }
        let counts = conjunctions(), labelCount = counts.labelCount, total = inputs.columnCount
        var scored: [(score: Double, i: Int, j: Int)] = []
        scored.reserveCapacity(n * (n - 1) / 2)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let both = counts.pairs[i * n + j], bothWithLabel = counts.pairsY[i * n + j]
                let ones = counts.single, onesWithLabel = counts.singleY
                // The four cells (xi, xj) by inclusion and exclusion, each as (label 0, label 1).
                let c11 = (both - bothWithLabel, bothWithLabel)
                let c10 = (ones[i] - both - (onesWithLabel[i] - bothWithLabel), onesWithLabel[i] - bothWithLabel)
                let c01 = (ones[j] - both - (onesWithLabel[j] - bothWithLabel), onesWithLabel[j] - bothWithLabel)
                let c00Label = labelCount - bothWithLabel - c10.1 - c01.1
                let c00 = (total - both - (ones[i] - both) - (ones[j] - both) - c00Label, c00Label)
                var score = 0.0
                for cell in [c11, c10, c01, c00] {
                    score += nLogN[cell.0 + cell.1] - nLogN[cell.0] - nLogN[cell.1]
                }
                scored.append((score, i, j))
            }
        }
        scored.sort { ($0.score, $0.i, $0.j) < ($1.score, $1.i, $1.j) }
        // No pair tells more of the label than the best of as many unrelated pairs would (about ln(pairs)
        // nats, plus a margin): look for triples.
        let labelEntropy = nLogN[total] - nLogN[labelCount] - nLogN[total - labelCount]
        let chance = log(Double(scored.count)) + 4
        if let best = scored.first, labelEntropy - best.score <= chance, n >= 3, n <= Self.maxTripleSources {
            return bestTriples(count: count, counts: counts)
        }
        return scored.prefix(max(1, count)).map { [$0.i, $0.j] }
    }

    /// Sources up to which a layer whose pairs tell nothing is searched for triples (n³/6 of them).
    static let maxTripleSources = 600

    /// The `count` triples of distinct sources with the lowest conditional entropy of the label,
    /// best first. Each triple's eight cells come by inclusion and exclusion from the counts of its
    /// sources, its pairs and all three (each with and without the label).
    func bestTriples(count: Int, counts: Conjunctions) -> [[Int]] {
        let n = inputs.rowCount, words = inputs.wordsPerRow, total = inputs.columnCount
        let labelCount = counts.labelCount
        let single = counts.single, singleY = counts.singleY, pairs = counts.pairs, pairsY = counts.pairsY
        var best: [(score: Double, sources: [Int])] = []
        var worstKept = Double.infinity
        inputs.words.withUnsafeBufferPointer { bits in
            labelWords.withUnsafeBufferPointer { y in
                var pair = [UInt64](repeating: 0, count: words)
                for i in 0..<n {
                    for j in (i + 1)..<n {
                        for w in 0..<words { pair[w] = bits[i * words + w] & bits[j * words + w] }
                        for l in (j + 1)..<n {
                            var all = 0, allY = 0
                            for w in 0..<words {
                                let word = pair[w] & bits[l * words + w]
                                all += word.nonzeroBitCount
                                allY += (word & y[w]).nonzeroBitCount
                            }
                            let pij = pairs[i * n + j], pil = pairs[i * n + l], pjl = pairs[j * n + l]
                            let yij = pairsY[i * n + j], yil = pairsY[i * n + l], yjl = pairsY[j * n + l]
                            let si = single[i], sj = single[j], sl = single[l]
                            let ti = singleY[i], tj = singleY[j], tl = singleY[l]
                            // (cell size, cell label ones) for the eight values of (xi, xj, xl).
                            var score = 0.0
                            func add(_ size: Int, _ ones: Int) { score += nLogN[size] - nLogN[ones] - nLogN[size - ones] }
                            add(all, allY)
                            add(pij - all, yij - allY)
                            add(pil - all, yil - allY)
                            add(pjl - all, yjl - allY)
                            add(si - pij - pil + all, ti - yij - yil + allY)
                            add(sj - pij - pjl + all, tj - yij - yjl + allY)
                            add(sl - pil - pjl + all, tl - yil - yjl + allY)
                            add(total - si - sj - sl + pij + pil + pjl - all, labelCount - ti - tj - tl + yij + yil + yjl - allY)
                            guard best.count < count || score < worstKept else { continue }
                            best.append((score, [i, j, l]))
                            if best.count > count {
                                best.sort { $0.score < $1.score }
                                best.removeLast()
                            }
                            if best.count >= count { worstKept = best.map(\.score).max() ?? .infinity }
                        }
                    }
                }
            }
        }
        best.sort { $0.score != $1.score ? $0.score < $1.score : $0.sources.lexicographicallyPrecedes($1.sources) }
        return best.isEmpty ? [[0]] : best.map(\.sources)
    }

    /// `start` extended to `k` sources: one at a time, the source that lowers the conditional
    /// entropy most, while it lowers it by more than one nat per cell holding both labels (about
    /// twice what a source unrelated to the label lowers it by); the remaining slots repeat the
    /// first source. `start` is cut to `k` when longer. Every score counts the patterns of its
    /// sources with the counting kernel, as memorization counts a LUT's.
    func extend(_ start: [Int], to k: Int) -> [Int] {
        var chosen = Array(start.prefix(k))
        let n = inputs.rowCount, examples = inputs.columnCount, words = inputs.wordsPerRow, variant = kernels.cValue
        let counts = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 << k)
        defer { counts.deallocate() }
        func score(_ sources: [Int]) -> (value: Double, mixed: Int) {
            let wires = sources.map { UInt32($0) }
            inputs.words.withUnsafeBufferPointer { bits in
                labelWords.withUnsafeBufferPointer { labels in
                    lutnet_count_patterns_variant(variant, bits.baseAddress, words, wires, UInt32(wires.count),
                                                  labels.baseAddress, examples, counts)
                }
            }
            return entropy(counts, cells: 1 << sources.count)
        }
        var current = score(chosen)
        while chosen.count < k {
            var best: (source: Int, value: Double)? = nil
            for source in 0..<n where !chosen.contains(source) {
                let value = score(chosen + [source]).value
                if value < best?.value ?? .infinity { best = (source, value) }
            }
            guard let best, current.value - best.value > Double(max(current.mixed, 1)) else { break }
            chosen.append(best.source)
            current = score(chosen)
        }
        let first = chosen.first ?? 0
        while chosen.count < k { chosen.append(first) }
        return chosen
    }
}
