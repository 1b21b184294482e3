import ArgumentParser
import LUTNet

/// The task and multi-class wiring of the sweeps (k, width): a binary task trains networks with an
/// output LUT; a multi-class task one-vs-rest models, every class's network wired as `lutnet train
/// --task all` wires it.
struct SweepTaskOptions: ParsableArguments {
    @Option(help: "Binary task: classes of label 0, then of label 1 (default 0-4:5-9, or 0:1 for two-class data); or a multi-class one (all, or 0:1:2…).")
    var task: String?

    @Option(help: "Multi-class tasks: every class's network wired as 'lutnet train --wiring' does (default local:6 for images of at least 6 × 6).")
    var wiring: String?

    /// The task `--task` names for `dataset` (by default its binary default task).
    func task(for dataset: Dataset) throws -> ClassTask { try DataOptions.classTask(task, for: dataset) }

    /// The wiring of a multi-class sweep's networks of `shapes` on `dataset` (`--wiring`, or 6 × 6
    /// windows on image data); nil for a binary task, for which `--wiring` is refused.
    func wiring(for task: ClassTask, dataset: Dataset, shapes: [NetworkShape]) throws -> WiringSpec? {
        guard task.isMultiClass else {
            if wiring != nil {
                throw ConfigurationError.invalidValue(
                    option: "--wiring", reason: "sweeps take it for multi-class tasks; for binary tasks use 'lutnet experiment wiring'")
            }
            return nil
        }
        return try NetworkOptions.multiClassWiring(wiring, window: nil, for: dataset.train, shapes: shapes)
    }
}
