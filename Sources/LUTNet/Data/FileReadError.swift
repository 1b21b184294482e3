/// Why a file could not be read whole. Keeps the file's path and a sentence that names the file and
/// says what is wrong.
public struct FileReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong: one of the kinds the whole-file reader reports.
    public typealias Kind = ReadFailureKind

    /// The failure's kind.
    public let kind: Kind
    /// The file that failed.
    public let path: String
    /// A sentence that names the file and says what is wrong with it.
    public let message: String

    /// A sentence that names the file and says what is wrong with it.
    public var description: String { message }
}
