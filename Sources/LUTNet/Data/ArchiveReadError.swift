/// Why a tar archive could not be read. Every case keeps the archive's path and a sentence that
/// names the archive and says what is wrong.
public struct ArchiveReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, one case per distinct failure of the reader.
    public enum Kind: Int32, Sendable {
        case cannotOpen = 2
        case emptyFile = 3
        case notGzip = 4
        case gzipTruncated = 5
        case gzipCorrupt = 6
        case badChecksum = 7
        case badHeader = 8
        case truncatedArchive = 9
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
