/// The k of every layer as an option writes it: one number for all layers (`8`), or per-layer
/// values separated by '/' (`12/8`, `12/10/8`), the first hidden layer first, the last value
/// repeating upward to the output LUT.
public struct LayerKs: Sendable, Hashable, CustomStringConvertible {
    /// The values as given, first layer first; at least one, each 1...`LUTNetLimits.maxK`.
    public let values: [Int]

    /// The same k for every layer.
    ///
    /// - Parameter k: Inputs per LUT, 1...``LUTNetLimits/maxK``.
    /// - Throws: ``ConfigurationError/invalidK(_:)`` when `k` is out of range.
    public init(uniform k: Int) throws(ConfigurationError) {
        guard (1...LUTNetLimits.maxK).contains(k) else { throw .invalidK(k) }
        values = [k]
    }

    /// Per-layer values.
    ///
    /// - Parameter values: The k of each layer, first layer first, the last one repeating upward; at
    ///   least one, each 1...``LUTNetLimits/maxK``.
    /// - Throws: ``ConfigurationError`` when there is no value or one is out of range.
    public init(_ values: [Int]) throws(ConfigurationError) {
        guard let first = values.first else { throw .invalidKs("", reason: "no k given") }
        if values.count == 1 { guard (1...LUTNetLimits.maxK).contains(first) else { throw .invalidK(first) } }
        if let bad = values.first(where: { !(1...LUTNetLimits.maxK).contains($0) }) {
            throw .invalidKs(values.map(String.init).joined(separator: "/"),
                             reason: "k = \(bad) is not supported: a LUT has 1 to \(LUTNetLimits.maxK) inputs")
        }
        self.values = values
    }

    /// Parses `8` or `12/8`; whitespace around a value is ignored.
    ///
    /// - Parameters:
    ///   - text: The values as written.
    ///   - option: The option's name in messages, e.g. `--k`.
    /// - Throws: ``ConfigurationError`` naming `option` for an empty part (`12//8`, `/8`), a value
    ///   that is not a number, or one outside 1...``LUTNetLimits/maxK``.
    public init(parsing text: String, option: String) throws(ConfigurationError) {
        var values: [Int] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: false) {
            let trimmed = part.trimmingWhitespace()
            guard !trimmed.isEmpty else {
                throw .invalidValue(option: option, reason: "'\(text)' has an empty part; write one k (8) or one per layer separated by '/' (12/8)")
            }
            guard let k = Int(trimmed) else {
                throw .invalidValue(option: option, reason: "'\(trimmed)' is not a number; write one k (8) or one per layer separated by '/' (12/8)")
            }
            guard (1...LUTNetLimits.maxK).contains(k) else {
                throw values.isEmpty && !text.contains("/") ? .invalidK(k)
                    : .invalidValue(option: option, reason: "k = \(k) in '\(text)' is not supported: a LUT has 1 to \(LUTNetLimits.maxK) inputs")
            }
            values.append(k)
        }
        try self.init(values)
    }

    /// The one k when every value is the same (`8`, `8/8`); throws naming `option` for per-layer
    /// values that differ, which `why` says the use cannot take.
    package func single(option: String, why: String) throws(ConfigurationError) -> Int {
        guard values.allSatisfy({ $0 == values[0] }) else {
            throw .invalidValue(option: option, reason: "per-layer k \(self) is not taken here: \(why)")
        }
        return values[0]
    }

    /// Why a multi-class model takes no per-layer k.
    package static let multiClassReason = "every layer of a multi-class model has one k (per-layer k is for binary tasks)"

    /// The k of one layer.
    ///
    /// - Parameter index: The layer, 0 for the first hidden layer; past the last value, the last
    ///   value applies.
    /// - Returns: Its inputs per LUT.
    public func k(layer index: Int) -> Int { values[min(index, values.count - 1)] }

    /// The values written as options take them, e.g. `8` or `12/8`.
    public var description: String { values.map(String.init).joined(separator: "/") }
}
