import ArgumentParser
import Foundation
import LUTNet

extension CircuitFormat: ExpressibleByArgument {}
extension LogicCircuit.DontCares: ExpressibleByArgument {}

/// `lutnet export`: a saved model as a logic circuit (BLIF, Verilog) or a self-contained C file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a saved model as a circuit: BLIF, synthesizable Verilog or a self-contained C99 file; or print its size.",
        discussion: """
            Only the LUTs the answer depends on are exported, each with its table as a sum of products. \
            BLIF and Verilog circuits take the input bits (x0…, or the bus x), binarized outside the \
            circuit: bit j is 1 when byte j of an example is >= the model's threshold (bit j is pixel j / C, \
            channel j % C); the header comment says so. The C file takes the bytes and thresholds them itself: \
            NAME_predict(example) and NAME_predict_batch(examples, count, answers).

            A multi-class model ('lutnet train --task all') exports as one circuit: every class's LUTs, then \
            gates that count each class's votes (its last layer's LUTs that say 1) and pick the best-voted \
            class, the lowest on a tie, as 'lutnet predict' does. Its outputs are the bits of the class index: \
            y0 (least significant) ... in BLIF, the bus y in Verilog, and the C functions answer the class.

            --dont-care unseen lets every LUT pattern that no training example showed take either value, \
            whichever makes the cover smaller: the circuit then agrees with the network on every training \
            example, not necessarily elsewhere. Models saved before format version 2 (multi-class models: before \
            version 8) did not record those patterns and export exactly.

            --stats prints the LUT count, levels and literals, and, when berkeley-abc (or abc) is on PATH, \
            the AND count and depth of the And-Inverter Graph after 'read FILE; strash; dc2; print_stats' \
            (--abc-script replaces 'strash; dc2').
            """
    )

    @Option(help: "A model file written by 'lutnet train --save'.")
    var model: String

    @Option(help: "The format to write.")
    var format: CircuitFormat?

    @Option(help: "The file to write (default: standard output). Written atomically: it never holds half a circuit.")
    var out: String?

    @Option(help: "The BLIF model, Verilog module or C function prefix (a letter or _, then letters, digits, _).")
    var name: String = "lutnet"

    @Option(name: .customLong("dont-care"), help: "none (the exact tables) or unseen (patterns training never showed a LUT are free).")
    var dontCare: LogicCircuit.DontCares = .none

    @Flag(help: "Print the circuit's size (and ABC's AND count and depth where ABC is installed).")
    var stats = false

    @Option(name: .customLong("abc-script"), help: "The ABC commands run between read and print_stats for --stats.")
    var abcScript: String = ABCSynthesis.standardScript

    func validate() throws {
        guard format != nil || stats else {
            throw ValidationError("give --format blif|verilog|c, or --stats, or both")
        }
        guard CircuitFormat.isValidName(name) else {
            throw ValidationError("--name '\(name)' is not an identifier: use a letter or _, then letters, digits or _")
        }
        if out != nil && format == nil { throw ValidationError("--out needs --format") }
    }

    func run() throws {
        if let out { try ModelFile.checkWritable(out, what: "the circuit") }
        // The C file needs only the LUTs' functions, not their sums of products.
        let covers = format != .c || stats
        let circuit: LogicCircuit, shape: String
        switch try ModelFile.loadModel(from: model) {
        case .binary(let network):
            circuit = try LogicCircuit(network, dontCares: dontCares(recorded: network.layers, why: "model format version 1"),
                                       covers: covers)
            shape = "\(network.shape)"
        case .multiClass(let network):
            circuit = try LogicCircuit(network, dontCares: dontCares(recorded: network.classLayers.flatMap { $0 },
                                                                     why: "a multi-class model saved before format version 8"), covers: covers)
            shape = circuit.summary
        }
        if let format {
            let text = format.text(circuit, name: name)
            if let out {
                try ModelFile.writeAtomically(Array(text.utf8), to: out, what: "the circuit")
                Console.progress("wrote \(out): \(circuit.lutCount) LUTs, \(circuit.levels) levels")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
        if stats {
            let abc = ABCSynthesis.program()
            let figures = try CircuitStatistics(circuit, abcProgram: abc, script: abcScript)
            print("model \(model): \(shape), don't-cares \(circuit.dontCares.rawValue)")
            print("LUTs \(figures.lutCount), levels \(figures.levels), cubes \(figures.cubeCount), literals \(figures.literalCount)"
                  + (figures.gateCount > 0 ? ", readout gates \(figures.gateCount)" : ""))
            if let result = figures.abc, let abc {
                print("ABC (\(abc)) 'read; \(result.script); print_stats': and \(result.andCount), levels \(result.levels)")
            } else {
                print("ABC: neither berkeley-abc nor abc is on PATH, no AND count")
            }
        }
    }

    /// The don't-cares to export with: `--dont-care`, unless it asks for unseen patterns that
    /// `layers` do not record (a note naming `why` then says the export is exact).
    func dontCares(recorded layers: [LUTLayer], why: String) -> LogicCircuit.DontCares {
        guard dontCare == .unseen, layers.contains(where: { $0.seenPatterns == nil }) else { return dontCare }
        Console.progress("note: \(model) does not record the patterns training showed (\(why)): exporting without don't-cares")
        return .none
    }
}
