/// The truth table of a Boolean function of `variables` inputs: bit p is the value at input
/// pattern p (bit j of p is input j), 2^variables bits in 64-bit words, bits past the end zero.
struct TruthTable: Hashable, Sendable {
    /// Number of inputs (0...16).
    let variables: Int
    /// The packed bits.
    var words: [UInt64]

    /// Words of a table of `variables` inputs.
    static func wordCount(_ variables: Int) -> Int { variables <= 6 ? 1 : 1 << (variables - 6) }

    /// The used bits of a one-word table.
    private static func usedBits(_ variables: Int) -> UInt64 {
        variables >= 6 ? .max : (1 << (UInt64(1) << UInt64(variables))) - 1
    }

    /// The constant function `value`.
    init(variables: Int, constant value: Bool) {
        self.variables = variables
        words = [UInt64](repeating: value ? Self.usedBits(variables) : 0, count: Self.wordCount(variables))
    }

    /// A table from its words; bits past 2^variables are cleared.
    init(variables: Int, words: [UInt64]) {
        precondition(words.count == Self.wordCount(variables), "a table of \(variables) inputs has \(Self.wordCount(variables)) words")
        self.variables = variables
        self.words = words
        if variables < 6 { self.words[0] &= Self.usedBits(variables) }
    }

    /// The value at `pattern`.
    subscript(pattern: Int) -> Bool {
        get { words[pattern >> 6] >> UInt64(pattern & 63) & 1 == 1 }
        set {
            if newValue { words[pattern >> 6] |= 1 << UInt64(pattern & 63) }
            else { words[pattern >> 6] &= ~(1 << UInt64(pattern & 63)) }
        }
    }

    var isZero: Bool { words.allSatisfy { $0 == 0 } }
    var isOne: Bool { words.allSatisfy { $0 == Self.usedBits(variables) } }

    static func & (a: TruthTable, b: TruthTable) -> TruthTable {
        TruthTable(variables: a.variables, words: zip(a.words, b.words).map { $0 & $1 })
    }
    static func | (a: TruthTable, b: TruthTable) -> TruthTable {
        TruthTable(variables: a.variables, words: zip(a.words, b.words).map { $0 | $1 })
    }
    static prefix func ~ (a: TruthTable) -> TruthTable {
        TruthTable(variables: a.variables, words: a.words.map { ~$0 })
    }

    /// The cofactors on the last input (input `variables - 1` at 0 and at 1), tables of one input fewer.
    var cofactors: (zero: TruthTable, one: TruthTable) {
        let n = variables - 1
        if n >= 6 {
            let half = words.count / 2
            return (TruthTable(variables: n, words: Array(words[..<half])), TruthTable(variables: n, words: Array(words[half...])))
        }
        let shift = UInt64(1) << UInt64(n)
        return (TruthTable(variables: n, words: [words[0]]), TruthTable(variables: n, words: [words[0] >> shift]))
    }

    /// The function of one input more that is `zero` where the new last input is 0 and `one` where it is 1.
    static func joining(zero: TruthTable, one: TruthTable) -> TruthTable {
        let n = zero.variables
        if n >= 6 { return TruthTable(variables: n + 1, words: zero.words + one.words) }
        return TruthTable(variables: n + 1, words: [zero.words[0] | one.words[0] << (UInt64(1) << UInt64(n))])
    }

    /// Whether the function depends on input `variable`.
    func dependsOn(_ variable: Int) -> Bool {
        (0..<(1 << variables)).contains { p in p >> variable & 1 == 0 && self[p] != self[p | 1 << variable] }
    }

    /// The function over `variables` new inputs where this table's input i is new input
    /// `positions[i]`: at every new pattern r, the value at the pattern whose input i is bit
    /// `positions[i]` of r. Merges repeated inputs (two inputs given one position) and drops
    /// unused ones.
    func projected(onto variables: Int, positions: [Int]) -> TruthTable {
        if variables == self.variables && positions == Array(0..<variables) { return self }
        var result = TruthTable(variables: variables, constant: false)
        for r in 0..<(1 << variables) {
            var p = 0
            for (i, position) in positions.enumerated() where r >> position & 1 == 1 { p |= 1 << i }
            if self[p] { result[r] = true }
        }
        return result
    }
}
