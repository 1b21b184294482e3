import Foundation

/// The results of a contest run in its output folder: `contest.csv`, one record per function
/// appended as soon as its AIGER file is written (a run started again with the same folder skips
/// the functions it has), and `contest.md`, the table per function, the means per group and the
/// published teams' averages.
package struct ContestTable {
    /// The file of records.
    package let path: String
    /// The entries read or appended, in file order.
    package private(set) var entries: [CircuitContest.Entry]

    /// Columns of `contest.csv`.
    package static let columns = ["function", "category", "ands", "levels", "valid_accuracy", "network", "circuit",
                                 "relearned", "seconds"]

    /// The published averages over the contest's 100 functions (Rai et al., DATE 2021, Table III):
    /// team, test accuracy in percent, ANDs.
    package static let published: [(team: String, accuracy: Double, ands: Double)] = [
        ("winning team (portfolio)", 88.69, 2517.66),
        ("decision trees (J48/PART)", 85.95, 731.92),
        ("LUT networks as in Learning and Memorization", 62.40, 356.26),
        ("virtual best (best team per function)", 91.0, 1141),
    ]

    /// Opens (creating when absent) `folder/contest.csv`; a record cut short by an interruption is
    /// dropped. `fresh` discards the records there. Throws naming the file when its header or a
    /// record is not the contest's.
    package init(folder: String, fresh: Bool = false) throws(ExperimentError) {
        try ResultFiles.makeFolder(folder)
        path = (folder as NSString).appendingPathComponent("contest.csv")
        if fresh { try ResultFiles.remove(path) }
        entries = []
        for (line, fields) in try ResultRecords.read(path, columns: Self.columns) {
            guard fields.count == Self.columns.count else {
                throw .malformedRecord(path: path, line: line, reason: "\(fields.count) fields, expected \(Self.columns.count)")
            }
            let reader = FieldReader(fields: fields, columns: Self.columns, path: path, line: line)
            let entry = CircuitContest.Entry(function: reader.string("function"), category: reader.string("category"),
                                             network: reader.string("network"), circuit: reader.string("circuit"),
                                             relearned: reader.string("relearned") == "yes", ands: try reader.int("ands"),
                                             levels: try reader.int("levels"), validAccuracy: try reader.double("valid_accuracy"),
                                             seconds: try reader.double("seconds"))
            entries.removeAll { $0.function == entry.function }
            entries.append(entry)
        }
        try ResultFiles.write(entries.map { CSVTable.line(Self.fields($0)) }.reduce(CSVTable.line(Self.columns), +), to: path)
    }

    /// The entry of `function`, if the file has it.
    package func entry(for function: String) -> CircuitContest.Entry? { entries.first { $0.function == function } }

    /// Appends `entry` to the file.
    package mutating func append(_ entry: CircuitContest.Entry) throws(ExperimentError) {
        try ResultFiles.append(CSVTable.line(Self.fields(entry)), to: path)
        entries.removeAll { $0.function == entry.function }
        entries.append(entry)
    }

    private static func fields(_ e: CircuitContest.Entry) -> [String] {
        [e.function, e.category, String(e.ands), String(e.levels), ResultRecords.accuracy(e.validAccuracy), e.network,
         e.circuit, e.relearned ? "yes" : "no", ResultRecords.seconds(e.seconds)]
    }

    /// The figure of `entries`: each function's validation accuracy against its circuit's ANDs,
    /// coloured by group, beside the published teams' test averages (SVG text).
    package static func figure(_ entries: [CircuitContest.Entry]) -> String {
        let rows = entries.map { IWLSContestFigure.Row(name: $0.function, category: $0.category, ands: $0.ands, accuracy: $0.validAccuracy) }
        let mean = entries.isEmpty ? 0 : entries.map(\.validAccuracy).reduce(0, +) / Double(entries.count)
        let subtitle = String(format: "%d functions, mean validation accuracy %.2f %%; diamonds: published test averages", entries.count, 100 * mean)
        return IWLSContestFigure.chart(rows, subtitle: subtitle, yLabel: "accuracy (%): ours on validation, published on test").markup()
    }

    /// The Markdown table of `entries` (by function name): every function, the mean per group and
    /// over all, and the published averages; `command` is the command that made them, `script` ABC's script.
    package static func markdown(_ entries: [CircuitContest.Entry], command: String, script: String) -> String {
        let sorted = entries.sorted { $0.function.compare($1.function, options: .numeric) == .orderedAscending }
        var out = "Made by `\(command)`.\n\n"
        out += "| function | category | ands | levels | validation accuracy | network | circuit | relearned | seconds |\n"
        out += "| --- | --- | ---: | ---: | ---: | --- | --- | --- | ---: |\n"
        for e in sorted {
            out += "| \(e.function) | \(e.category) | \(e.ands) | \(e.levels) | " + String(format: "%.2f %%", 100 * e.validAccuracy)
            out += " | \(e.network) | \(e.circuit) | \(e.relearned ? "yes" : "no") | " + String(format: "%.1f |\n", e.seconds)
        }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        out += "\nMeans per group:\n\n| category | functions | validation accuracy | ANDs | levels | seconds |\n"
        out += "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        var groups = ContestFunction.categories.filter { group in sorted.contains { $0.category == group } }
        groups += Set(sorted.map(\.category)).subtracting(groups).sorted()
        for group in groups + ["all"] {
            let members = group == "all" ? sorted : sorted.filter { $0.category == group }
            out += "| \(group) | \(members.count) | " + String(format: "%.2f %%", 100 * mean(members.map(\.validAccuracy)))
            out += String(format: " | %.0f | %.1f | %.1f |\n", mean(members.map { Double($0.ands) }),
                          mean(members.map { Double($0.levels) }), mean(members.map(\.seconds)))
        }
        out += "\nPublished averages (test accuracy over the contest's 100 functions, Rai et al., DATE 2021, Table III):\n\n"
        out += "| team | test accuracy | ANDs |\n| --- | ---: | ---: |\n"
        for p in published { out += "| \(p.team) | " + String(format: "%.2f %% | %.0f |\n", p.accuracy, p.ands) }
        out += "\nValidation accuracy is that of the circuit learned from the training split alone, on which it was chosen; "
        out += "the test splits are kept apart and scored separately. ANDs and levels are those of the AIGER file written "
        out += "(after ABC's `\(script)`).\n"
        return out
    }
}
