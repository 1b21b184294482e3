/// First-layer wiring from image windows: each LUT reads k pixels drawn from one random S × S
/// window of the image (every channel of a pixel in the window is a candidate), so that it sees
/// a local patch rather than pixels scattered over the whole image.
package enum ImageWindows {
    /// The generator streams of the windows and inputs (spatial wiring's first layer, drawn from
    /// streams of its own).
    static let stream: UInt64 = 7

    /// The wiring of a first layer of `width` LUTs over images of `imageShape` (`[H, W]` or
    /// `[H, W, C]`, channels last): LUT j's window and its k distinct inputs come from the LUT's
    /// own stream of `seed`. Throws naming `--window` when the data has no image shape, the window
    /// is larger than the image, or it holds fewer than k candidates.
    package static func layer(width: Int, k: Int, imageShape: [Int], window: Int, seed: UInt64) throws(ConfigurationError) -> [UInt32] {
        guard imageShape.count == 2 || imageShape.count == 3 else {
            throw .invalidValue(option: "--window", reason: "the data's examples have shape \(imageShape), not an image (H × W or H × W × C)")
        }
        let height = imageShape[0], imageWidth = imageShape[1], channels = imageShape.count == 3 ? imageShape[2] : 1
        guard window >= 1, window <= min(height, imageWidth) else {
            throw .invalidValue(option: "--window", reason: "\(window); use 1 to \(min(height, imageWidth)) for \(height) × \(imageWidth) images")
        }
        let candidates = window * window * channels
        guard candidates >= k else {
            throw .invalidValue(option: "--window", reason: "a \(window) × \(window) window holds \(candidates) inputs, fewer than k = \(k)")
        }
        let image = try ImageGeometry(height: height, width: imageWidth, channels: channels)
        return WindowWiring.layer(width: width, k: k, image: image, window: window, placement: .random, seed: seed,
                                  stream: stream).inputs
    }
}
