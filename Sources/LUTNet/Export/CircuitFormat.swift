/// The export formats and what they are made of.
public enum CircuitFormat: String, Sendable, CaseIterable {
    /// Berkeley Logic Interchange Format (ABC, Yosys).
    case blif
    /// A synthesizable Verilog module.
    case verilog
    /// A self-contained C99 file.
    case c

    /// The text of `circuit` in this format, its model, module or function prefix named `name`.
    public func text(_ circuit: LogicCircuit, name: String) -> String {
        switch self {
        case .blif: BLIFExport.text(circuit, name: name)
        case .verilog: VerilogExport.text(circuit, name: name)
        case .c: CExport.text(circuit, name: name)
        }
    }

    /// Whether `name` can name a model, module and C function: a letter or underscore, then
    /// letters, digits and underscores.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}
