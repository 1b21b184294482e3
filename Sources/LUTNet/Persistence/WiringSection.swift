/// The wiring section of a version-4 model file: the wiring's text (u32 length + UTF-8) and the
/// image's height, width and channels (3 × u32, all 0 when there is no image).
struct WiringSection {
    /// The longest wiring text a file may hold.
    static let maxTextBytes = 256

    /// How the wiring was chosen.
    let spec: WiringSpec
    /// The images' shape, if recorded.
    let image: ImageGeometry?

    /// The section of `network`.
    init(network: LUTNetwork) {
        spec = network.wiring
        image = network.image
    }

    /// The section's bytes.
    var bytes: [UInt8] {
        var out = ByteWriter()
        let text = Array(spec.description.utf8)
        out.u32(UInt32(text.count))
        out.bytes(text)
        out.u32s([image?.height ?? 0, image?.width ?? 0, image?.channels ?? 0].map { UInt32($0) })
        return out.data
    }

    /// The wiring a model file's wiring text names; `path` names the file in errors.
    static func spec(parsing text: String, path: String) throws(ModelFileError) -> WiringSpec {
        do { return try WiringSpec(parsing: text) } catch {
            throw .malformed(path: path, reason: "wiring '\(text)': \(error)")
        }
    }

    /// Reads a section of `length` bytes; `path` names the file in errors.
    init(reading reader: inout ByteReader, length: Int, path: String) throws(ModelFileError) {
        let textLength = Int(try reader.u32())
        guard textLength <= Self.maxTextBytes, length == 4 + textLength + 12 else {
            throw .malformed(path: path, reason: "a wiring section of \(length) bytes with a text of \(textLength)")
        }
        spec = try Self.spec(parsing: String(decoding: try reader.bytes(textLength), as: UTF8.self), path: path)
        let sides = try reader.u32s(3).map { Int($0) }
        if sides == [0, 0, 0] {
            image = nil
        } else {
            do { image = try ImageGeometry(height: sides[0], width: sides[1], channels: sides[2]) } catch {
                throw .malformed(path: path, reason: "image shape \(sides): \(error)")
            }
        }
    }
}
