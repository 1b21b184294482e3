/// A trained network as a logic circuit: the LUTs the answer depends on, each a node with its
/// distinct inputs, the function it computes over them and that function as a sum of products.
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
    public enum Signal: Equatable, Sendable {
        /// Input bit j of the network.
        case input(Int)
        /// The output of node i (an earlier node).
        case node(Int)
    }

    /// One LUT of the network as a logic node.
    public struct Node: Sendable {
        /// The layer and index of the LUT in the network.
        public let layer: Int, lut: Int
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
        /// The function's value at pattern p (bit j: input j).
        public func output(pattern: Int) -> Bool { function[pattern] }
    }

    /// Input bits of the network (all of them are circuit inputs, used or not).
    public let inputCount: Int
    /// The binarization the circuit's inputs come from: bit j is 1 when byte j is >= threshold.
    public let threshold: UInt8
    /// The network's task: the circuit's answer 1 means group B.
    public let task: BinaryTask
    /// The network's shape, for headers.
    public let shape: NetworkShape
    /// The don't-cares used.
    public let dontCares: DontCares
    /// The nodes, each after its inputs; the last one is the answer.
    public let nodes: [Node]
    /// Whether the nodes carry their sums of products (BLIF, Verilog and literal counts need them;
    /// the C file and evaluation need only the functions).
    public let hasCovers: Bool

    /// The input bits some node reads, ascending.
    public var usedInputs: [Int] {
        Array(Set(nodes.flatMap { $0.inputs.compactMap { if case .input(let j) = $0 { j } else { nil } } })).sorted()
    }

    /// LUT levels on the longest path from an input to the answer.
    public var levels: Int {
        var level = [Int](repeating: 0, count: nodes.count)
        for (i, node) in nodes.enumerated() {
            level[i] = 1 + (node.inputs.map { if case .node(let n) = $0 { level[n] } else { 0 } }.max() ?? 0)
        }
        return level.last ?? 0
    }

    /// Literals over all covers.
    public var literalCount: Int { nodes.reduce(0) { $0 + $1.literalCount } }

    /// The circuit of `network`, its LUTs' covers found on `threads` threads; `.unseen` needs a
    /// model that recorded its seen patterns. Without `covers` an exact circuit skips the sums of
    /// products (don't-cares always need them: the cover chooses the function).
    public init(_ network: LUTNetwork, dontCares: DontCares = .none, covers: Bool = true,
                threads: Int? = nil) throws(ExportError) {
        if dontCares == .unseen, network.layers.contains(where: { $0.seenPatterns == nil }) {
            throw .noSeenPatterns
        }
        guard network.encoding.isThresholdOnly else { throw .inputEncoding(network.encoding.description) }
        inputCount = network.inputCount
        threshold = network.threshold
        task = network.task
        shape = network.shape
        self.dontCares = dontCares
        let covers = covers || dontCares == .unseen
        hasCovers = covers
        // From the answer down: a LUT is a node when a node above reads it.
        var built: [[Int: Node]] = Array(repeating: [:], count: network.layers.count)
        var needed: Set<Int> = [0]
        for index in network.layers.indices.reversed() {
            var below: Set<Int> = []
            let luts = needed.sorted(), layer = network.layers[index]
            // Every LUT's cover on its own: spread over the threads, each writing its own slot.
            let results = SharedBuffer<Node?>.allocate(count: luts.count, repeating: nil)
            defer { results.deallocate() }
            ParallelWork.forEach(count: luts.count, threads: threads ?? ParallelWork.defaultThreads, chunk: 1) { _, items in
                for item in items { results.base[item] = Self.node(layer, layer: index, lut: luts[item], dontCares: dontCares, covers: covers) }
            }
            for (item, lut) in luts.enumerated() {
                let node = results.base[item].unsafelyUnwrapped
                for case .node(let source) in node.inputs { below.insert(source) }
                built[index][lut] = node
            }
            needed = below
        }
        // Number the nodes bottom up and point inputs at node numbers.
        var numbers: [[Int: Int]] = Array(repeating: [:], count: network.layers.count)
        var nodes: [Node] = []
        for index in network.layers.indices {
            for lut in built[index].keys.sorted() {
                let node = built[index][lut].unsafelyUnwrapped
                let inputs = node.inputs.map { signal -> Signal in
                    if case .node(let source) = signal { return .node(numbers[index - 1][source].unsafelyUnwrapped) }
                    return signal
                }
                numbers[index][lut] = nodes.count
                nodes.append(Node(layer: index, lut: lut, inputs: inputs, function: node.function, cubes: node.cubes,
                                  coverIsOnSet: node.coverIsOnSet))
            }
        }
        self.nodes = nodes
    }

    /// LUT `lut` of `layer` (number `layer`) as a node whose `.node` inputs are LUT indices of the layer below.
    private static func node(_ layer: LUTLayer, layer index: Int, lut: Int, dontCares: DontCares, covers: Bool) -> Node {
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
        let inputs: [Signal] = kept.map { index == 0 ? .input(distinct[$0]) : .node(distinct[$0]) }
        return Node(layer: index, lut: lut, inputs: inputs, function: reduced,
                    cubes: cubes.map { Cube(mask: squeeze($0.mask), values: squeeze($0.values)) }, coverIsOnSet: onSet)
    }

    /// The circuit's answer for one example's input bits (`bits[j]` is input j): a plain
    /// evaluation of the nodes' functions, the reference the exported files are checked against.
    public func answer(bits: [Bool]) -> Bool {
        var values = [Bool](repeating: false, count: nodes.count)
        for (i, node) in nodes.enumerated() {
            var pattern = 0
            for (j, input) in node.inputs.enumerated() {
                let bit = switch input { case .input(let b): bits[b]; case .node(let n): values[n] }
                if bit { pattern |= 1 << j }
            }
            values[i] = node.function[pattern]
        }
        return values[nodes.count - 1]
    }
}
