/// Why a file could not be read whole. Keeps the file's path and a sentence that names the file and
/// says what is wrong.
public struct FileReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, one case per distinct failure of the reader.
    public enum Kind: Int32, Sendable {
        case cannotOpen = 1
        case notGzip = 2
        case gzipTruncated = 3
        case gzipCorrupt = 4
        case tooLarge = 5
        case outOfMemory = 6
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
