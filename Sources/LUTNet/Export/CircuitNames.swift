/// The names exported circuits give their signals, and the header comment they share.
enum CircuitNames {
    /// The name of node `index` of `circuit`: `y` for the answer, else `l<layer>_<lut>`.
    static func node(_ index: Int, in circuit: LogicCircuit) -> String {
        index == circuit.nodes.count - 1 ? "y" : "l\(circuit.nodes[index].layer)_\(circuit.nodes[index].lut)"
    }

    /// The names of `node`'s inputs: `inputName(j)` for input bit j, the node name for a node.
    static func inputs(of node: LogicCircuit.Node, in circuit: LogicCircuit, inputName: (Int) -> String) -> [String] {
        node.inputs.map { signal in
            switch signal {
            case .input(let j): inputName(j)
            case .node(let n): Self.node(n, in: circuit)
            }
        }
    }

    /// The header comment of a text format: `headerLines`, each after `marker`, one per line.
    static func header(_ circuit: LogicCircuit, format: String, marker: String, inputName: (Int) -> String) -> String {
        headerLines(circuit, format: format, inputName: inputName).map { marker + $0 }.joined(separator: "\n") + "\n"
    }

    /// Lines describing the circuit: what it computes, its inputs and their binarization (done by
    /// the exported file itself when `thresholdsInside`), each line to be prefixed by a format's
    /// comment marker.
    static func headerLines(_ circuit: LogicCircuit, format: String, thresholdsInside: Bool = false,
                            inputName: (Int) -> String) -> [String] {
        let count = circuit.inputCount
        let binarized: String = thresholdsInside ? "binarized by this file:" : "binarized outside the"
        let rule: String = (thresholdsInside ? "" : "circuit: ") + "the bit is 1 when the byte is >= \(circuit.threshold)."
        let exactness: String = circuit.dontCares == .unseen
            ? "Don't-cares: a LUT pattern no training example showed took whichever value made the cover smaller;\nthe circuit agrees with the network on every training example, not necessarily elsewhere."
            : "Exact: every LUT computes the network's table bit for bit."
        let lines: [String] = [
            "LUTNet network exported as \(format): \(circuit.shape), task \(circuit.task).",
            "Output y: the network's answer, 1 for the task's second class group, 0 for the first.",
            "Inputs: \(count) bits; \(inputName(0)) ... \(inputName(count - 1)). Bit j is byte j of an example",
            "(for images of C channels, pixel j / C and channel j % C; pixels row by row), " + binarized,
            rule,
            exactness,
            "\(circuit.nodes.count) LUTs, \(circuit.levels) levels" + (circuit.hasCovers ? ", \(circuit.literalCount) literals in their covers." : "."),
        ]
        return lines.flatMap { $0.split(separator: "\n").map(String.init) }
    }
}
