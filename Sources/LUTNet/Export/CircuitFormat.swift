/// The export formats and what they are made of.
public enum CircuitFormat: String, Sendable, CaseIterable {
    /// Berkeley Logic Interchange Format (ABC, Yosys).
    case blif
    /// A synthesizable Verilog module.
    case verilog
    /// A self-contained C99 file.
    case c

    /// The text of a circuit in this format.
    ///
    /// - Parameters:
    ///   - circuit: The circuit; BLIF and Verilog need it built with covers.
    ///   - name: The model, module or function prefix; see ``isValidName(_:)``.
    /// - Returns: The file's text.
    public func text(_ circuit: LogicCircuit, name: String) -> String {
        switch self {
        case .blif: BLIFExport.text(circuit, name: name)
        case .verilog: VerilogExport.text(circuit, name: name)
        case .c: CExport.text(circuit, name: name)
        }
    }

    /// Whether a name can name a model, a module and C functions.
    ///
    /// - Parameter name: The name.
    /// - Returns: Whether it is a letter or underscore followed by letters, digits and underscores.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}
