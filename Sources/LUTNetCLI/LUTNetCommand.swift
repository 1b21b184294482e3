import ArgumentParser
import LUTNet
import LUTNetBaseline

/// The `lutnet` command: learning by memorization with networks of k-input lookup tables.
@main
struct LUTNetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lutnet",
        abstract: "Learning by memorization: networks of k-input lookup tables trained by counting.",
        version: LUTNetVersion.text.description,
        subcommands: [InfoCommand.self, TrainCommand.self, EvalCommand.self, PredictCommand.self, ExportCommand.self, ContestCommand.self, ScoreCommand.self, BaselineCommand.self, CompareCommand.self, ExperimentCommand.self, BenchCommand.self]
    )

    /// Refuses a LUTNET_KERNELS value that names no variant, or one this processor cannot run,
    /// before any command starts; sets OpenBLAS to one thread, once (the baseline's workers call it
    /// on blocks of their own); then runs the command the arguments name.
    static func main() {
        do {
            _ = try KernelVariant.fromEnvironment()
        } catch {
            exit(withError: error)
        }
        OpenBLASThreads.set(1)
        main(nil)
    }
}
