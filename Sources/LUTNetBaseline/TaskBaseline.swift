import LUTNet

/// The logistic-regression baseline fitted on the training examples of one binary task of a
/// dataset, ready to be measured on its other splits. The training feature matrix is not kept;
/// only the model and its figures are.
public struct TaskBaseline: Sendable {
    /// The task.
    public let task: BinaryTask
    /// What the model reads of each byte.
    public let features: BaselineFeatures
    /// The binarization threshold of `.bits` features.
    public let threshold: UInt8
    /// The fit: model, iterations, convergence, seconds.
    public let fit: LogisticRegressionFit
    /// Training examples of the task.
    public let trainExamples: Int
    /// Features per example.
    public let featureCount: Int
    /// Accuracy on the training examples.
    public let trainAccuracy: Double
    /// Seconds spent building the training feature matrix.
    public let featureSeconds: Double

    /// Fits the baseline on the examples of `task` in `train` (both groups must have examples).
    /// Throws `ConfigurationError` for a task group without examples, `BaselineError` for
    /// impossible options or data.
    public init(train: ImageSet, task: BinaryTask, features: BaselineFeatures = .bits, threshold: UInt8 = 128,
                options: LogisticRegression.Options = LogisticRegression.Options()) throws {
        try options.validate()
        let clock = ContinuousClock.now
        let examples = try Self.examples(of: train, task: task, features: features, threshold: threshold, bothGroups: true)
        try self.init(examples: examples, task: task, features: features, threshold: threshold, options: options,
                      featureSeconds: (ContinuousClock.now - clock).seconds)
    }

    /// Fits the baseline on training `examples` already built (by `examples(of:…bothGroups: true)`)
    /// for `task`, `features` and `threshold`, which took `featureSeconds`; several values of C can
    /// share one matrix this way.
    public init(examples: (features: FeatureMatrix, labels: [UInt8]), task: BinaryTask, features: BaselineFeatures,
                threshold: UInt8, options: LogisticRegression.Options, featureSeconds: Double) throws {
        try options.validate()
        self.featureSeconds = featureSeconds
        fit = try LogisticRegression.fit(features: examples.features, labels: examples.labels, options: options)
        trainAccuracy = try fit.accuracy(on: examples.features, labels: examples.labels)
        trainExamples = examples.features.exampleCount
        featureCount = examples.features.featureCount
        self.task = task
        self.features = features
        self.threshold = threshold
    }

    /// The model's figures on one split.
    public struct Evaluation: Sendable, Equatable {
        /// Examples of the task in the split.
        public let examples: Int
        /// Fraction predicted correctly.
        public let accuracy: Double
        /// Seconds to build the split's feature matrix.
        public let featureSeconds: Double
        /// Seconds to predict every example from the ready features: the fastest of
        /// `TaskBaseline.predictionRuns` runs.
        public let predictSeconds: Double
    }

    /// How many times a split is predicted to time it (the fastest run counts): the LUT network's
    /// prediction beside it in `lutnet compare` is timed the same way.
    public static let predictionRuns = 3

    /// The accuracy on the examples of the task in `images` (another split of the same data); the
    /// split needs examples of at least one group.
    public func evaluate(on images: ImageSet) throws -> Evaluation {
        let clock = ContinuousClock.now
        let examples = try Self.examples(of: images, task: task, features: features, threshold: threshold, bothGroups: false)
        return try evaluate(on: examples, featureSeconds: (ContinuousClock.now - clock).seconds)
    }

    /// The accuracy on examples of the task already built (by `examples(of:…bothGroups: false)`),
    /// which took `featureSeconds`.
    public func evaluate(on examples: (features: FeatureMatrix, labels: [UInt8]), featureSeconds: Double) throws -> Evaluation {
        let (accuracy, predictSeconds) = try fastestRun(of: Self.predictionRuns) {
            try fit.accuracy(on: examples.features, labels: examples.labels)
        }
        return Evaluation(examples: examples.features.exampleCount, accuracy: accuracy, featureSeconds: featureSeconds,
                          predictSeconds: predictSeconds)
    }

    /// The examples of `task` in `images` as a feature matrix and 0/1 labels. Throws
    /// `ConfigurationError.emptyTaskGroup` naming the split when a group has no examples (with
    /// `bothGroups`), or when neither has.
    public static func examples(of images: ImageSet, task: BinaryTask, features: BaselineFeatures, threshold: UInt8,
                                bothGroups: Bool) throws -> (features: FeatureMatrix, labels: [UInt8]) {
        let selection = task.select(from: images.labels)
        let ones = selection.labels.reduce(0) { $0 + Int($1) }, zeros = selection.labels.count - ones
        if zeros == 0, bothGroups || ones == 0 {
            throw ConfigurationError.emptyTaskGroup(task: task.description, group: 0, split: images.source)
        }
        if ones == 0, bothGroups {
            throw ConfigurationError.emptyTaskGroup(task: task.description, group: 1, split: images.source)
        }
        let matrix = try FeatureMatrix(images: images, indices: selection.indices, features: features, threshold: threshold)
        return (matrix, selection.labels)
    }
}
