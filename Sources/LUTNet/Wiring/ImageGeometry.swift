/// The height, width and channels of the images a network reads, its inputs laid out row after
/// row, channels last (pixel (y, x) channel c is input `(y * width + x) * channels + c`).
public struct ImageGeometry: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Rows of pixels.
    public let height: Int
    /// Pixels per row.
    public let width: Int
    /// Channels per pixel (1 for gray images or bits, 3 for color).
    public let channels: Int

    /// An image shape.
    ///
    /// - Parameters:
    ///   - height: Rows of pixels, 1 or more.
    ///   - width: Pixels per row, 1 or more.
    ///   - channels: Channels per pixel, 1 or more.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` when a side is below 1.
    public init(height: Int, width: Int, channels: Int = 1) throws(ConfigurationError) {
        guard height >= 1, width >= 1, channels >= 1 else {
            throw .invalidValue(option: "--image-shape", reason: "\(height) × \(width) × \(channels); every side must be 1 or more")
        }
        self.height = height
        self.width = width
        self.channels = channels
    }

    /// Input bits per example.
    public var inputCount: Int { height * width * channels }

    /// Parses `HxW` or `HxWxC`, e.g. `14x14` or `32x32x3`.
    ///
    /// - Parameter text: The shape as written.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` when `text` is not two or three
    ///   numbers separated by `x`, or a side is below 1.
    public init(parsing text: String) throws(ConfigurationError) {
        let sides = text.lowercased().split(separator: "x", omittingEmptySubsequences: false).map { Int($0.trimmingWhitespace()) }
        guard (2...3).contains(sides.count), sides.allSatisfy({ $0 != nil }) else {
            throw .invalidValue(option: "--image-shape", reason: "'\(text)'; use HxW or HxWxC, e.g. 14x14 or 32x32x3")
        }
        let values = sides.compactMap { $0 }
        try self.init(height: values[0], width: values[1], channels: values.count == 3 ? values[2] : 1)
    }

    /// The image shape of examples of shape `dimensions` (an IDX file's H × W or H × W × C, a
    /// CIFAR-10 record's 32 × 32 × 3), or of a flat vector whose length is a square (a PLA file of
    /// 196 inputs is 14 × 14); nil when there is none.
    package init?(dimensions: [Int]) {
        switch dimensions.count {
        case 2, 3:
            guard let shape = try? ImageGeometry(height: dimensions[0], width: dimensions[1],
                                                 channels: dimensions.count == 3 ? dimensions[2] : 1) else { return nil }
            self = shape
        case 1:
            let side = Int(Double(dimensions[0]).squareRoot().rounded())
            guard side * side == dimensions[0], let shape = try? ImageGeometry(height: side, width: side) else { return nil }
            self = shape
        default:
            return nil
        }
    }

    /// The image shape of examples of shape `dimensions` only when they are images (H × W or
    /// H × W × C); nil for flat examples, whatever their length (what moves or compares pixels,
    /// `--augment`, `deskew` and `neighbours:D`, does not guess a square).
    package init?(imageDimensions dimensions: [Int]) {
        guard (2...3).contains(dimensions.count) else { return nil }
        self.init(dimensions: dimensions)
    }

    /// `HxW` or `HxWxC`, as `init(parsing:)` reads it.
    public var description: String { channels == 1 ? "\(height)x\(width)" : "\(height)x\(width)x\(channels)" }
}
