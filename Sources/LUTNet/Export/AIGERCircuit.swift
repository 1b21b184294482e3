import Foundation

/// A combinational And-Inverter Graph read from a binary AIGER file (`aig M I L O A`, as ABC's
/// `write_aiger` writes it), evaluated on examples: what checks a circuit without its model.
public struct AIGERCircuit: Sendable, Equatable {
    /// Primary inputs (input j is literal 2(j + 1)).
    public let inputCount: Int
    /// The output literals (2·variable + complement bit).
    public let outputs: [UInt32]
    /// The AND gates in file order: gate i defines variable `inputCount + 1 + i` as the AND of two
    /// literals of lower variables.
    public let gates: [(UInt32, UInt32)]

    /// Two-input AND gates.
    public var andCount: Int { gates.count }

    public static func == (a: AIGERCircuit, b: AIGERCircuit) -> Bool {
        a.inputCount == b.inputCount && a.outputs == b.outputs && a.gates.elementsEqual(b.gates, by: ==)
    }

    /// Reads the binary AIGER file at `path`. Throws naming the file when it cannot be read, is
    /// not binary AIGER, has latches, or its header, outputs or gates are cut short or out of range.
    public init(contentsOf path: String) throws(DatasetError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .notFound(path: path) }
        try self.init(bytes: [UInt8](data), path: path)
    }

    /// Parses the bytes of a binary AIGER file; `path` names it in errors.
    public init(bytes: [UInt8], path: String) throws(DatasetError) {
        var position = 0
        func line() throws(DatasetError) -> String {
            guard let end = bytes[position...].firstIndex(of: 10) else {
                throw .malformed(path: path, reason: "the AIGER file ends inside its header or outputs")
            }
            defer { position = end + 1 }
            return String(decoding: bytes[position..<end], as: UTF8.self)
        }
        let header = try line().split(separator: " ")
        guard header.first == "aig" else {
            throw .malformed(path: path, reason: "not a binary AIGER file (it starts '\(header.first ?? "")', not 'aig')")
        }
        let numbers = header.dropFirst().prefix(5).map { Int($0) }
        guard numbers.count == 5, let m = numbers[0], let i = numbers[1], let l = numbers[2], let o = numbers[3], let a = numbers[4],
              m >= 0, i >= 0, o >= 0, a >= 0, m >= i + l + a, m < 1 << 30 else {
            throw .malformed(path: path, reason: "the header '\(header.joined(separator: " "))' is not 'aig M I L O A'")
        }
        guard l == 0 else { throw .malformed(path: path, reason: "\(l) latches: only combinational circuits are scored") }
        var outputs: [UInt32] = []
        for _ in 0..<o {
            guard let literal = UInt32(try line().trimmingCharacters(in: .whitespaces)), literal <= 2 * UInt32(m) + 1 else {
                throw .malformed(path: path, reason: "an output line is not a literal of the \(m) variables")
            }
            outputs.append(literal)
        }
        func number() throws(DatasetError) -> UInt32 {
            var value: UInt32 = 0, shift: UInt32 = 0
            while true {
                guard position < bytes.count, shift < 32 else {
                    throw .malformed(path: path, reason: "the AND gates are cut short (\(a) announced)")
                }
                let byte = bytes[position]
                position += 1
                value |= UInt32(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
        }
        var gates: [(UInt32, UInt32)] = []
        gates.reserveCapacity(a)
        for gate in 0..<a {
            let lhs = 2 * UInt32(i + 1 + gate)
            let delta0 = try number(), delta1 = try number()
            guard delta0 >= 1, delta0 <= lhs, delta1 <= lhs - delta0 else {
                throw .malformed(path: path, reason: "AND gate \(gate) reads a literal that is not below its own")
            }
            gates.append((lhs - delta0, lhs - delta0 - delta1))
        }
        guard outputs.allSatisfy({ $0 / 2 <= UInt32(i + a) }) else {
            throw .malformed(path: path, reason: "an output reads a variable no input or AND gate defines")
        }
        inputCount = i
        self.outputs = outputs
        self.gates = gates
    }

    /// Output `output` for every example of `bits` (rows: the circuit's inputs, columns:
    /// examples), 0 or 1 per example. Throws when `bits` has another number of rows.
    public func answers(for bits: BitMatrix, output: Int = 0) throws(ConfigurationError) -> [UInt8] {
        guard bits.rowCount == inputCount else {
            throw .inputSizeMismatch(modelInputs: inputCount, dataFeatures: bits.rowCount, source: "AIGER circuit input")
        }
        guard outputs.indices.contains(output) else {
            throw .invalidValue(option: "output", reason: "output \(output) of a circuit with \(outputs.count)")
        }
        let words = bits.wordsPerRow
        // Variable v's bits at v * words; variable 0 is the constant 0.
        var values = [UInt64](repeating: 0, count: (inputCount + 1 + gates.count) * words)
        values.replaceSubrange(words..<(words * (inputCount + 1)), with: bits.words)
        values.withUnsafeMutableBufferPointer { v in
            for (index, gate) in gates.enumerated() {
                let target = (inputCount + 1 + index) * words
                let a = Int(gate.0 >> 1) * words, b = Int(gate.1 >> 1) * words
                let flipA: UInt64 = gate.0 & 1 == 1 ? .max : 0, flipB: UInt64 = gate.1 & 1 == 1 ? .max : 0
                for w in 0..<words { v[target + w] = (v[a + w] ^ flipA) & (v[b + w] ^ flipB) }
            }
        }
        let literal = outputs[output], base = Int(literal >> 1) * words, flip = literal & 1 == 1
        return (0..<bits.columnCount).map { e in
            let bit = values[base + e / 64] >> UInt64(e % 64) & 1 == 1
            return bit != flip ? 1 : 0
        }
    }
}
