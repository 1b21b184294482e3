import Foundation

/// The results of an experiment as they accumulate in its output folder: `NAME.csv` with one
/// record per trained network and `NAME-layers.csv` with one record per layer of each. Every
/// finished run is appended at once, so an experiment that is stopped and started again with the
/// same folder finds the runs it already has and skips them.
///
/// A run counts as done when its record and all its layer records are there. Opening the log
/// drops anything else (a record cut short by an interruption, layer records of an unfinished
/// run) and rewrites both files without it.
public struct RunLog {
    /// The file of run records.
    public let runsPath: String
    /// The file of layer records.
    public let layersPath: String
    /// The finished runs found in the files or appended since, in file order.
    public private(set) var results: [RunResult]
    private var index: [ExperimentRun: Int]

    /// Columns of the run file.
    public static let runColumns = ExperimentRun.columns
        + ["train_examples", "test_examples", "train_accuracy", "test_accuracy", "test_accuracy_true_labels", "seconds"]
    /// Columns of the layer file.
    public static let layerColumns = ExperimentRun.columns
        + ["layer", "luts", "train_mean", "train_std", "test_mean", "test_std", "tied_patterns", "seconds"]

    /// Opens (creating when absent) the log of experiment `name` in `folder`.
    public init(folder: String, name: String) throws(ExperimentError) {
        try ResultFiles.makeFolder(folder)
        runsPath = (folder as NSString).appendingPathComponent(name + ".csv")
        layersPath = (folder as NSString).appendingPathComponent(name + "-layers.csv")
        let runRecords = try Self.records(of: runsPath, columns: Self.runColumns)
        let layerRecords = try Self.records(of: layersPath, columns: Self.layerColumns)
        var layers: [ExperimentRun: [LayerReport]] = [:]
        for (line, fields) in layerRecords {
            let (run, layer) = try Self.parseLayer(fields, path: layersPath, line: line)
            var list = layers[run] ?? []
            list.removeAll { $0.index == layer.index }
            list.append(layer)
            layers[run] = list
        }
        results = []
        index = [:]
        for (line, fields) in runRecords {
            let result = try Self.parseRun(fields, path: runsPath, line: line)
            let found = (layers[result.run] ?? []).sorted { $0.index < $1.index }
            guard found.map(\.index) == Array(0..<result.run.shape.allWidths.count) else { continue }
            let complete = RunResult(run: result.run, trainExamples: result.trainExamples, testExamples: result.testExamples,
                                     trainAccuracy: result.trainAccuracy, testAccuracy: result.testAccuracy,
                                     testAccuracyTrueLabels: result.testAccuracyTrueLabels, seconds: result.seconds,
                                     layers: found)
            if let existing = index[result.run] { results[existing] = complete } else {
                index[result.run] = results.count
                results.append(complete)
            }
        }
        try rewrite()
    }

    /// The finished result of `run`, if the log has it.
    public func result(for run: ExperimentRun) -> RunResult? { index[run].map { results[$0] } }

    /// Appends a finished run (its layers first, then its record) and returns it as the log holds
    /// it: figures rounded as written, so that a resumed experiment reports exactly what an
    /// uninterrupted one does.
    @discardableResult
    public mutating func append(_ result: RunResult) throws(ExperimentError) -> RunResult {
        let layerLines = result.layers.map { CSVTable.line(Self.layerFields(result.run, $0)) }
        let runLine = CSVTable.line(Self.runFields(result))
        try ResultFiles.append(layerLines.joined(), to: layersPath)
        try ResultFiles.append(runLine, to: runsPath)
        // Read back what was written.
        var layers: [LayerReport] = []
        for line in layerLines {
            layers.append(try Self.parseLayer(Self.fields(of: line), path: layersPath, line: 0).1)
        }
        let parsed = try Self.parseRun(Self.fields(of: runLine), path: runsPath, line: 0)
        let stored = RunResult(run: result.run, trainExamples: parsed.trainExamples, testExamples: parsed.testExamples,
                               trainAccuracy: parsed.trainAccuracy, testAccuracy: parsed.testAccuracy,
                               testAccuracyTrueLabels: parsed.testAccuracyTrueLabels, seconds: parsed.seconds,
                               layers: layers)
        if let existing = index[result.run] { results[existing] = stored } else {
            index[result.run] = results.count
            results.append(stored)
        }
        return stored
    }

    // MARK: Files

    private func rewrite() throws(ExperimentError) {
        var runs = CSVTable.line(Self.runColumns)
        var layers = CSVTable.line(Self.layerColumns)
        for result in results {
            runs += CSVTable.line(Self.runFields(result))
            for layer in result.layers { layers += CSVTable.line(Self.layerFields(result.run, layer)) }
        }
        try ResultFiles.write(runs, to: runsPath)
        try ResultFiles.write(layers, to: layersPath)
    }

    /// The records after the header of `path` (none when the file is absent or empty). A last
    /// record without a line break was cut short and is left out.
    private static func records(of path: String, columns: [String]) throws(ExperimentError) -> [(Int, [String])] {
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
        return records.dropFirst().map { ($0.line, $0.fields) }
    }

    private static func fields(of line: String) -> [String] {
        (try? CSVTable.parse(line))?.records.first?.fields ?? []
    }

    // MARK: Records

    private static func runFields(_ result: RunResult) -> [String] {
        result.run.fields + [String(result.trainExamples), String(result.testExamples), accuracy(result.trainAccuracy),
                             result.testAccuracy.map(accuracy) ?? "", result.testAccuracyTrueLabels.map(accuracy) ?? "",
                             String(format: "%.3f", result.seconds)]
    }

    private static func layerFields(_ run: ExperimentRun, _ layer: LayerReport) -> [String] {
        run.fields + [String(layer.index + 1), String(layer.width), accuracy(layer.trainAccuracyMean),
                      accuracy(layer.trainAccuracyStandardDeviation), layer.testAccuracyMean.map(accuracy) ?? "",
                      layer.testAccuracyStandardDeviation.map(accuracy) ?? "", String(layer.tiedPatterns),
                      String(format: "%.3f", layer.seconds)]
    }

    private static func accuracy(_ value: Double) -> String { String(format: "%.6f", value) }

    private static func parseRun(_ fields: [String], path: String, line: Int) throws(ExperimentError) -> RunResult {
        guard fields.count == runColumns.count else {
            throw .malformedRecord(path: path, line: line, reason: "\(fields.count) fields, expected \(runColumns.count)")
        }
        let run = try parseRunFields(fields, path: path, line: line)
        let reader = FieldReader(fields: fields, columns: runColumns, path: path, line: line)
        return RunResult(run: run, trainExamples: try reader.int("train_examples"), testExamples: try reader.int("test_examples"),
                         trainAccuracy: try reader.double("train_accuracy"),
                         testAccuracy: try reader.optionalDouble("test_accuracy"),
                         testAccuracyTrueLabels: try reader.optionalDouble("test_accuracy_true_labels"),
                         seconds: try reader.double("seconds"), layers: [])
    }

    private static func parseLayer(_ fields: [String], path: String, line: Int) throws(ExperimentError) -> (ExperimentRun, LayerReport) {
        guard fields.count == layerColumns.count else {
            throw .malformedRecord(path: path, line: line, reason: "\(fields.count) fields, expected \(layerColumns.count)")
        }
        let run = try parseRunFields(fields, path: path, line: line)
        let reader = FieldReader(fields: fields, columns: layerColumns, path: path, line: line)
        let number = try reader.int("layer")
        guard (1...run.shape.allWidths.count).contains(number) else {
            throw .malformedRecord(path: path, line: line, reason: "layer \(number) is not one of the network's \(run.shape.allWidths.count)")
        }
        let layer = LayerReport(index: number - 1, width: try reader.int("luts"),
                                trainAccuracyMean: try reader.double("train_mean"),
                                trainAccuracyStandardDeviation: try reader.double("train_std"),
                                testAccuracyMean: try reader.optionalDouble("test_mean"),
                                testAccuracyStandardDeviation: try reader.optionalDouble("test_std"),
                                tiedPatterns: try reader.int("tied_patterns"), seconds: try reader.double("seconds"))
        return (run, layer)
    }

    private static func parseRunFields(_ fields: [String], path: String, line: Int) throws(ExperimentError) -> ExperimentRun {
        switch ExperimentRun.parse(Array(fields.prefix(ExperimentRun.columns.count))) {
        case .success(let run): return run
        case .failure(let failure): throw .malformedRecord(path: path, line: line, reason: failure.reason)
        }
    }
}

/// Reads typed fields of one record by column name.
private struct FieldReader {
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
}
