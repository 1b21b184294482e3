/// A circuit in the Berkeley Logic Interchange Format: one `.names` block per LUT whose rows are
/// its cover's cubes (of the ones, or of the zeros with output column 0), the input bits `x0`…
/// as primary inputs and `y` as the one output (a multi-class model's class index: `y0`, its least
/// significant bit, and up). ABC (`read`) and Yosys (`read_blif`) read it.
public enum BLIFExport {
    /// The BLIF text of a circuit.
    ///
    /// - Parameters:
    ///   - circuit: The circuit, built with covers.
    ///   - name: The model's name (`.model`).
    /// - Returns: The file's text.
    public static func text(_ circuit: LogicCircuit, name: String) -> String {
        precondition(circuit.hasCovers, "the BLIF text is made of the covers: build the circuit with covers")
        var out = CircuitNames.header(circuit, format: "BLIF", marker: "# ", inputName: { "x\($0)" }, indexOutput: "bit j on y<j>: y0 ... y\(circuit.outputBitCount - 1)")
        out += ".model \(name)\n"
        out += wrapped(".inputs", (0..<circuit.inputCount).map { "x\($0)" })
        out += wrapped(".outputs", circuit.outputs.map { CircuitNames.node($0, in: circuit) })
        for (index, node) in circuit.nodes.enumerated() {
            let inputs = CircuitNames.inputs(of: node, in: circuit, inputName: { "x\($0)" })
            out += wrapped(".names", inputs + [CircuitNames.node(index, in: circuit)])
            let value = node.coverIsOnSet ? " 1\n" : " 0\n"
            // A cover of the zeros with no cube is the constant 1, written as one row of ones.
            if !node.coverIsOnSet && node.cubes.isEmpty {
                out += (inputs.isEmpty ? "1\n" : String(repeating: "-", count: inputs.count) + " 1\n")
                continue
            }
            for cube in node.cubes {
                if inputs.isEmpty { out += value.dropFirst(); continue }
                var row = ""
                for j in 0..<inputs.count {
                    let bit = UInt32(1) << UInt32(j)
                    row += cube.mask & bit == 0 ? "-" : cube.values & bit == 0 ? "0" : "1"
                }
                out += row + value
            }
        }
        return out + ".end\n"
    }

    /// A BLIF line of `keyword` and `items`, continued with backslashes past about 100 characters.
    static func wrapped(_ keyword: String, _ items: [String]) -> String {
        var out = keyword, lineLength = keyword.count
        for item in items {
            if lineLength + item.count + 1 > 100 {
                out += " \\\n"
                lineLength = 0
            }
            out += " " + item
            lineLength += item.count + 1
        }
        return out + "\n"
    }
}
