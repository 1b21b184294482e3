/// A trained network as a logic circuit: the LUTs the answer depends on, each a node with its
/// distinct inputs, the function it computes over them and that function as a sum of products. A
/// multi-class model's circuit adds the gates that count its votes and pick the class (see
/// `init(_:dontCares:covers:threads:)` for a `MultiClassNetwork`); its outputs are the class index.
/// Binarization stays outside: the circuit's inputs are the network's input bits, bit j being byte
/// j of an example (pixel j / C, channel j % C for C channels).
///
/// Exact circuits compute every LUT's table bit for bit. With `DontCares.unseen`, a pattern that no
/// training example showed a LUT may take either value, whichever gives the smaller cover; the
/// circuit then agrees with the network on every training example (each LUT still sees only
/// patterns training showed it) but not necessarily elsewhere.
public struct LogicCircuit: Sendable {
    /// Which table bits the export may change.
    public enum DontCares: String, Sendable, CaseIterable {
        /// None: the circuit computes the network's tables exactly.
        case none
        /// Patterns no training example showed a LUT.
        case unseen
    }

    /// Where a node input comes from.
    public enum Signal: Hashable, Sendable {
        /// Input bit j of the network.
        case input(Int)
        /// The output of node i (an earlier node).
        case node(Int)
    }

    /// One LUT of the network (or one gate of a multi-class model's readout) as a logic node.
    public struct Node: Sendable {
        /// Its signal's name in the exported files: `l<layer>_<lut>` for a LUT of a binary
        /// network, `c<class>_l<layer>_<lut>` for one of a multi-class model, the output's name
        /// (`y`, `y0`…) for an output bit.
        public let name: String
        /// Its distinct inputs in the order of the cover's and the function's input bits; inputs
        /// the function ignores are left out (a constant node has none).
        public let inputs: [Signal]
        /// The function the node computes: bit p is its output when input j is bit j of p.
        let function: TruthTable
        /// A sum of products of `function` when `coverIsOnSet`, else of its complement.
        public let cubes: [Cube]
        /// Whether `cubes` cover the ones (true) or the zeros (false) of the function.
        public let coverIsOnSet: Bool
        /// Literals in `cubes`.
        public var literalCount: Int { cubes.reduce(0) { $0 + $1.literalCount } }
        /// The node's function at one input pattern.
        ///
        /// - Parameter pattern: The pattern; bit j is input j.
        /// - Returns: The function's value.
        public func output(pattern: Int) -> Bool { function[pattern] }
    }

    /// What the circuit's output bits answer.
    public enum Readout: Sendable, Equatable {
        /// One bit `y`, the binary network's answer: 1 for the task's second group.
        case bit(BinaryTask)
        /// The class index of a multi-class model, output bit j being bit j of it. Class c's votes
        /// are how many of the nodes `voters[c]` (its network's last layer, one entry per LUT) say
        /// 1; the answer is the best-voted class, a tie going to the lowest class.
        case classIndex(MultiClassTask, voters: [[Int]])
    }

    /// Input bits of the network (all of them are circuit inputs, used or not).
    public let inputCount: Int
    /// The binarization the circuit's inputs come from: bit j is 1 when byte j is >= threshold.
    public let threshold: UInt8
    /// What the output bits answer, and for a multi-class model the task and the voting nodes.
    public let readout: Readout
    /// The model's shape and task, for headers (`k=6, 1x16 + 1 output LUT, task 0-4:5-9`).
    public let summary: String
    /// The don't-cares used.
    public let dontCares: DontCares
    /// The nodes, each after its inputs: first the LUTs (`lutCount` of them), then the gates that
    /// count a multi-class model's votes and pick the best-voted class; the output bits last.
    public let nodes: [Node]
    /// Nodes that are LUTs of the model (the first ones).
    public let lutCount: Int
    /// The nodes whose values are the output bits, least significant first: the last node for a
    /// binary network, the class index bits (the last nodes) for a multi-class model.
    public var outputs: Range<Int> { (nodes.count - outputBitCount)..<nodes.count }
    /// Bits of the answer: 1, or those of the largest class index.
    public var outputBitCount: Int {
        switch readout {
        case .bit: 1
        case .classIndex(let task, _): Self.indexBits(classes: task.classCount)
        }
    }
    /// Whether the nodes carry their sums of products (BLIF, Verilog and literal counts need them;
    /// the C file and evaluation need only the functions).
    public let hasCovers: Bool

    /// Bits of a class index of `classes` classes (at least 1).
    static func indexBits(classes: Int) -> Int { max(1, Int.bitWidth - (classes - 1).leadingZeroBitCount) }

    /// The input bits some node reads, ascending.
    public var usedInputs: [Int] {
        Array(Set(nodes.flatMap { $0.inputs.compactMap { if case .input(let j) = $0 { j } else { nil } } })).sorted()
    }

    /// Each node's level: 1 + the highest level of the nodes it reads (inputs are level 0).
    var nodeLevels: [Int] {
        var level = [Int](repeating: 0, count: nodes.count)
        for (i, node) in nodes.enumerated() {
            level[i] = 1 + (node.inputs.map { if case .node(let n) = $0 { level[n] } else { 0 } }.max() ?? 0)
        }
        return level
    }

    /// LUT levels on the longest path from an input to an output (the readout gates not counted).
    public var levels: Int { nodeLevels.prefix(lutCount).max() ?? 0 }

    /// Literals over all covers.
    public var literalCount: Int { nodes.reduce(0) { $0 + $1.literalCount } }

    /// The circuit of a binary network: the LUTs its answer depends on; the answer is output `y`.
    ///
    /// - Parameters:
    ///   - network: The network; it must read each byte at the threshold alone.
    ///   - dontCares: Which table bits may change; ``DontCares/unseen`` needs a network that
    ///     recorded its seen patterns.
    ///   - covers: Whether to find every node's sum of products (BLIF, Verilog and literal counts
    ///     need them); don't-cares always find them.
    ///   - threads: The worker threads that find the covers; nil for one per core.
    /// - Throws: ``ExportError/noSeenPatterns`` for don't-cares on a network without seen patterns,
    ///   and ``ExportError/inputEncoding(_:)`` for a network that reads more input bits than its
    ///   bytes at the threshold.
    public init(_ network: LUTNetwork, dontCares: DontCares = .none, covers: Bool = true,
                threads: Int? = nil) throws(ExportError) {
        if dontCares == .unseen, network.layers.contains(where: { $0.seenPatterns == nil }) {
            throw .noSeenPatterns
        }
        guard network.encoding.isThresholdOnly else { throw .inputEncoding(network.encoding.description) }
        inputCount = network.inputCount
        threshold = network.threshold
        readout = .bit(network.task)
        summary = "\(network.shape), task \(network.task)"
        self.dontCares = dontCares
        let covers = covers || dontCares == .unseen
        hasCovers = covers
        let last = network.layers.count - 1
        nodes = Self.lutNodes(network.layers, top: [0], dontCares: dontCares, covers: covers, threads: threads) { layer, lut in
            layer == last ? "y" : "l\(layer)_\(lut)"
        }.nodes
        lutCount = nodes.count
    }

    /// The LUTs of `layers` that the LUTs `top` of the last layer depend on, as nodes numbered from
    /// 0, each after its inputs, with the node numbers of `top`; LUT `lut` of layer `layer` is named
    /// `name(layer, lut)`, its cover found on `threads` threads.
    static func lutNodes(_ layers: [LUTLayer], top: [Int], dontCares: DontCares, covers: Bool, threads: Int?,
                         name: (Int, Int) -> String) -> (nodes: [Node], top: [Int]) {
        // From the top down: a LUT is a node when a node above reads it.
        var built: [[Int: Node]] = Array(repeating: [:], count: layers.count)
        var needed = Set(top)
        for index in layers.indices.reversed() {
            var below: Set<Int> = []
            let luts = needed.sorted(), layer = layers[index]
            // Every LUT's cover on its own: spread over the threads, each writing its own slot.
            let results = SharedBuffer<Node?>.allocate(count: luts.count, repeating: nil)
            defer { results.deallocate() }
            let names = luts.map { name(index, $0) }
            ParallelWork.forEach(count: luts.count, threads: threads ?? ParallelWork.defaultThreads, chunk: 1) { _, items in
                for item in items {
                    results.base[item] = Self.node(layer, layer: index, lut: luts[item], name: names[item], dontCares: dontCares,
                                                   covers: covers)
                }
            }
            for (item, lut) in luts.enumerated() {
                let node = results.base[item].unsafelyUnwrapped
                for case .node(let source) in node.inputs { below.insert(source) }
                built[index][lut] = node
            }
            needed = below
        }
        // Number the nodes bottom up and point inputs at node numbers.
        var numbers: [[Int: Int]] = Array(repeating: [:], count: layers.count)
        var nodes: [Node] = []
        for index in layers.indices {
            for lut in built[index].keys.sorted() {
                let node = built[index][lut].unsafelyUnwrapped
                let inputs = node.inputs.map { signal -> Signal in
                    if case .node(let source) = signal { return .node(numbers[index - 1][source].unsafelyUnwrapped) }
                    return signal
                }
                numbers[index][lut] = nodes.count
                nodes.append(Node(name: node.name, inputs: inputs, function: node.function, cubes: node.cubes,
                                  coverIsOnSet: node.coverIsOnSet))
            }
        }
        return (nodes, top.map { numbers[layers.count - 1][$0].unsafelyUnwrapped })
    }

    /// LUT `lut` of `layer` (number `layer`) as a node named `name` whose `.node` inputs are LUT
    /// indices of the layer below.
    private static func node(_ layer: LUTLayer, layer index: Int, lut: Int, name: String, dontCares: DontCares,
                             covers: Bool) -> Node {
        let k = layer.k
        let sources = layer.inputs[(lut * k)..<((lut + 1) * k)].map(Int.init)
        var distinct: [Int] = []
        let positions = sources.map { source -> Int in
            if let at = distinct.firstIndex(of: source) { return at }
            distinct.append(source)
            return distinct.count - 1
        }
        let words = Array(layer.tables[(lut * layer.tableWords)..<((lut + 1) * layer.tableWords)])
        let table = TruthTable(variables: k, words: words).projected(onto: distinct.count, positions: positions)
        var care = TruthTable(variables: distinct.count, constant: true)
        if dontCares == .unseen, let seen = layer.seenPatterns {
            let mask = Array(seen[(lut * layer.tableWords)..<((lut + 1) * layer.tableWords)])
            care = TruthTable(variables: k, words: mask).projected(onto: distinct.count, positions: positions)
        }
        let inputs: [Signal] = distinct.map { index == 0 ? .input($0) : .node($0) }
        return node(name: name, inputs: inputs, table: table, care: care, covers: covers)
    }

    /// A node named `name` over the distinct signals `inputs` (input j is bit j of a pattern) that
    /// computes `table` wherever `care` is 1: with `covers`, the smaller of a cover of its ones and
    /// of its zeros (the function the cover makes), else `table` itself; inputs the function does
    /// not depend on are left out.
    static func node(name: String, inputs distinct: [Signal], table: TruthTable, care: TruthTable, covers: Bool) -> Node {
        let function: TruthTable, cubes: [Cube], onSet: Bool, kept: [Int]
        if covers {
            // The smaller of a cover of the ones and a cover of the zeros.
            let ones = SumOfProducts.cover(lower: table & care, upper: table | ~care)
            let zeros = SumOfProducts.cover(lower: ~table & care, upper: ~table | ~care)
            let literals = { (cubes: [Cube]) in cubes.reduce(0) { $0 + $1.literalCount } }
            onSet = literals(ones.cubes) <= literals(zeros.cubes)
            cubes = onSet ? ones.cubes : zeros.cubes
            function = onSet ? ones.function : ~zeros.function
            // Keep only the inputs the cover mentions.
            let support = cubes.reduce(UInt32(0)) { $0 | $1.mask }
            kept = (0..<distinct.count).filter { support >> UInt32($0) & 1 == 1 }
        } else {
            // The exact table; an irredundant cover would mention exactly the inputs it depends on.
            (function, cubes, onSet) = (table, [], true)
            kept = (0..<distinct.count).filter { table.dependsOn($0) }
        }
        let squeeze = { (bits: UInt32) -> UInt32 in
            kept.enumerated().reduce(UInt32(0)) { $0 | (bits >> UInt32($1.element) & 1) << UInt32($1.offset) }
        }
        // The function of the kept inputs: its value with every dropped input at 0.
        var reduced = function
        if kept.count < distinct.count {
            reduced = TruthTable(variables: kept.count, constant: false)
            for r in 0..<(1 << kept.count) {
                let p = kept.enumerated().reduce(0) { $0 | (r >> $1.offset & 1) << $1.element }
                reduced[r] = function[p]
            }
        }
        return Node(name: name, inputs: kept.map { distinct[$0] }, function: reduced,
                    cubes: cubes.map { Cube(mask: squeeze($0.mask), values: squeeze($0.values)) }, coverIsOnSet: onSet)
    }

    /// The circuit's answer for one example: a plain evaluation of the nodes' functions, the reference
    /// the exported files are checked against.
    ///
    /// - Parameter bits: The example's input bits; `bits[j]` is input j.
    /// - Returns: Whether the output bits make a number other than 0: for a binary network, true for
    ///   the task's second group.
    public func answer(bits: [Bool]) -> Bool { value(bits: bits) != 0 }

    /// The number the output bits make for one example, by a plain evaluation of the nodes' functions.
    ///
    /// - Parameter bits: The example's input bits; `bits[j]` is input j.
    /// - Returns: The binary answer (0 or 1) or the class index.
    public func value(bits: [Bool]) -> Int {
        var values = [Bool](repeating: false, count: nodes.count)
        for (i, node) in nodes.enumerated() {
            var pattern = 0
            for (j, input) in node.inputs.enumerated() {
                let bit = switch input { case .input(let b): bits[b]; case .node(let n): values[n] }
                if bit { pattern |= 1 << j }
            }
            values[i] = node.function[pattern]
        }
        return outputs.enumerated().reduce(0) { $0 | (values[$1.element] ? 1 << $1.offset : 0) }
    }
}
