import CSupport

/// What went wrong reading a file, one case per distinct failure of the C readers (their shared
/// `lutnet_read_status`); each reader meets only some of them (see `IDXReadError`,
/// `ArchiveReadError`, `FileReadError`).
public enum ReadFailureKind: Sendable, Equatable {
    /// The file does not exist or cannot be opened.
    case cannotOpen
    /// The file has no bytes at all.
    case emptyFile
    /// Named `.gz` (or `.tgz`) but not gzip.
    case notGzip
    /// The gzip stream ends early.
    case gzipTruncated
    /// The gzip stream is damaged: bad data, CRC or length, or bytes after it that are not gzip.
    case gzipCorrupt
    /// IDX: the dimensions' product overflows; whole file: the contents exceed the caller's limit.
    case tooLarge
    /// Memory for the data could not be allocated.
    case outOfMemory
    /// The operating system reported an I/O error, or the path is a folder.
    case readError
    /// IDX: the first two bytes are not zero.
    case badMagic
    /// IDX: the element-type byte is not an IDX type.
    case unknownElementType
    /// IDX: no dimensions, or more than the reader supports.
    case badRank
    /// IDX: a dimension is zero.
    case zeroDimension
    /// IDX: the file ends inside the header.
    case truncatedHeader
    /// IDX: fewer data bytes than the header says.
    case truncatedData
    /// IDX: more data bytes than the header says.
    case trailingData
    /// Tar: a header's checksum does not match (or the file is not a tar archive).
    case badChecksum
    /// Tar: a header field cannot be used: size, name or pax record.
    case badHeader
    /// Tar: the archive ends inside a header or an entry's data.
    case truncatedArchive

    /// The kind of a failure the C readers report as `status` (not `LUTNET_READ_OK` or `_END`).
    init(_ status: lutnet_read_status) {
        self = switch status {
        case LUTNET_READ_CANNOT_OPEN: .cannotOpen
        case LUTNET_READ_EMPTY_FILE: .emptyFile
        case LUTNET_READ_NOT_GZIP: .notGzip
        case LUTNET_READ_GZIP_TRUNCATED: .gzipTruncated
        case LUTNET_READ_GZIP_CORRUPT: .gzipCorrupt
        case LUTNET_READ_TOO_LARGE: .tooLarge
        case LUTNET_READ_OUT_OF_MEMORY: .outOfMemory
        case LUTNET_READ_IDX_BAD_MAGIC: .badMagic
        case LUTNET_READ_IDX_UNKNOWN_TYPE: .unknownElementType
        case LUTNET_READ_IDX_BAD_RANK: .badRank
        case LUTNET_READ_IDX_ZERO_DIMENSION: .zeroDimension
        case LUTNET_READ_IDX_TRUNCATED_HEADER: .truncatedHeader
        case LUTNET_READ_IDX_TRUNCATED_DATA: .truncatedData
        case LUTNET_READ_IDX_TRAILING_DATA: .trailingData
        case LUTNET_READ_TAR_BAD_CHECKSUM: .badChecksum
        case LUTNET_READ_TAR_BAD_HEADER: .badHeader
        case LUTNET_READ_TAR_TRUNCATED: .truncatedArchive
        default: .readError
        }
    }
}
