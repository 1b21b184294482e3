import CSupport

/// Why an IDX file could not be read. Every case keeps the file's path and a sentence describing
/// the problem (which names the file).
public struct IDXReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, one case per distinct failure of the reader.
    public enum Kind: Int32, Sendable {
        /// The file does not exist or cannot be read.
        case cannotOpen = 1
        /// The file has no bytes.
        case emptyFile = 2
        /// Named .gz but not gzip.
        case notGzip = 3
        /// The gzip stream ends early.
        case gzipTruncated = 4
        /// The gzip stream is damaged (bad data, checksum, or bytes after it).
        case gzipCorrupt = 5
        /// The first two bytes are not zero.
        case badMagic = 6
        /// The element-type byte is not an IDX type.
        case unknownElementType = 7
        /// No dimensions, or more than the reader supports.
        case badRank = 8
        /// A dimension is zero.
        case zeroDimension = 9
        /// The dimensions' product overflows.
        case tooLarge = 10
        /// The file ends inside the header.
        case truncatedHeader = 11
        /// Fewer data bytes than the header says.
        case truncatedData = 12
        /// More data bytes than the header says.
        case trailingData = 13
        /// No memory for the data.
        case outOfMemory = 14
        /// The operating system reported an error, or the path is a folder.
        case readError = 15
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
