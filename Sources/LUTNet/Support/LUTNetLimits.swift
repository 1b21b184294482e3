/// Fixed limits of the engine.
public enum LUTNetLimits {
    /// The largest number of inputs per LUT.
    public static let maxK = 16
    /// The largest number of hidden layers.
    public static let maxHiddenLayers = 1000
    /// The largest number of LUTs in one layer.
    public static let maxWidth = 1 << 24
    /// The most sources (input bits, or outputs of the layer below) a layer reads: a wiring entry
    /// is a 32-bit index.
    public static let maxSources = Int(UInt32.max)
    /// The most examples one bit matrix, and so one training or evaluation run, holds: the
    /// kernels count examples in 32-bit counters.
    public static let maxExamples = Int(UInt32.max)
}
