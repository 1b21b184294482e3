import Foundation

/// Maps data values on one axis to pixel positions, linearly or on a base-2 logarithm (for sizes
/// that double), and chooses the ticks.
package struct AxisScale: Sendable, Equatable {
    /// How values are spaced along the axis.
    package enum Kind: Sendable, Equatable {
        /// Equal differences take equal space.
        case linear
        /// Equal ratios take equal space (values must be positive).
        case logarithmic
    }

    /// Linear or logarithmic.
    package let kind: Kind
    /// The values at the two ends of the axis.
    package let domain: ClosedRange<Double>
    /// The pixel positions of the two ends (`lower` maps to the first, `upper` to the second).
    package let pixels: (start: Double, end: Double)

    /// A scale from its parts.
    package init(kind: Kind, domain: ClosedRange<Double>, pixels: (start: Double, end: Double)) {
        precondition(kind == .linear || domain.lowerBound > 0, "a logarithmic axis needs positive values")
        self.kind = kind
        self.domain = domain
        self.pixels = pixels
    }

    /// Equal kind, domain and pixel range.
    package static func == (a: AxisScale, b: AxisScale) -> Bool {
        a.kind == b.kind && a.domain == b.domain && a.pixels == b.pixels
    }

    /// The pixel position of `value`.
    package func position(_ value: Double) -> Double {
        let (low, high, v) = kind == .linear ? (domain.lowerBound, domain.upperBound, value)
            : (log2(domain.lowerBound), log2(domain.upperBound), log2(max(value, .leastNormalMagnitude)))
        let fraction = high > low ? (v - low) / (high - low) : 0.5
        return pixels.start + fraction * (pixels.end - pixels.start)
    }

    /// Round tick values covering `range` with about `target` intervals: steps of 1, 2, 2.5 or 5
    /// times a power of ten. The ticks' ends enclose the range.
    package static func niceTicks(covering range: ClosedRange<Double>, target: Int = 5) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return [range.lowerBound] }
        let rough = span / Double(max(target, 1))
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough * 0.999 } ?? 10 * magnitude
        let first = floor(range.lowerBound / step + 1e-9) * step
        let last = ceil(range.upperBound / step - 1e-9) * step
        let count = Int(((last - first) / step).rounded())
        return (0...count).map { first + Double($0) * step }
    }

    /// A tick label with as many decimals as `step` needs (none for whole steps).
    package static func label(_ value: Double, step: Double) -> String {
        let decimals = (0...6).first { d in
            let scaled = step * pow(10, Double(d))
            return abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled)
        } ?? 6
        return String(format: "%.\(decimals)f", value)
    }
}
