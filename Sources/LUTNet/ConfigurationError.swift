import Foundation

/// An impossible option or combination of options. The description says which and why.
public enum ConfigurationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A task string that cannot be parsed or names overlapping or empty groups.
    case invalidTask(String, reason: String)
    /// A task group that has no examples in a split.
    case emptyTaskGroup(task: String, group: Int, split: String)
    /// k outside 1...16.
    case invalidK(Int)
    /// Per-layer k values (as written, e.g. `12/8`) that do not fit the network, and why.
    case invalidKs(String, reason: String)
    /// A layer specification that cannot be parsed or has a zero width.
    case invalidLayers(String, reason: String)
    /// A binarization threshold outside 1...255.
    case invalidThreshold(Int)
    /// A model whose input size differs from the data's feature count.
    case inputSizeMismatch(modelInputs: Int, dataFeatures: Int, source: String)
    /// A network whose training needs more memory than the machine has (bytes).
    case networkTooLarge(shape: String, needed: Double, available: Double)
    /// Any other impossible value.
    case invalidValue(option: String, reason: String)
    /// A count past one of the engine's limits (`LUTNetLimits`): `count` of `what`, at most `limit`.
    case tooLarge(what: String, count: Int, limit: Int)

    /// A sentence that names the option or value at fault and why it is impossible.
    public var description: String {
        switch self {
        case .invalidTask(let task, let reason):
            "invalid task '\(task)': \(reason)"
        case .emptyTaskGroup(let task, let group, let split):
            "task \(task): group \(group == 0 ? "A" : "B") has no examples in \(split)"
        case .invalidK(let k):
            "k = \(k) is not supported: a LUT has 1 to \(LUTNetLimits.maxK) inputs"
        case .invalidKs(let text, let reason):
            "invalid k '\(text)': \(reason)"
        case .invalidLayers(let text, let reason):
            "invalid layers '\(text)': \(reason)"
        case .invalidThreshold(let threshold):
            "threshold \(threshold) is not supported: use \(Threshold.range.lowerBound) to \(Threshold.range.upperBound) (a pixel is 1 when value >= threshold)"
        case .inputSizeMismatch(let modelInputs, let dataFeatures, let source):
            "\(source): the data has \(dataFeatures) input bits per example but the model reads \(modelInputs)"
        case .networkTooLarge(let shape, let needed, let available):
            "network \(shape): training needs about \(String(format: "%.1f", needed / 1e9)) GB but the machine has "
                + "\(String(format: "%.1f", available / 1e9)) GB; use fewer or narrower layers, a smaller k or fewer threads"
        case .invalidValue(let option, let reason):
            "invalid \(option): \(reason)"
        case .tooLarge(let what, let count, let limit):
            "\(count) \(what) is more than the \(limit) supported"
        }
    }
}
