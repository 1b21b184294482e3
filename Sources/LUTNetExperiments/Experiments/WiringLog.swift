import Foundation
import LUTNet

/// The records of wiring sweeps as they accumulate in an output folder's `wiring.csv`: one record
/// per trained network, appended as soon as it is trained, so that a sweep stopped and started
/// again with the same folder finds the networks it already has and skips them.
///
/// Every record ends with the identity of its data (`data_path`, `data_crc32`, see `DataIdentity`).
/// Opening the log for a sweep whose data identity is known refuses
/// (`ExperimentError.dataMismatch`) a record of the same data name whose checksum differs or that
/// has no identity. Records of other data, tasks or thresholds are kept as they are: one file can
/// hold several sweeps, and each sweep's report shows its own networks.
package struct WiringLog {
    /// The file of records.
    package let path: String
    /// The records of the file in order, each as its fields in `WiringExperiment.columns` order.
    private var records: [[String]]
    /// The results of this sweep's data, task and threshold found in the file or appended since,
    /// in file order (a later record of the same network replacing an earlier one).
    package private(set) var results: [WiringExperiment.Result]
    private var index: [Key: Int]
    private let experiment: WiringExperiment
    private let identity: DataIdentity?

    private struct Key: Hashable {
        let configuration: WiringExperiment.Configuration
        let seed: UInt64
    }

    /// Opens (creating when absent) `wiring.csv` in `folder` for `experiment`, whose data has
    /// `identity` (nil: recorded and checked as unknown); `fresh` first discards the file. A record
    /// cut short by an interruption is dropped and the file rewritten without it.
    package init(folder: String, experiment: WiringExperiment, identity: DataIdentity?, fresh: Bool = false) throws(ExperimentError) {
        try ResultFiles.makeFolder(folder)
        path = (folder as NSString).appendingPathComponent(WiringExperiment.fileStem + ".csv")
        if fresh { try ResultFiles.remove(path) }
        self.experiment = experiment
        self.identity = identity
        let columns = WiringExperiment.columns
        let read = try ResultRecords.read(path, columns: columns,
                                          optional: Set(DataIdentity.columns + [WiringExperiment.inputBitsColumn]))
        records = []
        results = []
        index = [:]
        let given = identity.map { DataIdentities(fallback: $0) } ?? .unknown
        for (line, fields) in read {
            guard fields.count == columns.count else {
                throw .malformedRecord(path: path, line: line, reason: "\(fields.count) fields, expected \(columns.count)")
            }
            let reader = FieldReader(fields: fields, columns: columns, path: path, line: line)
            let name = reader.string("data")
            if name == experiment.data {
                _ = try ResultRecords.identity(in: reader, of: name, checkedAgainst: given)
            }
            if let result = try parse(reader) { keep(result) }
            records.append(fields)
        }
        try ResultFiles.write(([columns] + records).map(CSVTable.line).joined(), to: path)
    }

    /// The recorded result of `configuration` trained with `seed` in this sweep, if the log has it.
    package func result(of configuration: WiringExperiment.Configuration, seed: UInt64) -> WiringExperiment.Result? {
        index[Key(configuration: configuration, seed: seed)].map { results[$0] }
    }

    /// Appends a trained network's record and returns the result as the file holds it (figures
    /// rounded as written), so that a resumed sweep reports exactly what an uninterrupted one does.
    @discardableResult
    package mutating func append(_ result: WiringExperiment.Result) throws(ExperimentError) -> WiringExperiment.Result {
        let shape = result.configuration.shape
        let fields = [experiment.data, experiment.task.description, String(experiment.threshold),
                      result.configuration.wiring.description, shape.ks.description, ExperimentRun.layersText(shape.hiddenWidths),
                      String(result.seed), ResultRecords.accuracy(result.trainAccuracy),
                      ResultRecords.accuracy(result.testAccuracy), ResultRecords.seconds(result.seconds),
                      String(result.modelBytes), result.configuration.inputBitsText] + ResultRecords.identityFields(identity)
        try ResultFiles.append(CSVTable.line(fields), to: path)
        records.append(fields)
        let reader = FieldReader(fields: fields, columns: WiringExperiment.columns, path: path, line: records.count + 1)
        guard let stored = try parse(reader) else { return result }
        keep(stored)
        return stored
    }

    private mutating func keep(_ result: WiringExperiment.Result) {
        let key = Key(configuration: result.configuration, seed: result.seed)
        if let existing = index[key] { results[existing] = result } else {
            index[key] = results.count
            results.append(result)
        }
    }

    /// The result a record holds when it is of this sweep's data, task and threshold; nil for a
    /// record of another sweep.
    private func parse(_ reader: FieldReader) throws(ExperimentError) -> WiringExperiment.Result? {
        guard reader.string("data") == experiment.data, reader.string("task") == experiment.task.description,
              reader.string("threshold") == String(experiment.threshold) else { return nil }
        let configuration: WiringExperiment.Configuration
        do throws(ConfigurationError) {
            let ks = try LayerKs(parsing: reader.string("k"), option: "k")
            let bits = reader.string(WiringExperiment.inputBitsColumn)
            configuration = WiringExperiment.Configuration(wiring: try WiringSpec(parsing: reader.string("wiring")),
                                                           shape: try NetworkShape(ks: ks, layers: reader.string("layers")),
                                                           inputBits: bits.isEmpty ? [.threshold]
                                                               : try InputBitFamily.list(parsing: bits, option: WiringExperiment.inputBitsColumn))
        } catch {
            throw .malformedRecord(path: reader.path, line: reader.line, reason: error.description)
        }
        guard let seed = UInt64(reader.string("seed")) else {
            throw .malformedRecord(path: reader.path, line: reader.line, reason: "seed '\(reader.string("seed"))' is not a seed")
        }
        return WiringExperiment.Result(configuration: configuration, seed: seed,
                                       trainAccuracy: try reader.double("train_accuracy"),
                                       testAccuracy: try reader.double("test_accuracy"),
                                       seconds: try reader.double("seconds"), modelBytes: try reader.int("model_bytes"))
    }
}
