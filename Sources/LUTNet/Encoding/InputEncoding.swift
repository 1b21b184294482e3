import CSupport

/// Which bits a network reads of every pixel of its images: by default (`threshold`) each byte at
/// the binarization threshold, as in the paper; more families add bits that a threshold alone
/// cannot give: each byte above the image's mean byte (`mean`), the three colour opponents of
/// an RGB pixel (`opponents`), each byte at N evenly spaced thresholds (`thermometer:N`) and each
/// byte against its 8 neighbours' (`neighbours:D`). An encoded pixel holds its families' bits in
/// the order threshold, mean, opponents, thermometer, neighbours, so spatial wiring sees them all
/// as channels of the pixel. `deskew` is no family of bits: it straightens the image before every
/// family reads it. The network records its encoding and applies it to the images it predicts.
public struct InputEncoding: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The families, in encoding order (`deskew` first), at least one besides `deskew`.
    public let families: [InputBitFamily]
    /// Bytes per pixel of the images encoded (1 when only `threshold` is read: the encoding is
    /// then the identity, whatever the images).
    public let channels: Int
    /// The images' height, width and channels, which `deskew` and `neighbours:D` need; nil for an
    /// encoding without them (it reads pixels wherever they lie).
    public let image: ImageGeometry?

    /// The paper's input bits: each byte at the threshold.
    public static let threshold = InputEncoding(validFamilies: [.threshold], channels: 1, image: nil)

    /// An encoding of images of `channels` bytes per pixel.
    ///
    /// - Parameters:
    ///   - families: The bits to read of each pixel, in any order (repeats are ignored).
    ///   - channels: Bytes per pixel of the images, 1 or more (3 for RGB).
    ///   - image: The images' height and width (and `channels`), which `deskew` and `neighbours:D`
    ///     need; ignored by the other families.
    ///   - source: The images' name in messages.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` when `families` is empty or
    ///   holds `deskew` alone, `channels` is below 1, `families` names `opponents` for pixels that
    ///   are not RGB, holds more than one thermometer or one of levels outside
    ///   `InputBitFamily.thermometerLevels`, more than one `neighbours` or one of a margin outside
    ///   `InputBitFamily.neighbourMargins`, or `deskew` or `neighbours` without `image` or with an
    ///   image of other channels.
    public init(families: [InputBitFamily], channels: Int, image: ImageGeometry? = nil,
                source: String = "the images") throws(ConfigurationError) {
        let families = Array(Set(families)).sorted()
        guard !families.isEmpty else { throw .invalidValue(option: "--input-bits", reason: "no family of input bits given") }
        guard families != [.deskew] else {
            throw .invalidValue(option: "--input-bits", reason: "deskew straightens the image but reads no bits of it; "
                                + "name a family beside it, as deskew,threshold")
        }
        guard channels >= 1 else { throw .invalidValue(option: "--input-bits", reason: "\(source): pixels of \(channels) bytes") }
        if families.contains(.opponents), channels != 3 {
            throw .invalidValue(option: "--input-bits", reason: "\(source): opponents need RGB pixels (3 channels), "
                                + "these have \(channels)")
        }
        for (flag, name) in [(LUTNET_ENCODE_THERMOMETER, "thermometer"), (LUTNET_ENCODE_NEIGHBOURS, "neighbours")] {
            let named = families.filter { $0.cFlag == flag }
            if named.count > 1 { throw .invalidValue(option: "--input-bits", reason: "\(InputBitFamily.text(of: named)): one \(name) at most") }
            if let family = named.first, !(flag == LUTNET_ENCODE_THERMOMETER ? InputBitFamily.thermometerLevels
                                           : InputBitFamily.neighbourMargins).contains(family.levels + family.margin) {
                throw .invalidValue(option: "--input-bits", reason: "\(family): \(InputBitFamily.rule(of: flag))")
            }
        }
        let spatial = families.filter(\.isSpatial)
        if !spatial.isEmpty {
            guard let image else {
                throw .invalidValue(option: "--input-bits", reason: "\(InputBitFamily.text(of: spatial)) needs images of a known height and width, "
                                    + "and the examples of \(source) are flat bytes without an image shape")
            }
            guard image.channels == channels else {
                throw .invalidValue(option: "--input-bits", reason: "\(source): images of \(image) are not pixels of \(channels) bytes")
            }
        }
        self.init(validFamilies: families, channels: families == [.threshold] ? 1 : channels, image: spatial.isEmpty ? nil : image)
    }

    /// The encoding `families` make of `images`, whose channels are the last side of a 3-sided
    /// example shape (else 1) and whose height and width are the first two sides of a 2- or
    /// 3-sided one.
    ///
    /// - Parameters:
    ///   - families: The bits to read of each pixel.
    ///   - images: The images to encode.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` as
    ///   ``init(families:channels:image:source:)`` does, naming the images; `deskew` and
    ///   `neighbours:D` are refused for flat examples (PLA files, examples given as flat bytes).
    public init(families: [InputBitFamily], for images: ImageSet) throws(ConfigurationError) {
        let shape = images.imageShape
        try self.init(families: families, channels: shape.count == 3 ? shape[2] : 1, image: ImageGeometry(imageDimensions: shape),
                      source: images.source)
    }

    private init(validFamilies families: [InputBitFamily], channels: Int, image: ImageGeometry?) {
        self.families = families
        self.channels = channels
        self.image = image
    }

    /// Whether the encoding is the paper's: the bytes themselves, binarized at the threshold.
    public var isThresholdOnly: Bool { families == [.threshold] }

    /// The families separated by commas, as `InputBitFamily.list(parsing:)` reads them.
    public var description: String { InputBitFamily.text(of: families) }

    /// The C kernel's set of families.
    var cFamilies: UInt32 { families.reduce(0) { $0 | $1.cFlag } }

    /// The thermometer's levels, 0 without one.
    var thermometerLevels: UInt32 { UInt32(families.reduce(0) { $0 + $1.levels }) }

    /// The neighbours' margin, 0 without them.
    var neighbourMargin: UInt32 { UInt32(families.reduce(0) { $0 + $1.margin }) }

    /// Whether the encoding needs the images' height and width (`deskew`, `neighbours:D`): it then
    /// records them, and a model that holds it is written as format version 10 or 11.
    public var isSpatial: Bool { image != nil }

    /// Bytes (and so input bits) per encoded pixel.
    public var encodedChannels: Int {
        isThresholdOnly ? channels : Int(lutnet_encoded_channels(UInt32(channels), cFamilies, thermometerLevels))
    }

    /// Input bits of an image of `featureCount` bytes, or nil when its bytes do not make whole
    /// pixels (or, for a spatial encoding, the image it records).
    package func encodedCount(featureCount: Int) -> Int? {
        guard featureCount % channels == 0, image.map({ $0.inputCount == featureCount }) ?? true else { return nil }
        return featureCount / channels * encodedChannels
    }

    /// Bytes of an image whose encoding has `inputCount` bits, or nil when there is none.
    package func featureCount(inputCount: Int) -> Int? {
        guard inputCount % encodedChannels == 0 else { return nil }
        let bytes = inputCount / encodedChannels * channels
        return image.map { $0.inputCount == bytes } ?? true ? bytes : nil
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
        // A spatial encoding reads flat bytes (the C API's) as its recorded image, if they are as many.
        if let image, shape.count >= 2 ? shape[0] != image.height || shape[1] != image.width || !fits : images.featureCount != image.inputCount {
            throw .invalidValue(option: "input bits", reason: "\(images.source): examples of \(DatasetError.format(shape)) bytes "
                                + "are not the images of \(image) that the encoding \(self) reads")
        }
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
    /// chunks of images; the bytes are the same for any number of threads. An encoding without
    /// a recorded image reads each image as one row of pixels.
    private func encode(pixels: UnsafeBufferPointer<UInt8>, examples: Int) -> [UInt8] {
        let pixelCount = examples == 0 ? 0 : pixels.count / examples / channels
        let inBytes = pixelCount * channels, outBytes = pixelCount * encodedChannels, total = examples * outBytes
        let encoding = lutnet_encoding(height: UInt32(image?.height ?? 1), width: UInt32(image?.width ?? pixelCount),
                                       channels: UInt32(channels), families: cFamilies, levels: thermometerLevels, margin: neighbourMargin)
        let scratchBytes = families.contains(.deskew) ? inBytes : 0
        return [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
            let source = SharedBuffer(readOnly: pixels), target = SharedBuffer(out)
            ParallelWork.forEach(count: examples, threads: ParallelWork.defaultThreads, chunk: 256) { _, images in
                var scratch = [UInt8](repeating: 0, count: scratchBytes)
                withUnsafePointer(to: encoding) { encoding in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        lutnet_encode_images(source.base + images.lowerBound * inBytes, images.count, encoding, scratch.baseAddress,
                                             target.base + images.lowerBound * outBytes)
                    }
                }
            }
            initialized = total
        }
    }
}
