/// Labeled examples: each example a fixed number of byte features (pixels, channels or bits),
/// stored example-major.
public struct ImageSet: Sendable {
    enum Pixels: Sendable {
        case idx(IDXTensor)
        case array([UInt8])
    }

    /// Number of examples.
    public let count: Int
    /// Shape of one example: height, width and, for color images, channels.
    public let imageShape: [Int]
    /// One class label per example.
    public let labels: [UInt8]
    /// Where the examples came from (a file path).
    public let source: String
    let pixels: Pixels

    /// Bytes per example: the product of `imageShape`.
    public var featureCount: Int { imageShape.reduce(1, *) }

    /// Examples from an IDX image tensor (N×H×W or N×H×W×C unsigned bytes) and a label tensor (N).
    package init(images: IDXTensor, labels: IDXTensor) throws(DatasetError) {
        try Self.checkImages(images)
        try Self.checkLabels(labels, imagesPath: images.path, imageCount: images.shape[0])
        self.count = images.shape[0]
        self.imageShape = Array(images.shape.dropFirst())
        self.labels = labels.withUnsignedBytes { Array($0) }
        self.source = images.path
        self.pixels = .idx(images)
    }

    /// Unlabeled examples (every label 0) from an IDX image tensor, for prediction.
    package init(unlabeled images: IDXTensor) throws(DatasetError) {
        try Self.checkImages(images)
        self.count = images.shape[0]
        self.imageShape = Array(images.shape.dropFirst())
        self.labels = [UInt8](repeating: 0, count: images.shape[0])
        self.source = images.path
        self.pixels = .idx(images)
    }

    private static func checkImages(_ images: IDXTensor) throws(DatasetError) {
        try checkImages(path: images.path, elementType: images.elementType, shape: images.shape)
    }

    /// Throws unless an IDX image file's header describes unsigned-byte images of 3 dimensions
    /// (N×H×W) or 4 (N×H×W×C).
    static func checkImages(path: String, elementType: IDXElementType, shape: [Int]) throws(DatasetError) {
        guard elementType == .uint8 else {
            throw .wrongElementType(path: path, found: elementType, expected: .uint8)
        }
        guard shape.count == 3 || shape.count == 4 else {
            throw .wrongRank(path: path, shape: shape, expected: "3 dimensions (N×H×W) or 4 (N×H×W×C)")
        }
    }

    /// Throws unless `labels` holds one unsigned byte per image of the file at `imagesPath`.
    static func checkLabels(_ labels: IDXTensor, imagesPath: String, imageCount: Int) throws(DatasetError) {
        guard labels.elementType == .uint8 else {
            throw .wrongElementType(path: labels.path, found: labels.elementType, expected: .uint8)
        }
        guard labels.shape.count == 1 else {
            throw .wrongRank(path: labels.path, shape: labels.shape, expected: "1 dimension (N labels)")
        }
        guard imageCount == labels.shape[0] else {
            throw .countMismatch(imagesPath: imagesPath, imageCount: imageCount,
                                 labelsPath: labels.path, labelCount: labels.shape[0])
        }
    }

    /// Examples from memory.
    ///
    /// - Parameters:
    ///   - pixels: The examples' bytes, example after example: `labels.count` examples of the product
    ///     of `imageShape` bytes each.
    ///   - imageShape: The shape of one example, e.g. `[28, 28]` or `[32, 32, 3]`.
    ///   - labels: One class label per example.
    ///   - source: A name for the examples in messages.
    /// - Throws: ``DatasetError/malformed(path:reason:)`` naming `source` when the shape is empty or
    ///   has a zero side, or `pixels` does not hold exactly that many examples.
    public init(pixels: [UInt8], imageShape: [Int], labels: [UInt8], source: String) throws(DatasetError) {
        let features = imageShape.reduce(1, *)
        guard !imageShape.isEmpty, features > 0, imageShape.allSatisfy({ $0 > 0 }) else {
            throw .malformed(path: source, reason: "example shape \(DatasetError.format(imageShape)) is empty")
        }
        guard pixels.count == labels.count * features else {
            throw .malformed(path: source, reason: "\(pixels.count) bytes of examples do not make "
                             + "\(labels.count) examples of \(features) features")
        }
        self.count = labels.count
        self.imageShape = imageShape
        self.labels = labels
        self.source = source
        self.pixels = .array(pixels)
    }

    /// Calls `body` with all examples' bytes, example after example.
    package func withPixels<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch pixels {
        case .idx(let tensor): try tensor.withUnsignedBytes(body)
        case .array(let array): try array.withUnsafeBufferPointer(body)
        }
    }

    /// The bytes of one example: what ``LUTNetwork/predict(pixels:)`` reads.
    ///
    /// - Parameter example: The example, 0..<``count``.
    /// - Returns: Its ``featureCount`` bytes.
    public func pixels(of example: Int) -> [UInt8] {
        precondition((0..<count).contains(example), "example \(example) is outside \(source) (\(count) examples)")
        let width = featureCount
        return withPixels { Array($0[example * width ..< (example + 1) * width]) }
    }

    /// The number of examples of each class.
    ///
    /// - Returns: The counts indexed by class, up to the largest class present.
    public func classCounts() -> [Int] { Self.classCounts(of: labels) }

    /// Number of labels of each class, indexed by class, up to the largest class present.
    package static func classCounts(of labels: [UInt8]) -> [Int] {
        var counts = [Int](repeating: 0, count: 256)
        for label in labels { counts[Int(label)] += 1 }
        let last = counts.lastIndex { $0 > 0 } ?? -1
        return Array(counts.prefix(last + 1))
    }
}
