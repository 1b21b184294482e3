/// Comma-separated values as RFC 4180 writes them: fields holding a comma, a quote or a line break
/// are quoted, quotes doubled.
package enum CSVTable {
    /// One line (with its line break) for `fields`.
    package static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    /// The field as it appears in a line.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Why a text is not valid CSV.
    package enum ParseError: Error, Equatable, Sendable {
        /// A quoted field never closes; `line` is 1-based.
        case unterminatedQuote(line: Int)
        /// Text follows a closing quote inside a field.
        case textAfterQuote(line: Int)
    }

    /// The records of `text`, each a list of fields, with the 1-based line each starts on, and
    /// whether the text ends with a line break (a last record without one may be cut short).
    package static func parse(_ text: String) throws(ParseError) -> (records: [(line: Int, fields: [String])], endsWithLineBreak: Bool) {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, afterQuote = false, recordHasContent = false
        var line = 1, recordLine = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = following }
                    } else {
                        quoted = false; afterQuote = true
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",":
                fields.append(field); field = ""; afterQuote = false; recordHasContent = true
            case "\r":
                continue
            case "\n":
                if recordHasContent || !field.isEmpty || !fields.isEmpty {
                    fields.append(field)
                    records.append((recordLine, fields))
                }
                fields = []; field = ""; afterQuote = false; recordHasContent = false
                line += 1; recordLine = line
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true; recordHasContent = true
            default:
                if afterQuote { throw .textAfterQuote(line: line) }
                field.unicodeScalars.append(c); recordHasContent = true
            }
        }
        if quoted { throw .unterminatedQuote(line: recordLine) }
        let endsWithLineBreak = !recordHasContent && field.isEmpty && fields.isEmpty
        if !endsWithLineBreak {
            fields.append(field)
            records.append((recordLine, fields))
        }
        return (records, endsWithLineBreak)
    }
}
