/// Why a file could not be read whole. Keeps the file's path and a sentence that names the file and
/// says what is wrong.
public struct FileReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, one case per distinct failure of the reader.
    public enum Kind: Int32, Sendable {
        /// The file does not exist or cannot be read.
        case cannotOpen = 1
        /// Named `.gz` but not gzip.
        case notGzip = 2
        /// The gzip stream ends early.
        case gzipTruncated = 3
        /// The gzip stream is damaged: bad data, CRC or length.
        case gzipCorrupt = 4
        /// The (decompressed) contents exceed the caller's limit.
        case tooLarge = 5
        /// Memory for the contents could not be allocated.
        case outOfMemory = 6
        /// The operating system reported an I/O error.
        case readError = 7
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
