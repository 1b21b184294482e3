/// The topology of a LUT network: every layer's LUT fan-in k and the widths of the hidden layers.
/// The output layer, a single LUT, comes after them.
public struct NetworkShape: Sendable, Hashable, CustomStringConvertible {
    /// Inputs per LUT of every layer, first hidden layer first and the output LUT last; each 1...16.
    public let layerKs: [Int]
    /// LUTs in each hidden layer, first layer first.
    public let hiddenWidths: [Int]

    /// A shape whose layers all have the same k.
    ///
    /// - Parameters:
    ///   - k: Inputs per LUT of every layer, 1...``LUTNetLimits/maxK``.
    ///   - hiddenWidths: LUTs in each hidden layer, first layer first; each
    ///     1...``LUTNetLimits/maxWidth``, at most ``LUTNetLimits/maxHiddenLayers`` of them.
    /// - Throws: ``ConfigurationError`` when k or a width is out of range or there are too many layers.
    public init(k: Int, hiddenWidths: [Int]) throws(ConfigurationError) {
        try self.init(ks: try LayerKs(uniform: k), hiddenWidths: hiddenWidths)
    }

    /// A shape whose layer i has `ks.k(layer: i)` inputs per LUT.
    ///
    /// - Parameters:
    ///   - ks: The layers' ks; no more values than the network has layers (hidden layers and the
    ///     output LUT).
    ///   - hiddenWidths: LUTs in each hidden layer, first layer first; each
    ///     1...``LUTNetLimits/maxWidth``, at most ``LUTNetLimits/maxHiddenLayers`` of them.
    /// - Throws: ``ConfigurationError`` when a width is out of range, there are too many layers, or
    ///   `ks` has more values than layers.
    public init(ks: LayerKs, hiddenWidths: [Int]) throws(ConfigurationError) {
        let text = hiddenWidths.map(String.init).joined(separator: ",")
        if let bad = hiddenWidths.first(where: { $0 <= 0 }) {
            throw .invalidLayers(text, reason: "a layer width of \(bad) is impossible: every layer needs at least one LUT")
        }
        if let huge = hiddenWidths.first(where: { $0 > LUTNetLimits.maxWidth }) {
            throw .invalidLayers(text, reason: "a layer of \(huge) LUTs is more than the \(LUTNetLimits.maxWidth) supported")
        }
        guard hiddenWidths.count <= LUTNetLimits.maxHiddenLayers else {
            throw .invalidLayers(text, reason: "\(hiddenWidths.count) hidden layers is more than the \(LUTNetLimits.maxHiddenLayers) supported")
        }
        let layerCount = hiddenWidths.count + 1
        guard ks.values.count <= layerCount else {
            let layers = layerCount == 1 ? "1 layer (the output LUT alone)" : "\(layerCount) layers (\(hiddenWidths.count) hidden and the output LUT)"
            throw .invalidKs(ks.description, reason: "\(ks.values.count) values, but the network has only \(layers)")
        }
        self.layerKs = (0..<layerCount).map { ks.k(layer: $0) }
        self.hiddenWidths = hiddenWidths
    }

    /// The paper's MNIST network: k = 8 and five hidden layers of 1024 LUTs.
    public static let paper = NetworkShape(validK: 8, hiddenWidths: [Int](repeating: 1024, count: 5))

    private init(validK k: Int, hiddenWidths: [Int]) {
        self.layerKs = [Int](repeating: k, count: hiddenWidths.count + 1)
        self.hiddenWidths = hiddenWidths
    }

    /// Parses hidden layers written `5x1024` (depth × width) or `1024,512,256` (widths); an empty
    /// string or `0` means no hidden layer (the output LUT reads the inputs directly).
    ///
    /// - Parameters:
    ///   - k: Inputs per LUT of every layer, 1...``LUTNetLimits/maxK``.
    ///   - text: The hidden layers as written.
    /// - Throws: ``ConfigurationError`` naming `text` when it cannot be parsed or a width or the depth
    ///   is out of range, and when k is out of range.
    public init(k: Int, layers text: String) throws(ConfigurationError) {
        try self.init(ks: try LayerKs(uniform: k), layers: text)
    }

    /// Parses hidden layers as ``init(k:layers:)`` does, layer i having `ks.k(layer: i)` inputs per LUT.
    ///
    /// - Parameters:
    ///   - ks: The layers' ks; no more values than the network has layers.
    ///   - text: The hidden layers as written.
    /// - Throws: ``ConfigurationError`` naming `text` when it cannot be parsed or a width or the depth
    ///   is out of range, and when `ks` has more values than layers.
    public init(ks: LayerKs, layers text: String) throws(ConfigurationError) {
        do {
            try self.init(k: ks, parsing: text)
        } catch .invalidLayers(_, let reason) {
            throw .invalidLayers(text, reason: reason)
        }
    }

    private init(k: LayerKs, parsing text: String) throws(ConfigurationError) {
        let trimmed = Substring(text).trimmingWhitespace()
        if trimmed.isEmpty || trimmed == "0" {
            try self.init(ks: k, hiddenWidths: [])
            return
        }
        let parts = trimmed.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let depth = Int(parts[0]), let width = Int(parts[1]), depth >= 0 else {
                throw .invalidLayers(text, reason: "expected DEPTHxWIDTH such as 5x1024")
            }
            guard depth <= LUTNetLimits.maxHiddenLayers else {
                throw .invalidLayers(text, reason: "\(depth) hidden layers is more than the \(LUTNetLimits.maxHiddenLayers) supported")
            }
            try self.init(ks: k, hiddenWidths: Array(repeating: width, count: depth))
            return
        }
        var widths: [Int] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            guard let width = Int(part.trimmingWhitespace()) else {
                throw .invalidLayers(text, reason: "'\(part)' is not a width; use 5x1024 or 1024,512,256")
            }
            widths.append(width)
        }
        try self.init(ks: k, hiddenWidths: widths)
    }

    /// Widths of all layers including the single-LUT output layer.
    public var allWidths: [Int] { hiddenWidths + [1] }

    /// The k of one layer.
    ///
    /// - Parameter index: The layer: 0 for the first hidden layer, `hiddenWidths.count` for the
    ///   output LUT.
    /// - Returns: Its inputs per LUT.
    public func k(layer index: Int) -> Int { layerKs[index] }

    /// The first hidden layer's k, which every layer had before per-layer k: read `uniformK`,
    /// `k(layer:)` or `layerKs` instead.
    @available(*, deprecated, message: "layers may differ in k: use uniformK, k(layer:) or layerKs")
    public var k: Int { layerKs[0] }

    /// The k shared by every layer; nil when the layers' ks differ.
    public var uniformK: Int? { layerKs.allSatisfy { $0 == layerKs[0] } ? layerKs[0] : nil }

    /// The ks in their shortest form (trailing repeats dropped): `8` when every layer has k = 8,
    /// `12/8` for a first layer of k 12 under layers of k 8.
    public var ks: LayerKs {
        var values = layerKs
        while values.count > 1, values[values.count - 2] == values[values.count - 1] { values.removeLast() }
        // Every value was checked when the shape was made.
        return (try? LayerKs(values)) ?? { preconditionFailure("a shape's ks are valid") }()
    }

    /// The hidden layers as `--layers` writes them, which `init(k:layers:)` reads back: `5x1024`
    /// for equal widths, `1024,512,256` otherwise, `0` for none.
    public var layersText: String {
        hiddenWidths.isEmpty ? "0"
            : Set(hiddenWidths).count == 1 ? "\(hiddenWidths.count)x\(hiddenWidths[0])"
            : hiddenWidths.map(String.init).joined(separator: ",")
    }

    /// The topology in words, e.g. "k=8, 5x1024 + 1 output LUT" or "k=12/8, 5x1024 + 1 output LUT".
    public var description: String {
        "k=\(ks), \(hiddenWidths.isEmpty ? "no hidden layer" : layersText) + 1 output LUT"
    }
}
