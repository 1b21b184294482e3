import CSupport

/// One layer of LUTs: each reads k outputs of the layer below (or input bits) and holds a table of
/// 2^k output bits.
public struct LUTLayer: Sendable, Equatable {
    /// Inputs per LUT.
    public let k: Int
    /// Number of LUTs.
    public let width: Int
    /// Number of outputs of the layer below (or input bits) the LUTs read from.
    public let sourceCount: Int
    /// The wiring: LUT i reads sources `inputs[i*k ..< (i+1)*k]`; input j is bit j of the address.
    public let inputs: [UInt32]
    /// The tables: LUT i's output for pattern p is bit p of `tables[i*tableWords ..< (i+1)*tableWords]`.
    public let tables: [UInt64]
    /// The patterns training showed each LUT, packed like `tables` (bit p of LUT i's words is 1 when
    /// some training example gave LUT i pattern p); nil for a model saved before they were recorded.
    public let seenPatterns: [UInt64]?

    /// 64-bit words per table.
    public var tableWords: Int { Self.tableWords(k: k) }

    /// 64-bit words in a table of 2^k bits.
    public static func tableWords(k: Int) -> Int { lutnet_words_for_bits(1 << k) }

    /// A layer from its wiring, tables and (when known) seen patterns; the sizes must agree.
    public init(k: Int, width: Int, sourceCount: Int, inputs: [UInt32], tables: [UInt64], seenPatterns: [UInt64]? = nil) {
        precondition(inputs.count == width * k && tables.count == width * Self.tableWords(k: k)
                     && (seenPatterns?.count ?? tables.count) == tables.count,
                     "layer arrays do not match its width and k")
        self.k = k
        self.width = width
        self.sourceCount = sourceCount
        self.inputs = inputs
        self.tables = tables
        self.seenPatterns = seenPatterns
    }

    /// The output of LUT `lut` for input pattern `pattern`.
    public func output(lut: Int, pattern: Int) -> Bool {
        tables[lut * tableWords + pattern / 64] >> UInt64(pattern % 64) & 1 == 1
    }

    /// Whether training showed LUT `lut` pattern `pattern`; nil when the layer has no record.
    public func wasSeen(lut: Int, pattern: Int) -> Bool? {
        seenPatterns.map { $0[lut * tableWords + pattern / 64] >> UInt64(pattern % 64) & 1 == 1 }
    }

    /// The input pattern LUT `lut` sees for every example of `input` (bit j is its input j): what
    /// its table is indexed by.
    public func patterns(of lut: Int, on input: BitMatrix) -> [UInt16] {
        precondition(input.rowCount == sourceCount && (0..<width).contains(lut), "no such LUT or input")
        var patterns = [UInt16](repeating: 0, count: input.columnCount)
        inputs.withUnsafeBufferPointer { wiring in
            lutnet_gather_addresses(input.words, input.wordsPerRow, wiring.baseAddress.map { $0 + lut * k },
                                    UInt32(k), input.columnCount, &patterns)
        }
        return patterns
    }

    /// The layer's outputs for every example of `input` (rows: sources, columns: examples); one
    /// row per LUT. `kernels` picks the instruction-set variant (the outputs are the same on every one).
    public func evaluate(_ input: BitMatrix, threads: Int, kernels: KernelVariant = .active) -> BitMatrix {
        precondition(input.rowCount == sourceCount, "layer reads \(sourceCount) rows, got \(input.rowCount)")
        var output = BitMatrix(rowCount: width, columnCount: input.columnCount)
        let k = self.k, tableWords = self.tableWords, words = output.wordsPerRow
        let examples = input.columnCount, variant = kernels.cValue
        input.words.withUnsafeBufferPointer { source in
            inputs.withUnsafeBufferPointer { wiring in
                tables.withUnsafeBufferPointer { tables in
                    output.words.withUnsafeMutableBufferPointer { out in
                        let source = SharedBuffer(UnsafeMutableBufferPointer(mutating: source))
                        let wiring = SharedBuffer(UnsafeMutableBufferPointer(mutating: wiring))
                        let tables = SharedBuffer(UnsafeMutableBufferPointer(mutating: tables))
                        let out = SharedBuffer(out)
                        ParallelWork.forEach(count: width, threads: threads, chunk: 16) { _, luts in
                            for lut in luts {
                                lutnet_evaluate_lut_variant(variant, source.base, input.wordsPerRow,
                                                            wiring.base + lut * k, UInt32(k),
                                                            tables.base + lut * tableWords, examples,
                                                            out.base + lut * words)
                            }
                        }
                    }
                }
            }
        }
        return output
    }
}
