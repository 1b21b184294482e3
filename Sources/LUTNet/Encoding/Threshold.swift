/// A binarization threshold: a byte is 1 when it is >= the threshold. 1 to 255: at 0 every bit
/// would be 1. Every check of a threshold, by the command, the C API, the trainers, the model
/// files and the results files, is this one.
package struct Threshold: Sendable, Hashable, CustomStringConvertible {
    /// The thresholds there are.
    package static let range: ClosedRange<Int> = 1...255

    /// The threshold as a byte.
    package let byte: UInt8

    /// The threshold `value`.
    /// - Parameter value: 1 to 255.
    /// - Throws: `ConfigurationError.invalidThreshold` for any other value.
    package init(_ value: Int) throws(ConfigurationError) {
        guard Self.isValid(value) else { throw .invalidThreshold(value) }
        byte = UInt8(value)
    }

    /// Whether `value` is a threshold (1 to 255).
    /// - Parameter value: A candidate threshold.
    /// - Returns: Whether it is in `range`.
    package static func isValid(_ value: Int) -> Bool { range.contains(value) }

    /// `byte`, checked as a threshold.
    /// - Parameter byte: A threshold given as a byte.
    /// - Returns: The same byte.
    /// - Throws: `ConfigurationError.invalidThreshold` for 0.
    package static func checked(_ byte: UInt8) throws(ConfigurationError) -> UInt8 { try Threshold(Int(byte)).byte }

    /// The threshold as written: its number.
    package var description: String { String(byte) }
}
