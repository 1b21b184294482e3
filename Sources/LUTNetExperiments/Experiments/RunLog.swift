import Foundation

/// The results of an experiment as they accumulate in its output folder: `NAME.csv` with one
/// record per trained network and `NAME-layers.csv` with one record per layer of each. Every
/// finished run is appended at once, so an experiment that is stopped and started again with the
/// same folder finds the runs it already has and skips them.
///
/// A run counts as done when its record and all its layer records are there. Opening the log
/// drops anything else (a record cut short by an interruption, layer records of an unfinished
/// run) and rewrites both files without it. A run recorded more than once (files joined by hand,
/// or written by two experiments at once before folders were locked) counts once: its last
/// complete record is kept, with one record per layer, and the rewrite drops the others, so no
/// figure of a report is ever taken over copies. Writers of one folder hold its
/// `ResultFolderLock`, which `ExperimentRunner.perform` takes.
///
/// Results that hold multi-class runs (`windows`) have a `window` column after the identifying
/// columns of `ExperimentRun.columns`; a multi-class run has no layer records (its readout is its
/// classes' votes, not an output LUT).
///
/// Every run record ends with the identity of its data (`data_path`, `data_crc32`, see
/// `DataIdentity`). Opening the log with the identities of the data given now refuses
/// (`ExperimentError.dataMismatch`) a file holding a record of a data name given now whose checksum
/// differs, or that has no identity (a file written before the columns, which is read otherwise).
package struct RunLog {
    /// The file of run records.
    package let runsPath: String
    /// The file of layer records.
    package let layersPath: String
    /// Whether the run file has a `valid_accuracy` column (accuracy on a validation split).
    package let recordsValidation: Bool
    /// Whether the run file has a `window` column (results that hold multi-class runs).
    package let recordsWindows: Bool
    /// The finished runs found in the files or appended since, in file order.
    package private(set) var results: [RunResult]
    private var index: [ExperimentRun: Int]
    private let columns: [String]
    /// The identity recorded with each run, when the file has one or the data is known.
    private var identities: [ExperimentRun: DataIdentity]
    private let data: DataIdentities

    /// Columns of the run file (without a validation column).
    package static let runColumns = runColumns(validation: false)
    /// Columns of the layer file.
    package static let layerColumns = ExperimentRun.columns
        + ["layer", "luts", "train_mean", "train_std", "test_mean", "test_std", "tied_patterns", "seconds"]

    /// Columns of the run file, with `window` after the identifying columns when `windows`,
    /// `valid_accuracy` after `train_accuracy` when `validation`, and the data's identity last.
    package static func runColumns(validation: Bool, windows: Bool = false) -> [String] {
        ExperimentRun.columns(windows: windows) + ["train_examples", "test_examples", "train_accuracy"] + (validation ? ["valid_accuracy"] : [])
            + ["test_accuracy", "test_accuracy_true_labels", "seconds"] + DataIdentity.columns
    }

    /// Opens (creating when absent) the log of experiment `name` in `folder`; `validation` adds the
    /// column of accuracy on a validation split, `windows` the `window` column of multi-class runs
    /// (which only such a log accepts). `data` gives the identity of the data each run
    /// names: it is recorded with every appended run and checked against every record read.
    package init(folder: String, name: String, validation: Bool = false, windows: Bool = false,
                data: DataIdentities = .unknown) throws(ExperimentError) {
        try ResultFiles.makeFolder(folder)
        runsPath = (folder as NSString).appendingPathComponent(name + ".csv")
        layersPath = (folder as NSString).appendingPathComponent(name + "-layers.csv")
        recordsValidation = validation
        recordsWindows = windows
        columns = Self.runColumns(validation: validation, windows: windows)
        self.data = data
        let runRecords = try ResultRecords.read(runsPath, columns: columns, optional: Set(DataIdentity.columns))
        let layerRecords = try ResultRecords.read(layersPath, columns: Self.layerColumns)
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
        identities = [:]
        for (line, fields) in runRecords {
            let result = try parseRun(fields, line: line)
            identities[result.run] = try ResultRecords.identity(
                in: FieldReader(fields: fields, columns: columns, path: runsPath, line: line), of: result.run.data,
                checkedAgainst: data)
            let found = (layers[result.run] ?? []).sorted { $0.index < $1.index }
            guard found.map(\.index) == Array(0..<result.run.recordedLayerCount) else { continue }
            let complete = result.with(layers: found)
            if let existing = index[result.run] { results[existing] = complete } else {
                index[result.run] = results.count
                results.append(complete)
            }
        }
        try rewrite()
    }

    /// The finished result of `run`, if the log has it.
    package func result(for run: ExperimentRun) -> RunResult? { index[run].map { results[$0] } }

    /// Appends a finished run (its layers first, then its record) and returns it as the log holds
    /// it: figures rounded as written, so that a resumed experiment reports exactly what an
    /// uninterrupted one does.
    @discardableResult
    package mutating func append(_ result: RunResult) throws(ExperimentError) -> RunResult {
        guard recordsWindows || !result.run.isMultiClass else {
            throw .unwritable(path: runsPath, reason: "multi-class run \(result.run) in results without a window column")
        }
        let layerLines = result.layers.map { CSVTable.line(Self.layerFields(result.run, $0)) }
        identities[result.run] = data.identity(of: result.run.data)
        let runLine = CSVTable.line(runFields(result))
        try ResultFiles.append(layerLines.joined(), to: layersPath)
        try ResultFiles.append(runLine, to: runsPath)
        // Read back what was written.
        var layers: [LayerReport] = []
        for line in layerLines {
            layers.append(try Self.parseLayer(ResultRecords.fields(of: line), path: layersPath, line: 0).1)
        }
        let stored = try parseRun(ResultRecords.fields(of: runLine), line: 0).with(layers: layers)
        if let existing = index[result.run] { results[existing] = stored } else {
            index[result.run] = results.count
            results.append(stored)
        }
        return stored
    }

    // MARK: Files

    private func rewrite() throws(ExperimentError) {
        var runs = CSVTable.line(columns)
        var layers = CSVTable.line(Self.layerColumns)
        for result in results {
            runs += CSVTable.line(runFields(result))
            for layer in result.layers { layers += CSVTable.line(Self.layerFields(result.run, layer)) }
        }
        try ResultFiles.write(runs, to: runsPath)
        try ResultFiles.write(layers, to: layersPath)
    }

    // MARK: Records

    private func runFields(_ result: RunResult) -> [String] {
        let accuracy = ResultRecords.accuracy
        return result.run.fields(windows: recordsWindows) + [String(result.trainExamples), String(result.testExamples), accuracy(result.trainAccuracy)]
            + (recordsValidation ? [result.validAccuracy.map(accuracy) ?? ""] : [])
            + [result.testAccuracy.map(accuracy) ?? "", result.testAccuracyTrueLabels.map(accuracy) ?? "",
               ResultRecords.seconds(result.seconds)]
            + ResultRecords.identityFields(identities[result.run])
    }

    private static func layerFields(_ run: ExperimentRun, _ layer: LayerReport) -> [String] {
        let accuracy = ResultRecords.accuracy
        return run.fields + [String(layer.index + 1), String(layer.width), accuracy(layer.trainAccuracyMean),
                             accuracy(layer.trainAccuracyStandardDeviation), layer.testAccuracyMean.map(accuracy) ?? "",
                             layer.testAccuracyStandardDeviation.map(accuracy) ?? "", String(layer.tiedPatterns),
                             ResultRecords.seconds(layer.seconds)]
    }

    /// A run record without its layers.
    private func parseRun(_ fields: [String], line: Int) throws(ExperimentError) -> RunResult {
        guard fields.count == columns.count else {
            throw .malformedRecord(path: runsPath, line: line, reason: "\(fields.count) fields, expected \(columns.count)")
        }
        let run = try Self.parseRunFields(fields, windows: recordsWindows, path: runsPath, line: line)
        let reader = FieldReader(fields: fields, columns: columns, path: runsPath, line: line)
        return RunResult(run: run, trainExamples: try reader.int("train_examples"), testExamples: try reader.int("test_examples"),
                         trainAccuracy: try reader.double("train_accuracy"),
                         testAccuracy: try reader.optionalDouble("test_accuracy"),
                         testAccuracyTrueLabels: try reader.optionalDouble("test_accuracy_true_labels"),
                         validAccuracy: recordsValidation ? try reader.optionalDouble("valid_accuracy") : nil,
                         seconds: try reader.double("seconds"), layers: [])
    }

    private static func parseLayer(_ fields: [String], path: String, line: Int) throws(ExperimentError) -> (ExperimentRun, LayerReport) {
        guard fields.count == layerColumns.count else {
            throw .malformedRecord(path: path, line: line, reason: "\(fields.count) fields, expected \(layerColumns.count)")
        }
        let run = try parseRunFields(fields, windows: false, path: path, line: line)
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

    private static func parseRunFields(_ fields: [String], windows: Bool, path: String,
                                       line: Int) throws(ExperimentError) -> ExperimentRun {
        switch ExperimentRun.parse(Array(fields.prefix(ExperimentRun.columns(windows: windows).count)), windows: windows) {
        case .success(let run): return run
        case .failure(let failure): throw .malformedRecord(path: path, line: line, reason: failure.reason)
        }
    }
}
