/// The topology of a LUT network: LUT fan-in k and the widths of the hidden layers. The output
/// layer, a single LUT, comes after them.
public struct NetworkShape: Sendable, Hashable, CustomStringConvertible {
    /// Inputs per LUT, 1...16.
    public let k: Int
    /// LUTs in each hidden layer, first layer first.
    public let hiddenWidths: [Int]

    /// Validates k and the widths.
    public init(k: Int, hiddenWidths: [Int]) throws(ConfigurationError) {
        guard (1...LUTNetLimits.maxK).contains(k) else { throw .invalidK(k) }
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
        self.k = k
        self.hiddenWidths = hiddenWidths
    }

    /// The paper's MNIST network: k = 8 and five hidden layers of 1024 LUTs.
    public static let paper = NetworkShape(validK: 8, hiddenWidths: [Int](repeating: 1024, count: 5))

    private init(validK k: Int, hiddenWidths: [Int]) {
        self.k = k
        self.hiddenWidths = hiddenWidths
    }

    /// Parses hidden layers written `5x1024` (depth × width) or `1024,512,256` (widths); an empty
    /// string or `0` means no hidden layer (the output LUT reads the inputs directly).
    public init(k: Int, layers text: String) throws(ConfigurationError) {
        do {
            try self.init(k: k, parsing: text)
        } catch .invalidLayers(_, let reason) {
            throw .invalidLayers(text, reason: reason)
        }
    }

    private init(k: Int, parsing text: String) throws(ConfigurationError) {
        let trimmed = Substring(text).trimmingWhitespace()
        if trimmed.isEmpty || trimmed == "0" {
            try self.init(k: k, hiddenWidths: [])
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
            try self.init(k: k, hiddenWidths: Array(repeating: width, count: depth))
            return
        }
        var widths: [Int] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            guard let width = Int(part.trimmingWhitespace()) else {
                throw .invalidLayers(text, reason: "'\(part)' is not a width; use 5x1024 or 1024,512,256")
            }
            widths.append(width)
        }
        try self.init(k: k, hiddenWidths: widths)
    }

    /// Widths of all layers including the single-LUT output layer.
    public var allWidths: [Int] { hiddenWidths + [1] }

    /// The topology in words, e.g. "k=8, 5x1024 + 1 output LUT".
    public var description: String {
        let hidden = hiddenWidths.isEmpty ? "no hidden layer"
            : Set(hiddenWidths).count == 1 ? "\(hiddenWidths.count)x\(hiddenWidths[0])"
            : hiddenWidths.map(String.init).joined(separator: ",")
        return "k=\(k), \(hidden) + 1 output LUT"
    }
}
