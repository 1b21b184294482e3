import CSupport

/// Why a file could not be read whole. Keeps the file's path and a sentence that names the file and
/// says what is wrong.
public struct FileReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, one case per distinct failure of the reader.
    public enum Kind: Sendable {
        /// The file does not exist or cannot be read.
        case cannotOpen
        /// Named `.gz` but not gzip.
        case notGzip
        /// The gzip stream ends early.
        case gzipTruncated
        /// The gzip stream is damaged: bad data, CRC or length.
        case gzipCorrupt
        /// The (decompressed) contents exceed the caller's limit.
        case tooLarge
        /// Memory for the contents could not be allocated.
        case outOfMemory
        /// The operating system reported an I/O error.
        case readError

        /// The kind of a failure of the C reader.
        init(_ status: lutnet_read_status) {
            self = switch status {
            case LUTNET_READ_CANNOT_OPEN: .cannotOpen
            case LUTNET_READ_NOT_GZIP: .notGzip
            case LUTNET_READ_GZIP_TRUNCATED: .gzipTruncated
            case LUTNET_READ_GZIP_CORRUPT: .gzipCorrupt
            case LUTNET_READ_TOO_LARGE: .tooLarge
            case LUTNET_READ_OUT_OF_MEMORY: .outOfMemory
            default: .readError
            }
        }
    }

    /// The failure's kind.
    public let kind: Kind
    /// The file that failed.
    public let path: String
    /// A sentence that names the file and says what is wrong with it.
    public let message: String

    /// A sentence that names the file and says what is wrong with it.
    public var description: String { message }
}
