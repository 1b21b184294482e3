/// Why an IDX file could not be read. Every case keeps the file's path and a sentence describing
/// the problem (which names the file).
public struct IDXReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong: one of the kinds the IDX reader reports.
    public typealias Kind = ReadFailureKind

    /// The failure's kind.
    public let kind: Kind
    /// The file that failed.
    public let path: String
    /// A sentence that names the file and says what is wrong with it.
    public let message: String

    /// The sentence naming the file and the problem.
    public var description: String { message }
}
