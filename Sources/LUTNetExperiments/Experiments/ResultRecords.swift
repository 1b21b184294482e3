/// Reading the records of an experiment's results files: the header checked, a last record cut
/// short by an interruption left out, fields read by column name.
enum ResultRecords {
    /// The records after the header of `path`, each with its 1-based line (none when the file is
    /// absent or empty). A last record without a line break was cut short and is left out.
    static func read(_ path: String, columns: [String]) throws(ExperimentError) -> [(line: Int, fields: [String])] {
        guard let text = try ResultFiles.read(path), !text.isEmpty else { return [] }
        let parsed: (records: [(line: Int, fields: [String])], endsWithLineBreak: Bool)
        do { parsed = try CSVTable.parse(text) } catch {
            switch error {
            case .unterminatedQuote(let line): throw .malformedRecord(path: path, line: line, reason: "a quoted field never ends")
            case .textAfterQuote(let line): throw .malformedRecord(path: path, line: line, reason: "text after a closing quote")
            }
        }
        var records = parsed.records
        if !parsed.endsWithLineBreak, records.count > 1 { records.removeLast() }
        guard let header = records.first else { return [] }
        guard header.fields == columns else { throw .headerMismatch(path: path, found: header.fields, expected: columns) }
        return Array(records.dropFirst())
    }

    /// The fields of one written line.
    static func fields(of line: String) -> [String] {
        (try? CSVTable.parse(line))?.records.first?.fields ?? []
    }

    /// An accuracy as the results files write it: six decimals.
    static func accuracy(_ value: Double) -> String { String(format: "%.6f", value) }

    /// Seconds as the results files write them: to the millisecond.
    static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// Reads typed fields of one record by column name; errors name the file and line.
struct FieldReader {
    let fields: [String]
    let columns: [String]
    let path: String
    let line: Int

    private func text(_ column: String) -> String {
        columns.firstIndex(of: column).map { fields[$0] } ?? ""
    }

    func int(_ column: String) throws(ExperimentError) -> Int {
        guard let value = Int(text(column)), value >= 0 else {
            throw .malformedRecord(path: path, line: line, reason: "\(column) '\(text(column))' is not a count")
        }
        return value
    }

    func double(_ column: String) throws(ExperimentError) -> Double {
        guard let value = Double(text(column)), value.isFinite, value >= 0 else {
            throw .malformedRecord(path: path, line: line, reason: "\(column) '\(text(column))' is not a number")
        }
        return value
    }

    func optionalDouble(_ column: String) throws(ExperimentError) -> Double? {
        text(column).isEmpty ? nil : try double(column)
    }

    /// The text of `column` as written.
    func string(_ column: String) -> String { text(column) }

    func bool(_ column: String) throws(ExperimentError) -> Bool {
        switch text(column) {
        case "true": return true
        case "false": return false
        default: throw .malformedRecord(path: path, line: line, reason: "\(column) '\(text(column))' is neither 'true' nor 'false'")
        }
    }
}
