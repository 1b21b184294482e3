import CSupport

extension LogicCircuit {
    /// The circuit's answers, node after node through the LUT-evaluation kernel, the readout gates
    /// included. With don't-cares they can differ from the model's answers on examples it was not
    /// trained on.
    ///
    /// - Parameter bits: The input bits: one row per input bit of the model, one column per example.
    /// - Returns: The answer for every example: 0 or 1, or a multi-class model's class index.
    /// - Throws: ``ConfigurationError/inputSizeMismatch(modelInputs:dataFeatures:source:)`` when
    ///   `bits` does not have one row per input bit.
    public func answers(for bits: BitMatrix) throws(ConfigurationError) -> [UInt8] {
        guard bits.rowCount == inputCount else {
            throw .inputSizeMismatch(modelInputs: inputCount, dataFeatures: bits.rowCount, source: "circuit input")
        }
        // Rows: the input bits, then one row per node.
        var signals = BitMatrix(rowCount: inputCount + nodes.count, columnCount: bits.columnCount)
        let words = bits.wordsPerRow
        signals.words.replaceSubrange(0..<(inputCount * words), with: bits.words)
        for (index, node) in nodes.enumerated() {
            let row = (inputCount + index) * words
            if node.inputs.isEmpty {
                let value: UInt64 = node.function[0] ? .max : 0
                for e in 0..<bits.columnCount { if value != 0 { signals.words[row + e / 64] |= 1 << UInt64(e % 64) } }
                continue
            }
            let sources = node.inputs.map { signal -> UInt32 in
                switch signal {
                case .input(let j): UInt32(j)
                case .node(let n): UInt32(inputCount + n)
                }
            }
            let output = [UInt64](unsafeUninitializedCapacity: words) { buffer, initialized in
                signals.words.withUnsafeBufferPointer { all in
                    lutnet_evaluate_lut(all.baseAddress, words, sources, UInt32(sources.count), node.function.words,
                                        bits.columnCount, buffer.baseAddress)
                }
                initialized = words
            }
            signals.words.replaceSubrange(row..<(row + words), with: output)
        }
        var answers = [UInt8](repeating: 0, count: bits.columnCount)
        for (bit, node) in outputs.enumerated() {
            for (e, value) in signals.unpackedRow(inputCount + node).enumerated() { answers[e] |= value << UInt8(bit) }
        }
        return answers
    }
}
