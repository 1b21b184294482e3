import ArgumentParser

/// `lutnet bench`: benchmarks that print figures (run them from a release build).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print figures; build with `swift build -c release` before running them.",
        subcommands: [BenchReadCommand.self, BenchTrainCommand.self, BenchPredictCommand.self]
    )
}
