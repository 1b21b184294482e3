import CSupport

/// One entry of a tar archive.
public struct TarEntry: Sendable, Equatable {
    /// What kind of entry it is.
    public enum Kind: Sendable, Equatable {
        /// A regular file, whose data can be read.
        case regularFile
        /// A directory.
        case directory
        /// A link, device or other special entry.
        case other
    }

    /// The path inside the archive (long names from GNU and pax headers included).
    public let name: String
    /// Bytes of data.
    public let size: UInt64
    /// The entry's kind.
    public let kind: Kind
}

/// One streaming pass over a tar archive, gzip-compressed or plain: entries in stored order, each
/// entry's data read in pieces straight into the caller's buffers.
public final class TarArchiveReader {
    /// The archive's path.
    public let path: String
    private var state = lutnet_tar_reader()

    /// Opens the archive at `path`; a name ending in `.gz` or `.tgz` must be gzip.
    public init(path: String) throws(ArchiveReadError) {
        self.path = path
        var message = makeCMessageBuffer()
        let status = lutnet_tar_open(path, &state, &message, message.count)
        guard status == LUTNET_READ_OK else { throw Self.error(status, path: path, message: message) }
    }

    deinit { lutnet_tar_close(&state) }

    /// The next entry, skipping the unread data of the current one; nil after the last entry (by
    /// then the whole stream, gzip trailer included, has been checked).
    public func next() throws(ArchiveReadError) -> TarEntry? {
        var entry = lutnet_tar_entry()
        var message = makeCMessageBuffer()
        let status = lutnet_tar_next(&state, &entry, &message, message.count)
        if status == LUTNET_READ_END { return nil }
        guard status == LUTNET_READ_OK else { throw Self.error(status, path: path, message: message) }
        let name = withUnsafeBytes(of: entry.name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        let kind: TarEntry.Kind = switch entry.type {
        case UInt32(LUTNET_TAR_REGULAR.rawValue): .regularFile
        case UInt32(LUTNET_TAR_DIRECTORY.rawValue): .directory
        default: .other
        }
        return TarEntry(name: name, size: entry.size, kind: kind)
    }

    /// Unread data bytes of the current entry.
    public var remaining: UInt64 { lutnet_tar_remaining(&state) }

    /// Fills `buffer` with the next bytes of the current entry's data; the buffer must not be larger
    /// than `remaining`. Throws if the archive ends or breaks first.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveReadError) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        var message = makeCMessageBuffer()
        let status = lutnet_tar_read(&state, base, UInt64(buffer.count), &message, message.count)
        guard status == LUTNET_READ_OK else { throw Self.error(status, path: path, message: message) }
    }

    private static func error(_ status: lutnet_read_status, path: String, message: [CChar]) -> ArchiveReadError {
        ArchiveReadError(kind: ArchiveReadError.Kind(status),
                         path: path, message: decodeCMessage(message))
    }
}
