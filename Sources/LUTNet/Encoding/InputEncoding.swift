import CSupport

/// Which bits a network reads of every pixel of its images: by default (`threshold`) each byte at
/// the binarization threshold, as in the paper; more families add bits that a threshold alone
/// cannot give: each byte above the image's mean byte (`mean`), the three colour opponents of
/// an RGB pixel (`opponents`), and each byte at N evenly spaced thresholds (`thermometer:N`). An
/// encoded pixel holds its families' bits in the order threshold, mean, opponents, thermometer, so
/// spatial wiring sees them all as channels of the pixel. The network records
/// its encoding and applies it to the images it predicts.
public struct InputEncoding: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The families, in encoding order, at least one.
    public let families: [InputBitFamily]
    /// Bytes per pixel of the images encoded (1 when only `threshold` is read: the encoding is
    /// then the identity, whatever the images).
    public let channels: Int

    /// The paper's input bits: each byte at the threshold.
    public static let threshold = InputEncoding(validFamilies: [.threshold], channels: 1)

    /// An encoding of images of `channels` bytes per pixel.
    ///
    /// - Parameters:
    ///   - families: The bits to read of each pixel, in any order (repeats are ignored).
    ///   - channels: Bytes per pixel of the images, 1 or more (3 for RGB).
    ///   - source: The images' name in messages.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` when `families` is empty,
    ///   `channels` is below 1, `families` names `opponents` for pixels that are not RGB, or holds
    ///   more than one thermometer or one of levels outside `InputBitFamily.thermometerLevels`.
    public init(families: [InputBitFamily], channels: Int, source: String = "the images") throws(ConfigurationError) {
        let families = Array(Set(families)).sorted()
        guard !families.isEmpty else { throw .invalidValue(option: "--input-bits", reason: "no family of input bits given") }
        guard channels >= 1 else { throw .invalidValue(option: "--input-bits", reason: "\(source): pixels of \(channels) bytes") }
        if families.contains(.opponents), channels != 3 {
            throw .invalidValue(option: "--input-bits", reason: "\(source): opponents need RGB pixels (3 channels), "
                                + "these have \(channels)")
        }
        let thermometers = families.filter { $0.cFlag == LUTNET_ENCODE_THERMOMETER }
        if thermometers.count > 1 {
            throw .invalidValue(option: "--input-bits", reason: "\(InputBitFamily.text(of: thermometers)): one thermometer at most")
        }
        if let levels = thermometers.first?.levels, !InputBitFamily.thermometerLevels.contains(levels) {
            throw .invalidValue(option: "--input-bits", reason: "thermometer:\(levels): a thermometer takes "
                                + "\(InputBitFamily.thermometerLevels.lowerBound) to \(InputBitFamily.thermometerLevels.upperBound) levels")
        }
        self.init(validFamilies: families, channels: families == [.threshold] ? 1 : channels)
    }

    /// The encoding `families` make of `images`, whose channels are the last side of a 3-sided
    /// example shape (else 1).
    ///
    /// - Parameters:
    ///   - families: The bits to read of each pixel.
    ///   - images: The images to encode.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` as
    ///   ``init(families:channels:source:)`` does, naming the images.
    public init(families: [InputBitFamily], for images: ImageSet) throws(ConfigurationError) {
        try self.init(families: families, channels: images.imageShape.count == 3 ? images.imageShape[2] : 1, source: images.source)
    }

    private init(validFamilies families: [InputBitFamily], channels: Int) {
        self.families = families
        self.channels = channels
    }

    /// Whether the encoding is the paper's: the bytes themselves, binarized at the threshold.
    public var isThresholdOnly: Bool { families == [.threshold] }

    /// The families separated by commas, as `InputBitFamily.list(parsing:)` reads them.
    public var description: String { InputBitFamily.text(of: families) }

    /// The C kernel's set of families.
    var cFamilies: UInt32 { families.reduce(0) { $0 | $1.cFlag } }

    /// The thermometer's levels, 0 without one.
    var thermometerLevels: UInt32 { UInt32(families.reduce(0) { $0 + $1.levels }) }

    /// Bytes (and so input bits) per encoded pixel.
    public var encodedChannels: Int {
        isThresholdOnly ? channels : Int(lutnet_encoded_channels(UInt32(channels), cFamilies, thermometerLevels))
    }

    /// Input bits of an image of `featureCount` bytes, or nil when its bytes do not make whole pixels.
    package func encodedCount(featureCount: Int) -> Int? {
        featureCount % channels == 0 ? featureCount / channels * encodedChannels : nil
    }

    /// Bytes of an image whose encoding has `inputCount` bits, or nil when there is none.
    package func featureCount(inputCount: Int) -> Int? {
        inputCount % encodedChannels == 0 ? inputCount / encodedChannels * channels : nil
    }

    /// The shape of an encoded image of `imageShape` (H × W × C becomes H × W × encoded channels;
    /// a gray H × W image gains a channel side when the encoding adds bits).
    package func encodedShape(_ imageShape: [Int]) -> [Int] {
        if isThresholdOnly { return imageShape }
        return imageShape.count == 3 ? [imageShape[0], imageShape[1], encodedChannels]
            : imageShape.count == 2 ? imageShape + [encodedChannels] : [imageShape.reduce(1, *) * encodedChannels / channels]
    }

    /// `images` encoded: the same examples and labels, each pixel's bytes replaced by its encoded
    /// bytes (the added bits as 0 or 255, which every threshold reads as 0 or 1). The identity for
    /// `threshold` alone. Throws unless the images have this encoding's channels.
    package func encode(_ images: ImageSet) throws(ConfigurationError) -> ImageSet {
        if isThresholdOnly { return images }
        // A flat example (bytes without an image shape) is read as whole pixels of `channels` bytes.
        let shape = images.imageShape
        let fits = shape.count == 3 ? shape[2] == channels : shape.count == 2 ? channels == 1 : images.featureCount % channels == 0
        guard fits else {
            throw .invalidValue(option: "input bits", reason: "\(images.source): examples of \(DatasetError.format(shape)) bytes "
                                + "are not pixels of \(channels) bytes, which the encoding \(self) reads")
        }
        guard images.featureCount < 1 << 24 else {
            throw .invalidValue(option: "input bits", reason: "\(images.source): images of \(images.featureCount) bytes; "
                                + "encodings take images of fewer than 2^24")
        }
        let bytes = images.withPixels { encode(pixels: $0, examples: images.count) }
        do {
            return try ImageSet(pixels: bytes, imageShape: encodedShape(images.imageShape), labels: images.labels, source: images.source)
        } catch {
            throw .invalidValue(option: "input bits", reason: error.description)
        }
    }

    /// The encoding of one image's bytes (`featureCount` of them, whole pixels): what the network
    /// reads of `LUTNetwork.predict(pixels:)`.
    func encode(pixels: [UInt8]) -> [UInt8] {
        isThresholdOnly ? pixels : pixels.withUnsafeBufferPointer { encode(pixels: $0, examples: 1) }
    }

    /// The encoding of `examples` images (`pixels`, image after image), spread over the cores by
    /// chunks of images; the bytes are the same for any number of threads.
    private func encode(pixels: UnsafeBufferPointer<UInt8>, examples: Int) -> [UInt8] {
        let pixelCount = examples == 0 ? 0 : pixels.count / examples / channels
        let inBytes = pixelCount * channels, outBytes = pixelCount * encodedChannels
        let total = examples * outBytes, channels = UInt32(channels), families = cFamilies, levels = thermometerLevels
        return [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
            let source = SharedBuffer(readOnly: pixels), target = SharedBuffer(out)
            ParallelWork.forEach(count: examples, threads: ParallelWork.defaultThreads, chunk: 256) { _, images in
                lutnet_encode_images(source.base + images.lowerBound * inBytes, images.count, pixelCount, channels, families, levels,
                                     target.base + images.lowerBound * outBytes)
            }
            initialized = total
        }
    }
}
