import CSupport

/// Why an IDX file could not be read. Every case keeps the file's path and a sentence describing
/// the problem (which names the file).
public struct IDXReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, one case per distinct failure of the reader.
    public enum Kind: Sendable {
        /// The file does not exist or cannot be read.
        case cannotOpen
        /// The file has no bytes.
        case emptyFile
        /// Named .gz but not gzip.
        case notGzip
        /// The gzip stream ends early.
        case gzipTruncated
        /// The gzip stream is damaged (bad data, checksum, or bytes after it).
        case gzipCorrupt
        /// The first two bytes are not zero.
        case badMagic
        /// The element-type byte is not an IDX type.
        case unknownElementType
        /// No dimensions, or more than the reader supports.
        case badRank
        /// A dimension is zero.
        case zeroDimension
        /// The dimensions' product overflows.
        case tooLarge
        /// The file ends inside the header.
        case truncatedHeader
        /// Fewer data bytes than the header says.
        case truncatedData
        /// More data bytes than the header says.
        case trailingData
        /// No memory for the data.
        case outOfMemory
        /// The operating system reported an error, or the path is a folder.
        case readError

        /// The kind of a failure of the C reader.
        init(_ status: lutnet_read_status) {
            self = switch status {
            case LUTNET_READ_CANNOT_OPEN: .cannotOpen
            case LUTNET_READ_EMPTY_FILE: .emptyFile
            case LUTNET_READ_NOT_GZIP: .notGzip
            case LUTNET_READ_GZIP_TRUNCATED: .gzipTruncated
            case LUTNET_READ_GZIP_CORRUPT: .gzipCorrupt
            case LUTNET_READ_IDX_BAD_MAGIC: .badMagic
            case LUTNET_READ_IDX_UNKNOWN_TYPE: .unknownElementType
            case LUTNET_READ_IDX_BAD_RANK: .badRank
            case LUTNET_READ_IDX_ZERO_DIMENSION: .zeroDimension
            case LUTNET_READ_TOO_LARGE: .tooLarge
            case LUTNET_READ_IDX_TRUNCATED_HEADER: .truncatedHeader
            case LUTNET_READ_IDX_TRUNCATED_DATA: .truncatedData
            case LUTNET_READ_IDX_TRAILING_DATA: .trailingData
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

    /// The sentence naming the file and the problem.
    public var description: String { message }
}
