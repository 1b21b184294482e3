/// Which labels a run trains on.
package enum LabelKind: String, Sendable, Hashable, CaseIterable {
    /// The dataset's own labels.
    case real
    /// Seeded coin flips in place of the training labels (and of the test labels), the
    /// memorization experiment.
    case random
}

/// One network to train in an experiment: everything that decides its figures. Two runs with equal
/// fields give bit-identical networks, which is what lets an interrupted experiment skip the runs
/// it already has.
package struct ExperimentRun: Sendable, Hashable, CustomStringConvertible {
    /// The dataset's name (its folder's last component), so that results of different data in one
    /// folder are never mistaken for each other.
    package let data: String
    /// The task: two groups (one binary network) or more (one-vs-rest networks, one per class).
    package let task: ClassTask
    /// Binarization threshold.
    package let threshold: UInt8
    /// The topology.
    package let shape: NetworkShape
    /// Real or random labels.
    package let labels: LabelKind
    /// Training examples to draw (a seeded subset of the task's training split), or nil for all.
    package let trainSize: Int?
    /// Seed of the wiring, tie-breaking, random labels and subset.
    package let seed: UInt64
    /// The wiring of a multi-class run's networks: the first layer's image windows (see
    /// `MultiClassTrainingOptions.window`), or a spatial wiring beyond them; `.binary` for a binary
    /// run, which has none.
    package let window: RunWindow

    /// A run of a binary network from its settings.
    package init(data: String, task: BinaryTask, threshold: UInt8, shape: NetworkShape, labels: LabelKind = .real,
                trainSize: Int? = nil, seed: UInt64) {
        self.data = data
        self.task = .binary(task)
        self.threshold = threshold
        self.shape = shape
        self.labels = labels
        self.trainSize = trainSize
        self.seed = seed
        self.window = .binary
    }

    /// A run of a multi-class model: one network of `shape` per class (no output LUT), its first
    /// layer reading `window` × `window` windows of the image (nil: the whole input), on real
    /// labels and every training example.
    package init(data: String, task: MultiClassTask, threshold: UInt8, shape: NetworkShape, window: Int?, seed: UInt64) {
        self.init(data: data, task: task, threshold: threshold, shape: shape, wiring: .windowOnly(window), seed: seed)
    }

    /// A run of a multi-class model whose every class's network is wired by `wiring` (see
    /// `MultiClassTrainingOptions.wiring`), on real labels and every training example.
    package init(data: String, task: MultiClassTask, threshold: UInt8, shape: NetworkShape, wiring: WiringSpec, seed: UInt64) {
        self.data = data
        self.task = .multiClass(task)
        self.threshold = threshold
        self.shape = shape
        self.labels = .real
        self.trainSize = nil
        self.seed = seed
        self.window = RunWindow(multiClassWiring: wiring)
    }

    /// The run of a sweep over `task`: a binary network, or for a multi-class task a one-vs-rest
    /// model wired by `wiring` (nil: over the whole input); nil for a multi-class task on random
    /// labels, which sweeps leave out (a one-vs-rest model learns the real classes only).
    package static func sweepRun(data: String, task: ClassTask, threshold: UInt8, shape: NetworkShape,
                                labels: LabelKind = .real, wiring: WiringSpec?, seed: UInt64) -> ExperimentRun? {
        switch task {
        case .binary(let binary):
            return ExperimentRun(data: data, task: binary, threshold: threshold, shape: shape, labels: labels, seed: seed)
        case .multiClass(let multi):
            guard labels == .real else { return nil }
            return ExperimentRun(data: data, task: multi, threshold: threshold, shape: shape, wiring: wiring ?? .random, seed: seed)
        }
    }

    /// Whether the run trains a multi-class model.
    package var isMultiClass: Bool { task.isMultiClass }

    /// The run's layer figures as `RunLog` keeps them: one per hidden layer and the output LUT
    /// of a binary network, none for a multi-class model (whose readout is its classes' votes).
    var recordedLayerCount: Int { isMultiClass ? 0 : shape.allWidths.count }

    /// The hidden layers as `DEPTHxWIDTH` when they are all equal, else the list of widths; `0`
    /// for none. `NetworkShape(k:layers:)` reads it back.
    package var layersText: String { Self.layersText(shape.hiddenWidths) }

    /// The hidden layers `widths` written as `layersText` writes them.
    package static func layersText(_ widths: [Int]) -> String {
        if widths.isEmpty { return "0" }
        if Set(widths).count == 1 { return "\(widths.count)x\(widths[0])" }
        return widths.map(String.init).joined(separator: ",")
    }

    /// `all`, or the number of training examples drawn.
    package var trainSizeText: String { trainSize.map(String.init) ?? "all" }

    /// The values of the identifying columns, in `ExperimentRun.columns` order.
    package var fields: [String] {
        [data, task.description, String(threshold), shape.ks.description, layersText, labels.rawValue, trainSizeText,
         String(seed)]
    }

    /// Names of the identifying columns.
    package static let columns = ["data", "task", "threshold", "k", "layers", "labels", "train_size", "seed"]

    /// The identifying column that results with multi-class runs add after `columns`.
    package static let windowColumn = "window"

    /// Names of the identifying columns, with `window` last when `windows` (results that hold
    /// multi-class runs).
    package static func columns(windows: Bool) -> [String] { columns + (windows ? [windowColumn] : []) }

    /// The values of the identifying columns of `columns(windows:)`.
    package func fields(windows: Bool) -> [String] { fields + (windows ? [window.text] : []) }

    /// Hashes the identifying fields.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
        hasher.combine(window)
    }

    /// A short human-readable name, for progress lines.
    package var description: String {
        var parts = ["task \(task)", "k=\(shape.ks)", "layers \(layersText)" + (isMultiClass ? " per class" : "")]
        switch window {
        case .side(let side): parts.append("window \(side)")
        case .spatial(let wiring): parts.append("wiring \(wiring)")
        case .binary, .wholeInput: break
        }
        if labels == .random { parts.append("random labels") }
        if let trainSize { parts.append("\(trainSize) examples") }
        parts.append("seed \(seed)")
        return parts.joined(separator: ", ")
    }

    /// Reads a run back from its identifying fields (`columns(windows:)`); a failure says which
    /// field is malformed.
    static func parse(_ fields: [String], windows: Bool = false) -> Result<ExperimentRun, ParseFailure> {
        let expected = columns(windows: windows).count
        guard fields.count == expected else {
            return .failure(ParseFailure("expected \(expected) identifying fields, found \(fields.count)"))
        }
        let task: ClassTask
        do { task = try ClassTask(parsingRecorded: fields[1]) } catch { return .failure(ParseFailure("\(error)")) }
        let window: RunWindow
        switch RunWindow.parse(windows ? fields[8] : "") {
        case .success(let parsed): window = parsed
        case .failure(let failure): return .failure(failure)
        }
        guard let threshold = UInt8(fields[2]), Threshold.isValid(Int(threshold)) else {
            return .failure(ParseFailure("threshold '\(fields[2])' is not 1-255"))
        }
        let shape: NetworkShape
        do {
            shape = try NetworkShape(ks: try LayerKs(parsing: fields[3], option: "k"), layers: fields[4])
        } catch { return .failure(ParseFailure("\(error)")) }
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
        switch (task, window) {
        case (.binary(let binary), .binary):
            return .success(ExperimentRun(data: fields[0], task: binary, threshold: threshold, shape: shape, labels: labels,
                                          trainSize: trainSize, seed: seed))
        case (.multiClass(let multi), .wholeInput), (.multiClass(let multi), .side), (.multiClass(let multi), .spatial):
            guard labels == .real, trainSize == nil else {
                return .failure(ParseFailure("a multi-class run takes real labels and every training example"))
            }
            return .success(ExperimentRun(data: fields[0], task: multi, threshold: threshold, shape: shape,
                                          wiring: window.wiring, seed: seed))
        case (.binary, _):
            return .failure(ParseFailure("window '\(window.text)' given for binary task \(task); it has none"))
        case (.multiClass, .binary):
            return .failure(ParseFailure("multi-class task \(task) without a window ('none', a side or a wiring)"))
        }
    }

    /// Why a stored record could not be read.
    struct ParseFailure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
