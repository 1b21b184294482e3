import ArgumentParser

/// `lutnet bench`: benchmarks that print figures (run them from a release build).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks that print figures; build with -c release.",
        subcommands: [BenchTrainCommand.self]
    )
}
