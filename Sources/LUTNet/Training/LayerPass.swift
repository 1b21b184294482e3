import CSupport

/// One pass over LUTs of a layer, spread over worker threads: the one place that pins a layer's
/// input bits, labels and wiring for the C kernels and owns each worker's scratch (2^(k+1)
/// counters, a table's worth of tie bits, a byte per example for the kernels that keep each
/// example's pattern from counting to evaluation). The binary and one-vs-rest trainers and the
/// data-parallel counters say what to do with each LUT; the pass hands it what the kernels need.
enum LayerPass {
    /// What the kernels need for one LUT, valid during the call that receives it only.
    struct LUT {
        /// The LUT's index in the layer.
        let index: Int
        /// Its `k` wires: rows of `source`.
        let wires: UnsafePointer<UInt32>
        let k: UInt32
        /// The layer's input bits, feature-major (`BitMatrix` layout).
        let source: UnsafePointer<UInt64>
        let wordsPerRow: Int
        let examples: Int
        /// The labels as one bit row of the same layout.
        let labels: UnsafePointer<UInt64>
        /// The worker's counters: 2^(k+1) entries, laid out as `lutnet_count_patterns` fills them.
        let counts: UnsafeMutablePointer<UInt32>
        /// The worker's tie bits: one table's words.
        let tieBits: UnsafeMutablePointer<UInt64>
        let tableWords: Int
        /// The worker's pattern bytes: one per example.
        let patterns: UnsafeMutablePointer<UInt8>
        /// The LUT's output row, in a pass that writes outputs.
        let output: UnsafeMutablePointer<UInt64>?

        /// Fills the tie bits with the next words of `generator`.
        func drawTieBits(_ generator: inout SeededGenerator) {
            for w in 0..<tableWords { tieBits[w] = generator.next() }
        }

        /// Memorizes the LUT over every example in one kernel call: counts, the majority table
        /// weighted by `n0` and `n1` (1 and 1: the plain majority) into `table`, and its outputs
        /// into `output`. Returns the number of tied patterns.
        func memorize(_ variant: lutnet_kernel_variant, n0: UInt64, n1: UInt64, table: UnsafeMutablePointer<UInt64>) -> Int {
            Int(lutnet_memorize_lut_variant(variant, source, wordsPerRow, wires, k, labels, examples, n0, n1, tieBits,
                                            counts, patterns, table, output))
        }

        /// Counts the examples of the words `words` (of 64 examples) into `counts`.
        func count(_ variant: lutnet_kernel_variant, words: Range<Int>) {
            let counted = min(examples, words.upperBound * 64) - min(examples, words.lowerBound * 64)
            lutnet_count_patterns_variant(variant, source + words.lowerBound, wordsPerRow, wires, k,
                                          labels + words.lowerBound, counted, counts)
        }

        /// Writes `table`'s output on every example into `output`.
        func evaluate(_ variant: lutnet_kernel_variant, table: UnsafePointer<UInt64>) {
            lutnet_evaluate_lut_variant(variant, source, wordsPerRow, wires, k, table, examples, output)
        }
    }

    /// Calls `body` once for each LUT of `luts` (indices into `wiring`, `k` wires each, rows of
    /// `inputs`), on up to `threads` workers; with `writingOutputs`, returns the matrix whose row
    /// j the LUT `luts.lowerBound + j` wrote through `LUT.output`.
    static func run(inputs: BitMatrix, labels: BitMatrix, wiring: [UInt32], k: Int, luts: Range<Int>, threads: Int,
                    writingOutputs: Bool, _ body: @Sendable (LUT) -> Void) -> BitMatrix? {
        let tableWords = LUTLayer.tableWords(k: k), examples = inputs.columnCount, wordsPerRow = inputs.wordsPerRow
        let workers = min(threads, max(1, luts.count))
        let counts = SharedBuffer<UInt32>.allocate(count: workers << (k + 1), repeating: 0)
        let tieScratch = SharedBuffer<UInt64>.allocate(count: workers * tableWords, repeating: 0)
        let patterns = SharedBuffer<UInt8>.allocate(count: workers * max(examples, 1), repeating: 0)
        defer { counts.deallocate(); tieScratch.deallocate(); patterns.deallocate() }
        var outputs = BitMatrix(rowCount: writingOutputs ? luts.count : 0, columnCount: examples)
        let outWords = outputs.wordsPerRow
        outputs.words.withUnsafeMutableBufferPointer { outBuffer in
            inputs.words.withUnsafeBufferPointer { source in
                labels.words.withUnsafeBufferPointer { labelWords in
                    wiring.withUnsafeBufferPointer { wiringBuffer in
                        let out = SharedBuffer(outBuffer), source = SharedBuffer(readOnly: source)
                        let labelRow = SharedBuffer(readOnly: labelWords), wires = SharedBuffer(readOnly: wiringBuffer)
                        ParallelWork.forEach(count: luts.count, threads: workers, chunk: 4) { worker, block in
                            for j in block {
                                let index = luts.lowerBound + j
                                body(LUT(index: index, wires: wires.base + index * k, k: UInt32(k), source: source.base,
                                         wordsPerRow: wordsPerRow, examples: examples, labels: labelRow.base,
                                         counts: counts.base + (worker << (k + 1)),
                                         tieBits: tieScratch.base + worker * tableWords, tableWords: tableWords,
                                         patterns: patterns.base + worker * max(examples, 1),
                                         output: writingOutputs ? out.base + j * outWords : nil))
                            }
                        }
                    }
                }
            }
        }
        return writingOutputs ? outputs : nil
    }
}
