/// The size of an exported circuit: its LUTs, levels and literals, and, where ABC ran, the
/// And-Inverter Graph after ABC's script.
public struct CircuitStatistics: Sendable, Equatable {
    /// LUTs the answer depends on.
    public let lutCount: Int
    /// Gates after the LUTs: a multi-class model's vote counters and class choice (0 for a binary network).
    public let gateCount: Int
    /// LUT levels on the longest path.
    public let levels: Int
    /// Cubes over all covers.
    public let cubeCount: Int
    /// Literals over all covers.
    public let literalCount: Int
    /// ABC's figures, nil when ABC was not run.
    public let abc: ABCSynthesis.Result?

    /// The figures of a circuit, and ABC's when a program is given.
    ///
    /// - Parameters:
    ///   - circuit: The circuit; built with covers when ABC runs on its BLIF.
    ///   - abcProgram: The ABC program to run on its BLIF, or nil not to run it.
    ///   - script: The ABC commands to run.
    /// - Throws: ``ExportError/toolFailed(tool:reason:)`` when ABC fails.
    public init(_ circuit: LogicCircuit, abcProgram: String?, script: String = ABCSynthesis.standardScript) throws(ExportError) {
        lutCount = circuit.lutCount
        gateCount = circuit.nodes.count - circuit.lutCount
        levels = circuit.levels
        cubeCount = circuit.nodes.reduce(0) { $0 + $1.cubes.count }
        literalCount = circuit.literalCount
        abc = try abcProgram.map { program throws(ExportError) in
            try ABCSynthesis.run(program, blif: BLIFExport.text(circuit, name: "lutnet"), script: script)
        }
    }
}
