import ArgumentParser

/// `lutnet experiment`: the paper's experiments, each a command that writes CSV, Markdown and SVG.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Reproduce the paper's experiments: CSV of every run, a Markdown table and an SVG figure.",
        discussion: """
            Every experiment writes into --out: NAME.csv (one record per network: configuration, seed, \
            train and test accuracy, seconds), NAME-layers.csv (per-layer figures of every network), \
            NAME.md and NAME.svg. Stopped and started again with the same --out, it skips the networks \
            already recorded.
            """,
        subcommands: [KSweepCommand.self, DepthCommand.self, WidthCommand.self, RandomLabelsCommand.self, PairsCommand.self,
                      CompareExperimentCommand.self, IWLSCommand.self, CircuitsExperimentCommand.self,
                      WiringCommand.self]
    )
}
