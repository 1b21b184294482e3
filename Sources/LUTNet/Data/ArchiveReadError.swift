import CSupport

/// Why a tar archive could not be read. Every case keeps the archive's path and a sentence that
/// names the archive and says what is wrong.
public struct ArchiveReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, one case per distinct failure of the reader.
    public enum Kind: Sendable {
        /// The file does not exist or cannot be read.
        case cannotOpen
        /// The file has no bytes at all.
        case emptyFile
        /// Named `.gz` or `.tgz` but not gzip.
        case notGzip
        /// The gzip stream ends early.
        case gzipTruncated
        /// The gzip stream is damaged: bad data, CRC or length.
        case gzipCorrupt
        /// A tar header's checksum does not match (or the file is not a tar archive).
        case badChecksum
        /// A tar header field cannot be used: size, name or pax record.
        case badHeader
        /// The archive ends inside a header or an entry's data.
        case truncatedArchive
        /// The operating system reported an I/O error, or memory ran out.
        case readError

        /// The kind of a failure of the C reader.
        init(_ status: lutnet_read_status) {
            self = switch status {
            case LUTNET_READ_CANNOT_OPEN: .cannotOpen
            case LUTNET_READ_EMPTY_FILE: .emptyFile
            case LUTNET_READ_NOT_GZIP: .notGzip
            case LUTNET_READ_GZIP_TRUNCATED: .gzipTruncated
            case LUTNET_READ_GZIP_CORRUPT: .gzipCorrupt
            case LUTNET_READ_TAR_BAD_CHECKSUM: .badChecksum
            case LUTNET_READ_TAR_BAD_HEADER: .badHeader
            case LUTNET_READ_TAR_TRUNCATED: .truncatedArchive
            default: .readError
            }
        }
    }

    /// The failure's kind.
    public let kind: Kind
    /// The archive that failed.
    public let path: String
    /// A sentence that names the archive and says what is wrong with it.
    public let message: String

    /// A sentence that names the archive and says what is wrong with it.
    public var description: String { message }
}
