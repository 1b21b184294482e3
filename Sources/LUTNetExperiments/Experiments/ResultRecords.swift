/// Reading the records of an experiment's results files: the header checked, a last record cut
/// short by an interruption left out, fields read by column name.
enum ResultRecords {
    /// The records after the header of `path`, each with its 1-based line (none when the file is
    /// absent or empty). A last record without a line break was cut short and is left out.
    ///
    /// The header must be `columns`, except that columns of `optional` (added to the format later)
    /// may be absent; the fields of such a file are returned in `columns` order, an absent column's
    /// field empty.
    static func read(_ path: String, columns: [String], optional: Set<String> = []) throws(ExperimentError)
        -> [(line: Int, fields: [String])] {
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
        if header.fields == columns { return Array(records.dropFirst()) }
        guard header.fields == columns.filter({ !optional.contains($0) || header.fields.contains($0) }) else {
            throw .headerMismatch(path: path, found: header.fields, expected: columns)
        }
        let positions = columns.map { header.fields.firstIndex(of: $0) }
        return records.dropFirst().map { record in
            // A record of the wrong length is left as it is, for its reader to refuse.
            guard record.fields.count == header.fields.count else { return record }
            return (record.line, positions.map { $0.map { record.fields[$0] } ?? "" })
        }
    }

    /// The identity fields of a record of `data`'s run or fit: path and checksum, or two empty
    /// fields when the runner does not know the data's identity.
    static func identityFields(_ identity: DataIdentity?) -> [String] {
        [identity?.path ?? "", identity?.checksumText ?? ""]
    }

    /// The data identity recorded in `reader`'s record of the data named `name` (nil when its
    /// fields are empty: a file written before identities were recorded). Throws `dataMismatch`
    /// when `data` knows that name's identity and the record's differs or is absent.
    static func identity(in reader: FieldReader, of name: String, checkedAgainst data: DataIdentities)
        throws(ExperimentError) -> DataIdentity? {
        let path = reader.string(DataIdentity.pathColumn), text = reader.string(DataIdentity.checksumColumn)
        var recorded: DataIdentity? = nil
        if !path.isEmpty || !text.isEmpty {
            guard let crc = DataIdentity.checksum(parsing: text) else {
                throw .malformedRecord(path: reader.path, line: reader.line,
                                       reason: "\(DataIdentity.checksumColumn) '\(text)' is not eight hexadecimal digits")
            }
            recorded = DataIdentity(path: path, crc32: crc)
        }
        if let given = data.identity(of: name), recorded?.crc32 != given.crc32 {
            throw .dataMismatch(path: reader.path, data: name, recorded: recorded, given: given)
        }
        return recorded
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
