import CSupport

/// Why an IDX file could not be read. Every case keeps the file's path and a sentence describing
/// the problem (which names the file).
public struct IDXReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, one case per distinct failure of the reader.
    public enum Kind: Int32, Sendable {
        case cannotOpen = 1
        case emptyFile = 2
        case notGzip = 3
        case gzipTruncated = 4
        case gzipCorrupt = 5
        case badMagic = 6
        case unknownElementType = 7
        case badRank = 8
        case zeroDimension = 9
        case tooLarge = 10
        case truncatedHeader = 11
        case truncatedData = 12
        case trailingData = 13
        case outOfMemory = 14
        case readError = 15
    }

    /// The failure's kind.
    public let kind: Kind
    /// The file that failed.
    public let path: String
    /// A sentence that names the file and says what is wrong with it.
    public let message: String

    public var description: String { message }
}
