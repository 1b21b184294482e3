/// The input-encoding section of a version-7 model file: the families of input bits as text
/// (u32 length + UTF-8, e.g. `threshold,mean,opponents`) and the images' bytes per pixel (u32).
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
        return out.data
    }

    /// Reads a section of `length` bytes; `path` names the file in errors.
    init(reading reader: inout ByteReader, length: Int, path: String) throws(ModelFileError) {
        let textLength = Int(try reader.u32())
        guard textLength <= Self.maxTextBytes, length == 4 + textLength + 4 else {
            throw .malformed(path: path, reason: "an input-encoding section of \(length) bytes with a text of \(textLength)")
        }
        let text = String(decoding: try reader.bytes(textLength), as: UTF8.self)
        let channels = Int(try reader.u32())
        do {
            encoding = try InputEncoding(families: try InputBitFamily.list(parsing: text), channels: channels)
        } catch {
            throw .malformed(path: path, reason: "input bits '\(text)' of pixels of \(channels) bytes: \(error)")
        }
    }
}
