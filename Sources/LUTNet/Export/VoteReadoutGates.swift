/// The gates after a multi-class model's LUTs: every class's votes counted by an adder tree, the
/// classes compared two by two in a tournament whose left (lower) side wins a tie, and the winner's
/// index as the output bits — the answer `MultiClassNetwork.predict` gives, the best-voted class
/// and on a tie the lowest. Gates of up to three inputs are appended to `nodes` as circuit nodes;
/// a gate that folds to a constant, to one of its inputs or to a node already made makes no node.
struct VoteReadoutGates {
    /// A signal of the readout: a constant or a circuit signal.
    enum Wire: Hashable {
        case constant(Bool)
        case signal(LogicCircuit.Signal)
    }

    /// A node's inputs and function, to find a gate already made.
    private struct Key: Hashable {
        let inputs: [LogicCircuit.Signal]
        let function: TruthTable
    }

    /// The circuit's nodes, the gates appended after the LUTs.
    private(set) var nodes: [LogicCircuit.Node]
    /// Whether the gates carry their sums of products.
    let covers: Bool
    private var known: [Key: Int] = [:]

    /// Gates to come after `nodes` (the LUTs), with covers when `covers`.
    init(after nodes: [LogicCircuit.Node], covers: Bool) {
        self.nodes = nodes
        self.covers = covers
        for (index, node) in nodes.enumerated() { known[Key(inputs: node.inputs, function: node.function)] = index }
    }

    /// The output bits, least significant first, of the class index that wins the votes of
    /// `voters` (per class, the nodes that vote; a node listed twice votes twice).
    mutating func classIndex(voters: [[Int]]) -> [Wire] {
        let indexBits = LogicCircuit.indexBits(classes: voters.count)
        var entrants = voters.enumerated().map { c, nodes in
            (votes: count(nodes.map { .signal(.node($0)) }, prefix: "c\(c)_votes"),
             index: (0..<indexBits).map { Wire.constant(c >> $0 & 1 == 1) })
        }
        var round = 0
        while entrants.count > 1 {
            var next: [(votes: [Wire], index: [Wire])] = []
            for pair in stride(from: 0, to: entrants.count, by: 2) {
                guard pair + 1 < entrants.count else { next.append(entrants[pair]); continue }
                let (left, right) = (entrants[pair], entrants[pair + 1])
                let prefix = "r\(round)_\(pair / 2)"
                let rightWins = greater(right.votes, left.votes, prefix: prefix + "_gt")
                // The final's winner needs only its index, not its votes.
                let width = entrants.count == 2 ? 0 : max(left.votes.count, right.votes.count)
                next.append((votes: (0..<width).map { select(rightWins, bit($0, of: right.votes), bit($0, of: left.votes), name: prefix + "_votes\($0)") },
                             index: (0..<indexBits).map { select(rightWins, right.index[$0], left.index[$0], name: prefix + "_index\($0)") }))
            }
            entrants = next
            round += 1
        }
        return entrants[0].index
    }

    /// Bit `i` of the number `bits` (least significant first), 0 past its width.
    private func bit(_ i: Int, of bits: [Wire]) -> Wire { i < bits.count ? bits[i] : .constant(false) }

    /// How many of `bits` are 1, as bits least significant first: full and half adders reduce each
    /// weight's column to one bit, their carries going to the next column.
    private mutating func count(_ bits: [Wire], prefix: String) -> [Wire] {
        var columns: [[Wire]] = [bits]
        var weight = 0, adders = 0
        while weight < columns.count {
            while columns[weight].count > 1 {
                if weight + 1 == columns.count { columns.append([]) }
                let take = min(3, columns[weight].count)
                let operands = Array(columns[weight].prefix(take))
                columns[weight].removeFirst(take)
                let name = prefix + "_add\(adders)"
                adders += 1
                // Sum: the parity of the operands; carry: at least two of them.
                let sum = gate(operands, name: name + "_s") { p in p.nonzeroBitCount % 2 == 1 }
                let carry = gate(operands, name: name + "_c") { p in p.nonzeroBitCount >= 2 }
                columns[weight].append(sum)
                columns[weight + 1].append(carry)
            }
            weight += 1
        }
        // Every column now holds at most one bit; an empty column is 0.
        return columns.map { $0.first ?? .constant(false) }
    }

    /// Whether the number `a` is greater than `b` (bits least significant first), rippled from the
    /// least significant bit: a is greater so far when its bit is 1 and b's 0, or the bits are
    /// equal and it was greater below.
    private mutating func greater(_ a: [Wire], _ b: [Wire], prefix: String) -> Wire {
        var result = Wire.constant(false)
        for i in 0..<max(a.count, b.count) {
            result = gate([bit(i, of: a), bit(i, of: b), result], name: prefix + "\(i)") { p in
                let (x, y, below) = (p & 1, p >> 1 & 1, p >> 2 & 1)
                return x > y || (x == y && below == 1)
            }
        }
        return result
    }

    /// `whenTrue` where `selector` is 1, else `whenFalse`.
    private mutating func select(_ selector: Wire, _ whenTrue: Wire, _ whenFalse: Wire, name: String) -> Wire {
        gate([selector, whenTrue, whenFalse], name: name) { p in p & 1 == 1 ? p >> 1 & 1 == 1 : p >> 2 & 1 == 1 }
    }

    /// The gate computing `function` of `wires` (bit j of its argument is wire j): constants folded
    /// in, repeated and unused inputs dropped, and no new node when what is left is a constant, a
    /// single input passed through, or a node already made.
    mutating func gate(_ wires: [Wire], name: String, _ function: (Int) -> Bool) -> Wire {
        var distinct: [LogicCircuit.Signal] = []
        for case .signal(let signal) in wires where !distinct.contains(signal) { distinct.append(signal) }
        var table = TruthTable(variables: distinct.count, constant: false)
        for r in 0..<(1 << distinct.count) {
            var pattern = 0
            for (j, wire) in wires.enumerated() {
                let value = switch wire {
                case .constant(let bit): bit
                case .signal(let signal): r >> distinct.firstIndex(of: signal).unsafelyUnwrapped & 1 == 1
                }
                if value { pattern |= 1 << j }
            }
            table[r] = function(pattern)
        }
        let node = LogicCircuit.node(name: name, inputs: distinct, table: table,
                                     care: TruthTable(variables: distinct.count, constant: true), covers: covers)
        if node.inputs.isEmpty { return .constant(node.function[0]) }
        if node.inputs.count == 1 && node.function[0] == false && node.function[1] { return .signal(node.inputs[0]) }
        let key = Key(inputs: node.inputs, function: node.function)
        if let index = known[key] { return .signal(.node(index)) }
        known[key] = nodes.count
        nodes.append(node)
        return .signal(.node(nodes.count - 1))
    }

    /// Appends one node per output bit, named `names[j]`: the wire passed through, or a constant.
    mutating func outputs(_ wires: [Wire], names: [String]) {
        for (wire, name) in zip(wires, names) {
            switch wire {
            case .constant(let bit):
                nodes.append(LogicCircuit.node(name: name, inputs: [], table: TruthTable(variables: 0, constant: bit),
                                               care: TruthTable(variables: 0, constant: true), covers: covers))
            case .signal(let signal):
                // The identity of one input: a buffer that gives the output bit its own name.
                nodes.append(LogicCircuit.node(name: name, inputs: [signal], table: TruthTable(variables: 1, words: [0b10]),
                                               care: TruthTable(variables: 1, constant: true), covers: covers))
            }
        }
    }
}
