/// Why a tar archive could not be read. Every case keeps the archive's path and a sentence that
/// names the archive and says what is wrong.
public struct ArchiveReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, one case per distinct failure of the reader.
    public enum Kind: Int32, Sendable {
        /// The file does not exist or cannot be read.
        case cannotOpen = 2
        /// The file has no bytes at all.
        case emptyFile = 3
        /// Named `.gz` or `.tgz` but not gzip.
        case notGzip = 4
        /// The gzip stream ends early.
        case gzipTruncated = 5
        /// The gzip stream is damaged: bad data, CRC or length.
        case gzipCorrupt = 6
        /// A tar header's checksum does not match (or the file is not a tar archive).
        case badChecksum = 7
        /// A tar header field cannot be used: size, name or pax record.
        case badHeader = 8
        /// The archive ends inside a header or an entry's data.
        case truncatedArchive = 9
        /// The operating system reported an I/O error.
        case readError = 10
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
