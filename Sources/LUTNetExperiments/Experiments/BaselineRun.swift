import LUTNetBaseline
/// How an experiment fits the logistic-regression baseline: everything but the threads, which do
/// not change its figures.
package struct BaselineSettings: Sendable, Hashable {
    /// What the model reads of each byte.
    package let features: BaselineFeatures
    /// The inverse regularization strength C.
    package let c: Double
    /// The gradient tolerance (see `LogisticRegression.Options.tolerance`).
    package let tolerance: Double
    /// The most Newton iterations.
    package let maxIterations: Int

    /// Settings; the defaults are those of `LogisticRegression.Options` on bits.
    package init(features: BaselineFeatures = .bits, c: Double = LogisticRegression.Options().c,
                tolerance: Double = LogisticRegression.Options().tolerance,
                maxIterations: Int = LogisticRegression.Options().maxIterations) {
        self.features = features
        self.c = c
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// The solver's options with `threads` workers.
    package func options(threads: Int) -> LogisticRegression.Options {
        LogisticRegression.Options(c: c, tolerance: tolerance, maxIterations: maxIterations, threads: threads)
    }

    /// The method's name in reports, e.g. `logistic regression (C = 1, bits)`.
    package var name: String {
        "logistic regression (C = \(ReportFormat.number(c)), \(features))"
    }

    /// The method's name, `multinomial logistic regression (…)` for the fit of a multi-class task.
    package func name(multinomial: Bool) -> String { (multinomial ? "multinomial " : "") + name }
}

/// One baseline fit of an experiment: the data, the task and the settings. The fit is
/// deterministic (the same to the bit for any number of threads), so there are no seeds, and two
/// equal runs have equal figures.
package struct BaselineRun: Sendable, Hashable, CustomStringConvertible {
    /// The dataset's name, as in `ExperimentRun.data`.
    package let data: String
    /// The task: binary (logistic regression) or multi-class (multinomial logistic regression).
    package let task: ClassTask
    /// Binarization threshold (used by `.bits` features).
    package let threshold: UInt8
    /// The baseline's settings.
    package let settings: BaselineSettings

    /// A run from its parts.
    package init(data: String, task: ClassTask, threshold: UInt8, settings: BaselineSettings) {
        self.data = data
        self.task = task
        self.threshold = threshold
        self.settings = settings
    }

    /// A run on a binary task.
    package init(data: String, task: BinaryTask, threshold: UInt8, settings: BaselineSettings) {
        self.init(data: data, task: .binary(task), threshold: threshold, settings: settings)
    }

    /// Names of the identifying columns.
    package static let columns = ["data", "task", "threshold", "features", "C", "tolerance", "max_iterations"]

    /// The values of the identifying columns, in `columns` order.
    package var fields: [String] {
        [data, task.description, String(threshold), settings.features.rawValue, String(settings.c), String(settings.tolerance),
         String(settings.maxIterations)]
    }

    /// Hashes the identifying fields.
    package func hash(into hasher: inout Hasher) { hasher.combine(fields) }

    /// A short human-readable name, for progress lines.
    package var description: String {
        "\(data), task \(task), \(settings.name(multinomial: task.isMultiClass))"
    }

    /// Reads a run back from its identifying fields; a failure says which field is malformed.
    static func parse(_ fields: [String]) -> Result<BaselineRun, ExperimentRun.ParseFailure> {
        guard fields.count == columns.count else {
            return .failure(.init("expected \(columns.count) identifying fields, found \(fields.count)"))
        }
        let task: ClassTask
        do { task = try ClassTask(parsingRecorded: fields[1]) } catch { return .failure(.init("\(error)")) }
        guard let threshold = UInt8(fields[2]), Threshold.isValid(Int(threshold)) else {
            return .failure(.init("threshold '\(fields[2])' is not 1-255"))
        }
        guard let features = BaselineFeatures(rawValue: fields[3]) else {
            return .failure(.init("features '\(fields[3])' is neither 'bits' nor 'pixels'"))
        }
        guard let c = Double(fields[4]), c.isFinite, c > 0 else { return .failure(.init("C '\(fields[4])' is not a number > 0")) }
        guard let tolerance = Double(fields[5]), tolerance.isFinite, tolerance > 0 else {
            return .failure(.init("tolerance '\(fields[5])' is not a number > 0"))
        }
        guard let maxIterations = Int(fields[6]), maxIterations >= 1 else {
            return .failure(.init("max_iterations '\(fields[6])' is not a number >= 1"))
        }
        return .success(BaselineRun(data: fields[0], task: task, threshold: threshold,
                                    settings: BaselineSettings(features: features, c: c, tolerance: tolerance,
                                                               maxIterations: maxIterations)))
    }
}

/// The figures of one baseline fit of an experiment.
package struct BaselineResult: Sendable, Equatable {
    /// What was fitted.
    package let run: BaselineRun
    /// Training examples.
    package let trainExamples: Int
    /// Test examples (0 without a test split).
    package let testExamples: Int
    /// Accuracy on the training examples.
    package let trainAccuracy: Double
    /// Accuracy on the validation split, when the data has one.
    package let validAccuracy: Double?
    /// Accuracy on the test split, when the data has one.
    package let testAccuracy: Double?
    /// Newton iterations taken.
    package let iterations: Int
    /// Why the fit stopped.
    package let stopReason: LogisticRegressionFit.StopReason
    /// Whether the gradient reached the tolerance (`stopReason == .converged`).
    package var converged: Bool { stopReason == .converged }
    /// Wall time of the fit and the evaluations, features included.
    package let seconds: Double

    /// A result from its parts.
    package init(run: BaselineRun, trainExamples: Int, testExamples: Int, trainAccuracy: Double, validAccuracy: Double?,
                testAccuracy: Double?, iterations: Int, stopReason: LogisticRegressionFit.StopReason,
                seconds: Double) {
        self.run = run
        self.trainExamples = trainExamples
        self.testExamples = testExamples
        self.trainAccuracy = trainAccuracy
        self.validAccuracy = validAccuracy
        self.testAccuracy = testAccuracy
        self.iterations = iterations
        self.stopReason = stopReason
        self.seconds = seconds
    }

    /// A one-line account for progress, e.g. `baseline ex80, task 0:1, …: train 0.93 test 0.91 (1.2 s)`.
    package var line: String {
        var text = "baseline " + run.description + ": train " + String(format: "%.4f", trainAccuracy)
        if let validAccuracy { text += String(format: " valid %.4f", validAccuracy) }
        if let testAccuracy { text += String(format: " test %.4f", testAccuracy) }
        let stop = switch stopReason {
        case .converged: ""
        case .iterationCap: ", not converged: stopped at the iteration cap"
        case .noDescent: ", not converged: no step decreased the objective"
        }
        text += String(format: " (%.2f s, %d iterations%@)", seconds, iterations, stop)
        return text
    }
}
