import LUTNet

/// What the sweeps (k, width) share about their task: a binary task trains one network with an
/// output LUT, a multi-class task one-vs-rest models (one network per class, wired by a
/// multi-class wiring) on the real labels only.
enum SweepTask {
    /// Throws naming the option when `wiring` is given for a binary task, or a multi-class task's
    /// networks have no hidden layer to vote with.
    static func check(_ task: ClassTask, wiring: WiringSpec?, hiddenWidths: [Int]) throws(ConfigurationError) {
        if task.isMultiClass {
            guard !hiddenWidths.isEmpty else {
                throw .invalidValue(option: "--layers", reason: "a multi-class network needs at least one hidden layer, "
                                    + "whose LUTs vote for their class")
            }
        } else if let wiring {
            throw .invalidValue(option: "--wiring", reason: "\(wiring) is for multi-class tasks here; \(task) is binary")
        }
    }

    /// The networks in words for a report's first line, e.g. `5 × 1024 LUTs + 1 output LUT` or
    /// `3 × 500 LUTs per class, 6 × 6 windows`.
    static func networks(_ task: ClassTask, wiring: WiringSpec?, hiddenWidths: [Int]) -> String {
        let layers = ReportFormat.layers(hiddenWidths)
        guard task.isMultiClass else { return "\(layers) LUTs + 1 output LUT" }
        return "\(layers) LUTs per class, " + wiringText(wiring)
    }

    /// A multi-class wiring in words: `6 × 6 windows`, `first layer over the whole input` or
    /// `wired hier:7,16,2`.
    static func wiringText(_ wiring: WiringSpec?) -> String {
        guard let wiring, !wiring.isRandom else { return "first layer over the whole input" }
        if wiring.isWindowOnly, let side = wiring.window { return "\(side) × \(side) windows" }
        return "wired \(wiring)"
    }
}
