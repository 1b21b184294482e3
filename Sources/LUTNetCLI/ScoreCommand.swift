import ArgumentParser
import LUTNet

/// `lutnet score`: the accuracy of a circuit file on a PLA file, without the model it came from.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a binary AIGER circuit (e.g. written by 'lutnet contest') on the minterms of a PLA file.",
        discussion: """
            Input j of the circuit is bit j of each minterm; its first output is compared with the \
            minterm's output bit. Prints the AND count, the minterms and the accuracy.
            """
    )

    @Option(help: "A binary AIGER file (aig header), one output.")
    var circuit: String

    @Option(help: "A PLA file (.pla or .pla.gz) of minterms with one output.")
    var data: String

    func run() throws {
        let aig = try AIGERCircuit(contentsOf: circuit)
        let examples = try BinarizedExamples(images: try PLALoader.load(path: data), task: try BinaryTask(parsing: "0:1"),
                                             threshold: 128, split: data)
        guard examples.inputs.rowCount == aig.inputCount else {
            throw ValidationError("\(circuit) has \(aig.inputCount) inputs, but the minterms of \(data) have \(examples.inputs.rowCount) bits")
        }
        let accuracy = examples.agreement(withAnswers: try aig.answers(for: examples.inputs))
        print("circuit \(circuit): \(aig.inputCount) inputs, \(aig.andCount) ANDs")
        print("minterms \(examples.count) of \(data)")
        print(String(format: "accuracy %.4f", accuracy))
    }
}
