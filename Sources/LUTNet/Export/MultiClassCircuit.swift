extension LogicCircuit {
    /// The circuit of a multi-class model: the LUTs of every class's network (a LUT that two
    /// networks hold alike, as a shared first layer, is one node), then the gates that count each
    /// class's votes (its last layer's LUTs that say 1) and pick the best-voted class, a tie going
    /// to the lowest, as `MultiClassNetwork.predict` does. The output bits `y0`… are the class
    /// index, least significant first.
    ///
    /// - Parameters:
    ///   - model: The trained multi-class model.
    ///   - dontCares: `.unseen` lets patterns no training example showed a LUT take either value
    ///     (the model must record them).
    ///   - covers: Whether to find every node's sum of products (BLIF, Verilog and literal counts
    ///     need them); don't-cares always do.
    ///   - threads: Threads finding the covers (nil: one per core).
    /// - Throws: `ExportError.noSeenPatterns` for `.unseen` on a model that does not record the
    ///   patterns training showed.
    public init(_ model: MultiClassNetwork, dontCares: DontCares = .none, covers: Bool = true,
                threads: Int? = nil) throws(ExportError) {
        if dontCares == .unseen, model.classLayers.contains(where: { $0.contains { $0.seenPatterns == nil } }) {
            throw .noSeenPatterns
        }
        inputCount = model.inputCount
        threshold = model.threshold
        summary = Self.summary(of: model)
        self.dontCares = dontCares
        let covers = covers || dontCares == .unseen
        hasCovers = covers
        // Every class's cone, merged: a node whose inputs and function a node already has is that node.
        var nodes: [Node] = [], known: [NodeKey: Int] = [:], voters: [[Int]] = []
        for (c, layers) in model.classLayers.enumerated() {
            let last = layers[layers.count - 1].width
            let cone = Self.lutNodes(layers, top: Array(0..<last), dontCares: dontCares, covers: covers, threads: threads) {
                "c\(c)_l\($0)_\($1)"
            }
            var number: [Int] = []
            for node in cone.nodes {
                let inputs = node.inputs.map { signal -> Signal in
                    if case .node(let n) = signal { return .node(number[n]) }
                    return signal
                }
                let key = NodeKey(inputs: inputs, function: node.function)
                if let existing = known[key] {
                    number.append(existing)
                    continue
                }
                known[key] = nodes.count
                number.append(nodes.count)
                nodes.append(Node(name: node.name, inputs: inputs, function: node.function, cubes: node.cubes,
                                  coverIsOnSet: node.coverIsOnSet))
            }
            voters.append(cone.top.map { number[$0] })
        }
        lutCount = nodes.count
        readout = .classIndex(model.task, voters: voters)
        var gates = VoteReadoutGates(after: nodes, covers: covers)
        let index = gates.classIndex(voters: voters)
        gates.outputs(index, names: index.indices.map { "y\($0)" })
        self.nodes = gates.nodes
    }

    /// A node's inputs and function: two LUTs alike are one node.
    private struct NodeKey: Hashable {
        let inputs: [Signal]
        let function: TruthTable
    }

    /// The model's shape for headers: `k=6, 32 per class, 10 classes (task 0:1:…), wiring local:6`.
    static func summary(of model: MultiClassNetwork) -> String {
        let widths = model.classLayers[0].map { String($0.width) }.joined(separator: ",")
        return "k=\(model.k), \(widths) per class, \(model.classCount) classes (task \(model.task)), wiring \(model.wiring)"
    }
}
