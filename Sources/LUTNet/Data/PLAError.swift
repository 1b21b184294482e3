/// Why an Espresso PLA file could not be loaded as examples. Each description names the file and,
/// where there is one, the line (counted from 1) and column.
public enum PLAError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be read or decompressed.
    case unreadable(FileReadError)
    /// No `.i` line gives the number of inputs; `line` is the first row, if a row came before it.
    case missingInputCount(path: String, line: Int?)
    /// No `.o` line comes before the first row (at `line`).
    case missingOutputCount(path: String, line: Int)
    /// The file declares `outputs` outputs; examples have exactly one output bit (`.o 1`).
    case unsupportedOutputCount(path: String, line: Int, outputs: Int)
    /// A directive LUTNet cannot use, or one with a bad value.
    case invalidDirective(path: String, line: Int, text: String, reason: String)
    /// A row whose input field is not `expected` characters long.
    case wrongRowLength(path: String, line: Int, expected: Int, found: Int)
    /// A character other than 0 or 1 in a row.
    case invalidCharacter(path: String, line: Int, column: Int, character: String)
    /// A don't-care (`-`) in a row: it stands for many inputs, not for one training example.
    case dontCare(path: String, line: Int, column: Int)
    /// A row without exactly one output bit after its input bits.
    case malformedRow(path: String, line: Int, reason: String)
    /// The `.p` line (at `line`) declares a number of rows the file does not have.
    case rowCountMismatch(path: String, line: Int, declared: Int, found: Int)
    /// Something other than blank lines and comments after `.e`.
    case contentAfterEnd(path: String, line: Int)
    /// The file holds no rows.
    case noExamples(path: String)

    /// A sentence naming the file, the line and what is wrong.
    public var description: String {
        switch self {
        case .unreadable(let error):
            error.message
        case .missingInputCount(let path, let line):
            if let line {
                "\(path):\(line): a row comes before any .i line (the number of inputs)"
            } else {
                "\(path): no .i line (the number of inputs); not a PLA file?"
            }
        case .missingOutputCount(let path, let line):
            "\(path):\(line): a row comes before any .o line (expected .o 1)"
        case .unsupportedOutputCount(let path, let line, let outputs):
            "\(path):\(line): .o \(outputs) declares \(outputs) outputs; "
                + "LUTNet learns one output bit per example (.o 1)"
        case .invalidDirective(let path, let line, let text, let reason):
            "\(path):\(line): '\(text)': \(reason)"
        case .wrongRowLength(let path, let line, let expected, let found):
            "\(path):\(line): the row has \(found) input bits, expected \(expected) (.i \(expected))"
        case .invalidCharacter(let path, let line, let column, let character):
            "\(path):\(line):\(column): '\(character)' is not a bit (rows hold 0 and 1)"
        case .dontCare(let path, let line, let column):
            "\(path):\(line):\(column): don't-care '-' in a row; "
                + "don't-cares are not training examples (every bit must be 0 or 1)"
        case .malformedRow(let path, let line, let reason):
            "\(path):\(line): \(reason)"
        case .rowCountMismatch(let path, let line, let declared, let found):
            "\(path):\(line): .p \(declared) declares \(declared) rows but the file has \(found)"
        case .contentAfterEnd(let path, let line):
            "\(path):\(line): content after the .e line that ends the PLA"
        case .noExamples(let path):
            "\(path): the PLA holds no rows (no examples)"
        }
    }
}
