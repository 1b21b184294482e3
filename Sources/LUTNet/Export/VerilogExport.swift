/// A circuit as a synthesizable Verilog-2001 module: input bus `x` (bit j is input bit j), output
/// `y` (for a multi-class model the bus `y` of the class index, bit j the wire `yj`), one
/// continuous assignment per LUT or readout gate holding its cover as a sum of products (or the
/// complement of a cover of its zeros). Yosys synthesizes it; Icarus Verilog simulates it.
public enum VerilogExport {
    /// The Verilog text of a circuit.
    ///
    /// - Parameters:
    ///   - circuit: The circuit, built with covers.
    ///   - name: The module's name, a Verilog identifier.
    /// - Returns: The file's text.
    public static func text(_ circuit: LogicCircuit, name: String) -> String {
        precondition(circuit.hasCovers, "the Verilog text is made of the covers: build the circuit with covers")
        var out = CircuitNames.header(circuit, format: "Verilog", marker: "// ", inputName: { "x[\($0)]" },
                                      indexOutput: "on y[\(circuit.outputBitCount - 1):0]")
        // A binary network's answer node is the output y; a class index's bit nodes y0… make the bus y.
        let bus = if case .classIndex = circuit.readout { true } else { false }
        let output = bus ? "output wire [\(circuit.outputBitCount - 1):0] y" : "output wire y"
        out += "module \(name) (\n    input wire [\(circuit.inputCount - 1):0] x,\n    \(output)\n);\n"
        for index in (bus ? circuit.nodes.indices : circuit.nodes.indices.dropLast()) {
            out += "    wire \(CircuitNames.node(index, in: circuit));\n"
        }
        if bus {
            out += "    assign y = {" + circuit.outputs.reversed().map { CircuitNames.node($0, in: circuit) }.joined(separator: ", ") + "};\n"
        }
        for (index, node) in circuit.nodes.enumerated() {
            let inputs = CircuitNames.inputs(of: node, in: circuit, inputName: { "x[\($0)]" })
            let products = node.cubes.map { cube -> String in
                let literals = inputs.indices.compactMap { j -> String? in
                    let bit = UInt32(1) << UInt32(j)
                    return cube.mask & bit == 0 ? nil : cube.values & bit == 0 ? "~" + inputs[j] : inputs[j]
                }
                return literals.isEmpty ? "1'b1" : literals.count == 1 ? literals[0] : "(" + literals.joined(separator: " & ") + ")"
            }
            let sum = products.isEmpty ? "1'b0" : products.joined(separator: "\n        | ")
            let value = node.coverIsOnSet ? sum : "~(" + sum + ")"
            out += "    assign \(CircuitNames.node(index, in: circuit)) = \(value);\n"
        }
        return out + "endmodule\n"
    }
}
