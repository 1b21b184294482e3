import LUTNet

/// The multinomial logistic-regression baseline fitted on the training examples of a multi-class
/// task, ready to be measured on the dataset's other splits.
public struct MultiClassBaseline: Sendable {
    /// The task.
    public let task: MultiClassTask
    /// What the model reads of each byte.
    public let features: BaselineFeatures
    /// The binarization threshold of `.bits` features.
    public let threshold: UInt8
    /// The fit.
    public let fit: MultinomialFit
    /// Training examples of the task.
    public let trainExamples: Int
    /// Accuracy on the training examples.
    public let trainAccuracy: Double
    /// Seconds spent building the training feature matrix.
    public let featureSeconds: Double

    /// Fits the baseline on the examples of `task` in `train` (every class must have examples).
    /// Throws `ConfigurationError` for a class without examples, `BaselineError` for impossible
    /// options or data.
    public init(train: ImageSet, task: MultiClassTask, features: BaselineFeatures = .bits, threshold: UInt8 = 128,
                options: LogisticRegression.Options = LogisticRegression.Options()) throws {
        try options.validate()
        try task.checkClasses(in: train)
        let clock = ContinuousClock.now
        let examples = try Self.examples(of: train, task: task, features: features, threshold: threshold)
        featureSeconds = (ContinuousClock.now - clock).seconds
        fit = try MultinomialLogisticRegression.fit(features: examples.features, classes: examples.classes,
                                                     classCount: task.classCount, options: options)
        trainAccuracy = try fit.model.accuracy(on: examples.features, classes: examples.classes)
        trainExamples = examples.classes.count
        self.task = task
        self.features = features
        self.threshold = threshold
    }

    /// The confusion matrix on the examples of the task in `images` (another split), and the
    /// seconds its prediction took from the ready features (the fastest of
    /// `TaskBaseline.predictionRuns` runs).
    public func evaluate(on images: ImageSet) throws -> (confusion: ConfusionMatrix, predictSeconds: Double) {
        let examples = try Self.examples(of: images, task: task, features: features, threshold: threshold)
        let (predicted, seconds) = try fastestRun(of: TaskBaseline.predictionRuns) { try fit.model.predict(on: examples.features) }
        return (ConfusionMatrix(actual: examples.classes, predicted: predicted, classCount: task.classCount), seconds)
    }

    /// The examples of `task` in `images` as a feature matrix and classes.
    public static func examples(of images: ImageSet, task: MultiClassTask, features: BaselineFeatures,
                                threshold: UInt8) throws -> (features: FeatureMatrix, classes: [UInt8]) {
        let selection = task.select(from: images.labels)
        let matrix = try FeatureMatrix(images: images, indices: selection.indices, features: features, threshold: threshold)
        return (matrix, selection.classes)
    }
}
