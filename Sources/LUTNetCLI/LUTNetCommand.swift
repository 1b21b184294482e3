import ArgumentParser
import LUTNet

/// The `lutnet` command: learning by memorization with networks of k-input lookup tables.
@main
struct LUTNetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lutnet",
        abstract: "Learning by memorization: networks of k-input lookup tables trained by counting.",
        subcommands: [InfoCommand.self, TrainCommand.self, EvalCommand.self, PredictCommand.self, BaselineCommand.self, CompareCommand.self, ExperimentCommand.self, BenchCommand.self]
    )

    /// Sets OpenBLAS to one thread, once, before any command runs (the baseline's workers call it
    /// on blocks of their own), then runs the command the arguments name.
    static func main() {
        OpenBLASThreads.set(1)
        main(nil)
    }
}
