/// Which labels a run trains on.
public enum LabelKind: String, Sendable, Hashable, CaseIterable {
    /// The dataset's own labels.
    case real
    /// Seeded coin flips in place of the training labels (and of the test labels), the
    /// memorization experiment.
    case random
}

/// One network to train in an experiment: everything that decides its figures. Two runs with equal
/// fields give bit-identical networks, which is what lets an interrupted experiment skip the runs
/// it already has.
public struct ExperimentRun: Sendable, Hashable, CustomStringConvertible {
    /// The dataset's name (its folder's last component), so that results of different data in one
    /// folder are never mistaken for each other.
    public let data: String
    /// The binary task.
    public let task: BinaryTask
    /// Binarization threshold.
    public let threshold: UInt8
    /// The topology.
    public let shape: NetworkShape
    /// Real or random labels.
    public let labels: LabelKind
    /// Training examples to draw (a seeded subset of the task's training split), or nil for all.
    public let trainSize: Int?
    /// Seed of the wiring, tie-breaking, random labels and subset.
    public let seed: UInt64

    /// A run from its settings.
    public init(data: String, task: BinaryTask, threshold: UInt8, shape: NetworkShape, labels: LabelKind = .real,
                trainSize: Int? = nil, seed: UInt64) {
        self.data = data
        self.task = task
        self.threshold = threshold
        self.shape = shape
        self.labels = labels
        self.trainSize = trainSize
        self.seed = seed
    }

    /// The hidden layers as `DEPTHxWIDTH` when they are all equal, else the list of widths; `0`
    /// for none. `NetworkShape(k:layers:)` reads it back.
    public var layersText: String { Self.layersText(shape.hiddenWidths) }

    /// The hidden layers `widths` written as `layersText` writes them.
    public static func layersText(_ widths: [Int]) -> String {
        if widths.isEmpty { return "0" }
        if Set(widths).count == 1 { return "\(widths.count)x\(widths[0])" }
        return widths.map(String.init).joined(separator: ",")
    }

    /// `all`, or the number of training examples drawn.
    public var trainSizeText: String { trainSize.map(String.init) ?? "all" }

    /// The values of the identifying columns, in `ExperimentRun.columns` order.
    public var fields: [String] {
        [data, task.description, String(threshold), String(shape.k), layersText, labels.rawValue, trainSizeText,
         String(seed)]
    }

    /// Names of the identifying columns.
    public static let columns = ["data", "task", "threshold", "k", "layers", "labels", "train_size", "seed"]

    /// Hashes the identifying fields.
    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

    /// A short human-readable name, for progress lines.
    public var description: String {
        var parts = ["task \(task)", "k=\(shape.k)", "layers \(layersText)"]
        if labels == .random { parts.append("random labels") }
        if let trainSize { parts.append("\(trainSize) examples") }
        parts.append("seed \(seed)")
        return parts.joined(separator: ", ")
    }

    /// Reads a run back from its identifying fields; nil with a reason when one is malformed.
    static func parse(_ fields: [String]) -> Result<ExperimentRun, ParseFailure> {
        guard fields.count == columns.count else {
            return .failure(ParseFailure("expected \(columns.count) identifying fields, found \(fields.count)"))
        }
        let task: BinaryTask
        do { task = try BinaryTask(parsing: fields[1]) } catch { return .failure(ParseFailure("\(error)")) }
        guard let threshold = UInt8(fields[2]), threshold > 0 else {
            return .failure(ParseFailure("threshold '\(fields[2])' is not 1-255"))
        }
        guard let k = Int(fields[3]) else { return .failure(ParseFailure("k '\(fields[3])' is not a number")) }
        let shape: NetworkShape
        do { shape = try NetworkShape(k: k, layers: fields[4]) } catch { return .failure(ParseFailure("\(error)")) }
        guard let labels = LabelKind(rawValue: fields[5]) else {
            return .failure(ParseFailure("labels '\(fields[5])' is neither 'real' nor 'random'"))
        }
        var trainSize: Int? = nil
        if fields[6] != "all" {
            guard let size = Int(fields[6]), size > 0 else {
                return .failure(ParseFailure("train_size '\(fields[6])' is neither 'all' nor a positive number"))
            }
            trainSize = size
        }
        guard let seed = UInt64(fields[7]) else { return .failure(ParseFailure("seed '\(fields[7])' is not a number")) }
        return .success(ExperimentRun(data: fields[0], task: task, threshold: threshold, shape: shape, labels: labels,
                                      trainSize: trainSize, seed: seed))
    }

    /// Why a stored record could not be read.
    struct ParseFailure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
