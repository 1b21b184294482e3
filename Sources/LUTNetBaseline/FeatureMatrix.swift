import LUTNet

/// What a baseline model reads of each image byte.
public enum BaselineFeatures: String, Sendable, CaseIterable, CustomStringConvertible {
    /// 1.0 when byte >= threshold, else 0.0: exactly the bits a LUT network sees.
    case bits
    /// byte / 255, in 0...1: the grey levels the LUT network never sees.
    case pixels

    /// The name used on the command line: `bits` or `pixels`.
    public var description: String { rawValue }
}

/// Examples as a dense matrix of Float features, one row per example (row-major, `featureCount`
/// values a row), in the layout CBLAS reads. 60,000 × 784 examples take 188 MB. CBLAS counts rows
/// and columns in 32-bit signed integers: at most `maxExamples` examples of at most `maxFeatures`
/// features.
public struct FeatureMatrix: Sendable {
    /// Number of rows (examples).
    public let exampleCount: Int
    /// Number of columns (features per example).
    public let featureCount: Int
    /// The values, example after example.
    public let values: [Float]
    /// Where the examples came from (a file path), named in error messages.
    public let source: String
    /// True when every value is 0 or 1, so that squares equal values.
    public let isBinary: Bool

    /// The most examples (rows) a matrix holds: CBLAS's 32-bit row count.
    public static let maxExamples = Int(Int32.max)
    /// The most features (columns) a matrix holds: CBLAS's 32-bit column count, less one for the bias.
    public static let maxFeatures = Int(Int32.max) - 1

    /// Throws `emptyData` unless there is at least one example and one feature, and `tooLarge`
    /// beyond `maxExamples` or `maxFeatures` or more values than memory can count; checks before
    /// anything is allocated.
    public static func checkSize(examples: Int, features: Int, source: String) throws(BaselineError) {
        guard examples > 0, features > 0 else { throw .emptyData(source: source, examples: examples, features: features) }
        let values = examples.multipliedReportingOverflow(by: features)
        guard examples <= maxExamples, features <= maxFeatures, !values.overflow,
              values.partialValue <= Int.max / MemoryLayout<Float>.stride else {
            throw .tooLarge(source: source, examples: examples, features: features)
        }
    }

    /// The features of the examples `indices` of `images`: with `.bits`, 1 when byte >= `threshold`
    /// (1...255) and 0 otherwise; with `.pixels`, byte / 255 (the threshold is then unused).
    public init(images: ImageSet, indices: [UInt32], features: BaselineFeatures = .bits,
                threshold: UInt8 = 128) throws(BaselineError) {
        if features == .bits, !Threshold.isValid(Int(threshold)) { throw .invalidThreshold(Int(threshold)) }
        let width = images.featureCount
        try Self.checkSize(examples: indices.count, features: width, source: images.source)
        if let bad = indices.first(where: { Int($0) >= images.count }) {
            throw .exampleIndexOutOfRange(source: images.source, index: Int(bad), count: images.count)
        }
        var values = [Float](repeating: 0, count: indices.count * width)
        images.withPixels { pixels in
            values.withUnsafeMutableBufferPointer { out in
                for (row, index) in indices.enumerated() {
                    let first = Int(index) * width
                    let input = UnsafeBufferPointer(rebasing: pixels[first ..< first + width])
                    let output = UnsafeMutableBufferPointer(rebasing: out[row * width ..< (row + 1) * width])
                    switch features {
                    case .bits:
                        for j in 0..<width { output[j] = input[j] >= threshold ? 1 : 0 }
                    case .pixels:
                        for j in 0..<width { output[j] = Float(input[j]) / 255 }
                    }
                }
            }
        }
        self.exampleCount = indices.count
        self.featureCount = width
        self.values = values
        self.source = images.source
        self.isBinary = features == .bits
    }

    /// The bits a LUT network reads as `.bits` features: row e, column f is bit (f, e) of the
    /// feature-major `bits` (1.0 or 0.0), so the baseline and a network share one binarization.
    public init(bits: BitMatrix, source: String) throws(BaselineError) {
        let width = bits.rowCount, count = bits.columnCount
        guard count > 0, width > 0 else { throw .emptyData(source: source, examples: count, features: width) }
        var values = [Float](repeating: 0, count: count * width)
        values.withUnsafeMutableBufferPointer { out in
            for feature in 0..<width {
                for (example, bit) in bits.unpackedRow(feature).enumerated() where bit != 0 {
                    out[example * width + feature] = 1
                }
            }
        }
        self.exampleCount = count
        self.featureCount = width
        self.values = values
        self.source = source
        self.isBinary = true
    }

    /// A matrix from `exampleCount` rows of `featureCount` finite values each, row after row.
    public init(values: [Float], exampleCount: Int, featureCount: Int,
                source: String = "feature matrix") throws(BaselineError) {
        try Self.checkSize(examples: exampleCount, features: featureCount, source: source)
        guard values.count == exampleCount * featureCount else {
            throw .malformedMatrix(source: source, values: values.count, examples: exampleCount,
                                   features: featureCount)
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteFeature(source: source, example: bad / featureCount, feature: bad % featureCount)
        }
        self.exampleCount = exampleCount
        self.featureCount = featureCount
        self.values = values
        self.source = source
        self.isBinary = values.allSatisfy { $0 == 0 || $0 == 1 }
    }

    /// The value of feature `feature` of example `example`.
    public subscript(example: Int, feature: Int) -> Float { values[example * featureCount + feature] }
}
