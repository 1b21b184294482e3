import LUTNet

/// The `--wiring` of the sweeps (k, width): for a multi-class task the wiring of every class's
/// network, as `lutnet train --task all` chooses it; refused for a binary task.
enum SweepWiring {
    /// The wiring of a multi-class sweep's networks of `shapes` on `dataset` (`--wiring`, or 6 × 6
    /// windows on image data); nil for a binary task, which `--wiring` must not be given for.
    static func resolve(_ wiring: String?, multiClass: Bool, dataset: Dataset, shapes: [NetworkShape]) throws -> WiringSpec? {
        guard multiClass else {
            if wiring != nil {
                throw ConfigurationError.invalidValue(
                    option: "--wiring", reason: "sweeps take it for multi-class tasks; for binary tasks use 'lutnet experiment wiring'")
            }
            return nil
        }
        return try NetworkOptions.multiClassWiring(wiring, window: nil, for: dataset.train, shapes: shapes)
    }
}
