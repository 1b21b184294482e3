/// One network a contest run tries on every function: its shape and wiring.
package struct ContestCandidate: Sendable, Equatable, CustomStringConvertible {
    /// The topology.
    package let shape: NetworkShape
    /// How its LUTs choose their inputs.
    package let wiring: WiringSpec

    /// A candidate of `shape` wired by `wiring`.
    package init(shape: NetworkShape, wiring: WiringSpec) {
        self.shape = shape
        self.wiring = wiring
    }

    /// Parses `K LAYERS [WIRING]`: k (per layer with '/', e.g. 8/6), the hidden layers (0 for the
    /// output LUT alone, DEPTHxWIDTH or widths) and the wiring (default greedy), separated by
    /// spaces, e.g. `10 0` or `8 1x16 greedy` or `6 2x64 random`. Throws naming `option`.
    package init(parsing text: String, option: String = "--network") throws(ConfigurationError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 2 || parts.count == 3 else {
            throw .invalidValue(option: option, reason: "'\(text)': use 'K LAYERS [WIRING]', e.g. '10 0' or '8 1x16 greedy'")
        }
        let ks = try LayerKs(parsing: parts[0], option: option)
        shape = try NetworkShape(ks: ks, layers: parts[1])
        wiring = parts.count == 3 ? try WiringSpec(parsing: parts[2]) : .greedy
    }

    /// The candidate as `init(parsing:)` reads it, e.g. `8 1x16 greedy`.
    package var description: String {
        let hidden = shape.hiddenWidths.isEmpty ? "0" : ExperimentRun.layersText(shape.hiddenWidths)
        return "\(shape.ks) \(hidden) \(wiring)"
    }

    /// The default candidates: greedy single LUTs of k 6 to 16, greedy networks of one hidden layer
    /// (16 to 256 LUTs) under an output LUT of 8 to 12 inputs, and deeper randomly wired networks
    /// for functions of many weak inputs (the symmetric functions).
    package static let defaults: [String] = ["6 0", "8 0", "10 0", "12 0", "14 0", "16 0", "8 1x16", "8 1x64", "10 1x64",
                                            "12 1x32", "12 1x64", "8 1x256", "8 2x64 random", "8 3x64 random",
                                            "6 4x64 random", "8 4x32 random"]
}
