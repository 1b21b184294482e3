import Foundation
import LUTNetBaseline

/// The baseline fits of an experiment as they accumulate in its output folder: `NAME-baseline.csv`,
/// one record per fit, appended as each finishes, so that a restarted experiment skips the fits it
/// already has. Opening the log drops a record cut short by an interruption and rewrites the file
/// without it. A file written before the `stop_reason` column was added is read (a record that
/// did not converge then reads as stopped at the iteration cap) and rewritten with the column.
/// Every record ends with the identity of its data, checked as `RunLog` checks it. A fit recorded
/// more than once counts once, as a run does in `RunLog`: the last record is kept.
package struct BaselineLog {
    /// The file of baseline records.
    package let path: String
    /// The fits found in the file or appended since, in file order.
    package private(set) var results: [BaselineResult]
    private var index: [BaselineRun: Int]
    /// The identity recorded with each fit, when the file has one or the data is known.
    private var identities: [BaselineRun: DataIdentity]
    private let data: DataIdentities

    /// Columns of the file.
    package static let columns = BaselineRun.columns
        + ["train_examples", "test_examples", "train_accuracy", "valid_accuracy", "test_accuracy", "iterations", "converged",
           "stop_reason", "seconds"] + DataIdentity.columns

    /// Opens (creating when absent) the baseline log of experiment `name` in `folder`. `data` gives
    /// the identity of the data each fit names, recorded and checked as `RunLog` does.
    package init(folder: String, name: String, data: DataIdentities = .unknown) throws(ExperimentError) {
        try ResultFiles.makeFolder(folder)
        path = (folder as NSString).appendingPathComponent(name + "-baseline.csv")
        results = []
        index = [:]
        identities = [:]
        self.data = data
        let records = try ResultRecords.read(path, columns: Self.columns, optional: Set(["stop_reason"] + DataIdentity.columns))
        let stopPosition = Self.columns.firstIndex(of: "stop_reason") ?? 0
        for (line, read) in records {
            var fields = read
            if fields.count == Self.columns.count, fields[stopPosition].isEmpty {
                // Written before stop_reason: a fit that did not converge stopped at the iteration cap.
                let converged = fields[stopPosition - 1] == "true"
                fields[stopPosition] = (converged ? LogisticRegressionFit.StopReason.converged : .iterationCap).rawValue
            }
            let result = try Self.parse(fields, path: path, line: line)
            identities[result.run] = try ResultRecords.identity(
                in: FieldReader(fields: fields, columns: Self.columns, path: path, line: line), of: result.run.data,
                checkedAgainst: data)
            if let existing = index[result.run] { results[existing] = result } else {
                index[result.run] = results.count
                results.append(result)
            }
        }
        var text = CSVTable.line(Self.columns)
        for result in results { text += CSVTable.line(fields(result)) }
        try ResultFiles.write(text, to: path)
    }

    /// The recorded result of `run`, if the log has it.
    package func result(for run: BaselineRun) -> BaselineResult? { index[run].map { results[$0] } }

    /// Appends a finished fit and returns it as the log holds it (figures rounded as written).
    @discardableResult
    package mutating func append(_ result: BaselineResult) throws(ExperimentError) -> BaselineResult {
        identities[result.run] = data.identity(of: result.run.data)
        let line = CSVTable.line(fields(result))
        try ResultFiles.append(line, to: path)
        let stored = try Self.parse(ResultRecords.fields(of: line), path: path, line: 0)
        if let existing = index[result.run] { results[existing] = stored } else {
            index[result.run] = results.count
            results.append(stored)
        }
        return stored
    }

    private func fields(_ result: BaselineResult) -> [String] {
        let accuracy = ResultRecords.accuracy
        return result.run.fields + [String(result.trainExamples), String(result.testExamples), accuracy(result.trainAccuracy),
                                    result.validAccuracy.map(accuracy) ?? "", result.testAccuracy.map(accuracy) ?? "",
                                    String(result.iterations), String(result.converged), result.stopReason.rawValue,
                                    ResultRecords.seconds(result.seconds)]
            + ResultRecords.identityFields(identities[result.run])
    }

    private static func parse(_ fields: [String], path: String, line: Int) throws(ExperimentError) -> BaselineResult {
        guard fields.count == columns.count else {
            throw .malformedRecord(path: path, line: line, reason: "\(fields.count) fields, expected \(columns.count)")
        }
        let run: BaselineRun
        switch BaselineRun.parse(Array(fields.prefix(BaselineRun.columns.count))) {
        case .success(let parsed): run = parsed
        case .failure(let failure): throw .malformedRecord(path: path, line: line, reason: failure.reason)
        }
        let reader = FieldReader(fields: fields, columns: columns, path: path, line: line)
        let stopText = reader.string("stop_reason")
        guard let stopReason = LogisticRegressionFit.StopReason(rawValue: stopText) else {
            throw .malformedRecord(path: path, line: line, reason: "stop_reason '\(stopText)' is none of "
                                   + LogisticRegressionFit.StopReason.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard try reader.bool("converged") == (stopReason == .converged) else {
            throw .malformedRecord(path: path, line: line, reason: "converged and stop_reason '\(stopText)' disagree")
        }
        return BaselineResult(run: run, trainExamples: try reader.int("train_examples"), testExamples: try reader.int("test_examples"),
                              trainAccuracy: try reader.double("train_accuracy"),
                              validAccuracy: try reader.optionalDouble("valid_accuracy"),
                              testAccuracy: try reader.optionalDouble("test_accuracy"),
                              iterations: try reader.int("iterations"), stopReason: stopReason,
                              seconds: try reader.double("seconds"))
    }
}
