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

    /// The 64-bit words of a table of 2^k bits.
    ///
    /// - Parameter k: Inputs per LUT.
    /// - Returns: ⌈2^k / 64⌉.
    public static func tableWords(k: Int) -> Int { lutnet_words_for_bits(1 << k) }

    /// A layer from its wiring, tables and (when known) seen patterns, checked so that it is safe to
    /// evaluate.
    ///
    /// - Parameters:
    ///   - k: Inputs per LUT, 1...``LUTNetLimits/maxK``.
    ///   - width: The number of LUTs, 1...``LUTNetLimits/maxWidth``.
    ///   - sourceCount: The outputs of the layer below (or input bits) the LUTs read from,
    ///     1...``LUTNetLimits/maxSources``.
    ///   - inputs: The wiring, `width * k` sources, each below `sourceCount`.
    ///   - tables: The tables, `width * tableWords(k:)` words.
    ///   - seenPatterns: The patterns training showed each LUT, packed like `tables`; nil when unknown.
    /// - Throws: ``NetworkError`` naming the value at fault when a count is out of range, an array
    ///   has the wrong length, or an input names a source at or past `sourceCount`.
    public init(k: Int, width: Int, sourceCount: Int, inputs: [UInt32], tables: [UInt64],
                seenPatterns: [UInt64]? = nil) throws(NetworkError) {
        try Self.checkSize(k: k, width: width, sourceCount: sourceCount)
        guard inputs.count == width * k else { throw .wiringCount(found: inputs.count, width: width, k: k) }
        let tableWords = Self.tableWords(k: k)
        guard tables.count == width * tableWords else {
            throw .tableCount(found: tables.count, width: width, tableWords: tableWords)
        }
        if let seen = seenPatterns, seen.count != tables.count {
            throw .tableCount(found: seen.count, width: width, tableWords: tableWords)
        }
        if let bad = inputs.firstIndex(where: { Int($0) >= sourceCount }) {
            throw .wiringOutOfRange(lut: bad / k, input: bad % k, source: inputs[bad], sourceCount: sourceCount)
        }
        self.init(validK: k, width: width, sourceCount: sourceCount, inputs: inputs, tables: tables,
                  seenPatterns: seenPatterns)
    }

    /// Throws unless a layer of `width` LUTs of `k` inputs over `sourceCount` sources is within the
    /// limits: the check a reader makes before it allocates a layer's arrays.
    package static func checkSize(k: Int, width: Int, sourceCount: Int) throws(NetworkError) {
        guard (1...LUTNetLimits.maxK).contains(k) else { throw .invalidK(k) }
        guard (1...LUTNetLimits.maxWidth).contains(width) else { throw .invalidWidth(width) }
        guard (1...LUTNetLimits.maxSources).contains(sourceCount) else { throw .invalidSourceCount(sourceCount) }
    }

    /// A layer whose parts the trainer made and knows to be valid.
    init(validK k: Int, width: Int, sourceCount: Int, inputs: [UInt32], tables: [UInt64], seenPatterns: [UInt64]?) {
        self.k = k
        self.width = width
        self.sourceCount = sourceCount
        self.inputs = inputs
        self.tables = tables
        self.seenPatterns = seenPatterns
    }

    /// The output of LUT `lut` for input pattern `pattern`.
    package func output(lut: Int, pattern: Int) -> Bool {
        tables[lut * tableWords + pattern / 64] >> UInt64(pattern % 64) & 1 == 1
    }

    /// Whether training showed a LUT an input pattern.
    ///
    /// - Parameters:
    ///   - lut: The LUT, 0..<``width``.
    ///   - pattern: The pattern, 0..<2^k; bit j is input j.
    /// - Returns: Whether some training example gave the LUT this pattern; nil when the layer has no
    ///   record.
    public func wasSeen(lut: Int, pattern: Int) -> Bool? {
        seenPatterns.map { $0[lut * tableWords + pattern / 64] >> UInt64(pattern % 64) & 1 == 1 }
    }

    /// The input pattern LUT `lut` sees for every example of `input` (bit j is its input j): what
    /// its table is indexed by.
    package func patterns(of lut: Int, on input: BitMatrix) -> [UInt16] {
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
    package func evaluate(_ input: BitMatrix, threads: Int, kernels: KernelVariant = .active) -> BitMatrix {
        evaluate(input, only: nil, threads: threads, kernels: kernels)
    }

    /// The outputs of the LUTs of `selection` (all of them when nil) for every example of `input`,
    /// which has the rows the selection's wiring reads; one row per selected LUT, in its order.
    func evaluate(_ input: BitMatrix, only selection: LUTSelection?, threads: Int,
                  kernels: KernelVariant = .active) -> BitMatrix {
        let expectedRows = selection?.sourceCount ?? sourceCount
        precondition(input.rowCount == expectedRows, "layer reads \(expectedRows) rows, got \(input.rowCount)")
        let count = selection?.luts.count ?? width, luts = selection?.luts
        var output = BitMatrix(rowCount: count, columnCount: input.columnCount)
        let k = self.k, tableWords = self.tableWords, words = output.wordsPerRow
        let examples = input.columnCount, variant = kernels.cValue
        input.words.withUnsafeBufferPointer { source in
            (selection?.inputs ?? inputs).withUnsafeBufferPointer { wiring in
                tables.withUnsafeBufferPointer { tables in
                    output.words.withUnsafeMutableBufferPointer { out in
                        let source = SharedBuffer(readOnly: source)
                        let wiring = SharedBuffer(readOnly: wiring)
                        let tables = SharedBuffer(readOnly: tables)
                        let out = SharedBuffer(out)
                        ParallelWork.forEach(count: count, threads: threads, chunk: 16) { _, rows in
                            for row in rows {
                                let lut = luts?[row] ?? row
                                lutnet_evaluate_lut_variant(variant, source.base, input.wordsPerRow,
                                                            wiring.base + row * k, UInt32(k),
                                                            tables.base + lut * tableWords, examples,
                                                            out.base + row * words)
                            }
                        }
                    }
                }
            }
        }
        return output
    }
}
