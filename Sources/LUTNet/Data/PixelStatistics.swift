/// Summary statistics of byte-valued examples.
package struct PixelStatistics: Sendable, Equatable {
    /// Smallest value.
    package let minimum: UInt8
    /// Largest value.
    package let maximum: UInt8
    /// Mean value.
    package let mean: Double
    /// Population standard deviation.
    package let standardDeviation: Double
    /// Fraction of values that binarize to 1 at the threshold.
    package let fractionAtOrAboveThreshold: Double
    /// The threshold used for that fraction.
    package let threshold: UInt8

    /// Statistics of every byte of `images`.
    package init(of images: ImageSet, threshold: UInt8 = 128) {
        var histogram = [Int](repeating: 0, count: 256)
        images.withPixels { pixels in
            for value in pixels { histogram[Int(value)] += 1 }
        }
        let total = histogram.reduce(0, +)
        var sum = 0.0, squares = 0.0, above = 0
        for (value, count) in histogram.enumerated() {
            sum += Double(value * count)
            squares += Double(value * value) * Double(count)
            if value >= Int(threshold) { above += count }
        }
        let mean = total > 0 ? sum / Double(total) : 0
        self.minimum = UInt8(histogram.firstIndex { $0 > 0 } ?? 0)
        self.maximum = UInt8(histogram.lastIndex { $0 > 0 } ?? 0)
        self.mean = mean
        self.standardDeviation = total > 0 ? (squares / Double(total) - mean * mean).squareRoot() : 0
        self.fractionAtOrAboveThreshold = total > 0 ? Double(above) / Double(total) : 0
        self.threshold = threshold
    }
}
