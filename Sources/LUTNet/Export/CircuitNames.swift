/// The names exported circuits give their signals, and the header comment they share.
enum CircuitNames {
    /// The name of node `index` of `circuit` (`LogicCircuit.Node.name`).
    static func node(_ index: Int, in circuit: LogicCircuit) -> String {
        circuit.nodes[index].name
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
    static func header(_ circuit: LogicCircuit, format: String, marker: String, inputName: (Int) -> String,
                       indexOutput: String) -> String {
        headerLines(circuit, format: format, inputName: inputName, indexOutput: indexOutput)
            .map { marker + $0 }.joined(separator: "\n") + "\n"
    }

    /// Lines describing the circuit: what it computes, its inputs and their binarization (done by
    /// the exported file itself when `thresholdsInside`), each line to be prefixed by a format's
    /// comment marker; `indexOutput` says where a class index comes out.
    static func headerLines(_ circuit: LogicCircuit, format: String, thresholdsInside: Bool = false,
                            inputName: (Int) -> String, indexOutput: String) -> [String] {
        let count = circuit.inputCount
        let binarized: String = thresholdsInside ? "binarized by this file:" : "binarized outside the"
        let rule: String = (thresholdsInside ? "" : "circuit: ") + "the bit is 1 when the byte is >= \(circuit.threshold)."
        let exactness: String = circuit.dontCares == .unseen
            ? "Don't-cares: a LUT pattern no training example showed took whichever value made the cover smaller;\nthe circuit agrees with the network on every training example, not necessarily elsewhere."
            : "Exact: every LUT computes the network's table bit for bit."
        let what: [String]
        var size = "\(circuit.lutCount) LUTs, \(circuit.levels) levels"
        switch circuit.readout {
        case .bit:
            what = ["LUTNet network exported as \(format): \(circuit.summary).",
                    "Output y: the network's answer, 1 for the task's second class group, 0 for the first."]
        case .classIndex(let task, _):
            what = ["LUTNet multi-class model exported as \(format): \(circuit.summary).",
                    "Output: the class index 0 ... \(task.classCount - 1) (class c is group c of the task), \(indexOutput).",
                    "Class c's votes are how many LUTs of its network's last layer say 1; the answer is the",
                    "best-voted class, a tie going to the lowest class."]
            size += ", then \(circuit.nodes.count - circuit.lutCount) gates that count the votes and pick the class"
        }
        let lines: [String] = what + [
            "Inputs: \(count) bits; \(inputName(0)) ... \(inputName(count - 1)). Bit j is byte j of an example",
            "(for images of C channels, pixel j / C and channel j % C; pixels row by row), " + binarized,
            rule,
            exactness,
            size + (circuit.hasCovers ? ", \(circuit.literalCount) literals in their covers." : "."),
        ]
        return lines.flatMap { $0.split(separator: "\n").map(String.init) }
    }
}
