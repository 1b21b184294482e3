/// Why a tar archive could not be read. Every case keeps the archive's path and a sentence that
/// names the archive and says what is wrong.
public struct ArchiveReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong: one of the kinds the tar reader reports.
    public typealias Kind = ReadFailureKind

    /// The failure's kind.
    public let kind: Kind
    /// The archive that failed.
    public let path: String
    /// A sentence that names the archive and says what is wrong with it.
    public let message: String

    /// A sentence that names the archive and says what is wrong with it.
    public var description: String { message }
}
