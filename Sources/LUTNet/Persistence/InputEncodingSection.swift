/// The input-encoding section of a model file (binary networks from version 7, multi-class models
/// from version 8): the families of input bits as text (u32 length + UTF-8, e.g.
/// `threshold,mean,opponents`) and the images' bytes per pixel (u32); for an encoding that needs
/// the images' height and width (`deskew`, `neighbours:D`; versions 10 and 11 only), then those (2 × u32).
struct InputEncodingSection {
    /// The longest families text a file may hold.
    static let maxTextBytes = 256

    /// The encoding.
    let encoding: InputEncoding

    /// The section of `encoding`.
    init(_ encoding: InputEncoding) { self.encoding = encoding }

    /// The section's bytes.
    var bytes: [UInt8] {
        var out = ByteWriter()
        let text = Array(encoding.description.utf8)
        out.u32(UInt32(text.count))
        out.bytes(text)
        out.u32(UInt32(encoding.channels))
        if let image = encoding.image { out.u32s([UInt32(image.height), UInt32(image.width)]) }
        return out.data
    }

    /// Reads a section of `length` bytes of a file of `version`, which must be `spatialVersion` or
    /// later for an encoding that records the images' sides; `path` names the file in errors.
    init(reading reader: inout ByteReader, length: Int, version: UInt32, spatialVersion: UInt32,
         path: String) throws(ModelFileError) {
        let textLength = Int(try reader.u32())
        guard textLength <= Self.maxTextBytes, length == 4 + textLength + 4 || length == 4 + textLength + 12 else {
            throw .malformed(path: path, reason: "an input-encoding section of \(length) bytes with a text of \(textLength)")
        }
        let text = String(decoding: try reader.bytes(textLength), as: UTF8.self)
        let channels = Int(try reader.u32())
        let sides = length == 4 + textLength + 12 ? try reader.u32s(2).map { Int($0) } : nil
        if sides != nil, version < spatialVersion {
            throw .malformed(path: path, reason: "an input encoding of known image sides in a version \(version) file (it came with version \(spatialVersion))")
        }
        do {
            let image = try sides.map { (sides) throws(ConfigurationError) in
                try ImageGeometry(height: sides[0], width: sides[1], channels: channels)
            }
            encoding = try InputEncoding(families: try InputBitFamily.list(parsing: text), channels: channels, image: image)
            guard encoding.image == image else {
                throw ConfigurationError.invalidValue(option: "--input-bits", reason: "these families read no image sides, and the file records \(sides ?? [])")
            }
        } catch {
            throw .malformed(path: path, reason: "input bits '\(text)' of pixels of \(channels) bytes: \(error)")
        }
    }
}
