import LUTNet

/// Why a logistic-regression baseline cannot be built, fitted or evaluated. Each description names
/// the data source (the image file the examples came from) and says what is wrong.
public enum BaselineError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The inverse regularization strength C is outside `LogisticRegression.Options.regularizationRange`
    /// (zero, negative, infinite, NaN, or too small or large for sound arithmetic).
    case invalidRegularization(Double)
    /// The gradient tolerance is zero, negative, infinite or NaN.
    case invalidTolerance(Double)
    /// The iteration cap is below 1.
    case invalidIterationLimit(Int)
    /// The worker thread count is below 1.
    case invalidThreadCount(Int)
    /// A binarization threshold of 0 (every byte would be 1).
    case invalidThreshold(Int)
    /// A feature matrix without examples or without features.
    case emptyData(source: String, examples: Int, features: Int)
    /// More examples or features than CBLAS's 32-bit sizes allow (`FeatureMatrix.maxExamples`,
    /// `FeatureMatrix.maxFeatures`).
    case tooLarge(source: String, examples: Int, features: Int)
    /// A value buffer whose length is not examples × features.
    case malformedMatrix(source: String, values: Int, examples: Int, features: Int)
    /// A feature value that is infinite or NaN.
    case nonFiniteFeature(source: String, example: Int, feature: Int)
    /// An example index past the end of the image set.
    case exampleIndexOutOfRange(source: String, index: Int, count: Int)
    /// A label vector whose length differs from the number of examples.
    case labelCountMismatch(source: String, labels: Int, examples: Int)
    /// A label other than 0 or 1.
    case invalidLabel(source: String, example: Int, label: UInt8)
    /// The training labels hold no example of one class, so there is nothing to separate.
    case missingClass(source: String, label: UInt8, examples: Int)
    /// A class at or past the number of classes of a multinomial fit (`classes`).
    case invalidClass(source: String, example: Int, label: UInt8, classes: Int)
    /// A class of a multinomial fit without training examples.
    case emptyClass(source: String, label: Int, examples: Int)
    /// A model whose weight count differs from the data's feature count.
    case featureCountMismatch(source: String, modelFeatures: Int, dataFeatures: Int)
    /// The fit's `quantity` (gradient or objective) became infinite or NaN.
    case nonFiniteFit(source: String, c: Double, quantity: String)

    /// A sentence that names the data source (when there is one) and says what is wrong.
    public var description: String {
        switch self {
        case .invalidRegularization(let c):
            "invalid C = \(c): the inverse regularization strength must be a number from "
                + LogisticRegression.Options.regularizationRangeText
        case .invalidTolerance(let tolerance):
            "invalid tolerance \(tolerance): the gradient tolerance must be a finite number > 0"
        case .invalidIterationLimit(let limit):
            "invalid iteration limit \(limit): allow at least 1 iteration"
        case .invalidThreadCount(let threads):
            "invalid thread count \(threads): use 1 or more"
        case .invalidThreshold(let threshold):
            "threshold \(threshold) is not supported: use 1 to 255 (a feature is 1 when byte >= threshold)"
        case .emptyData(let source, let examples, let features):
            "\(source): \(examples) examples of \(features) features; need at least one of each"
        case .tooLarge(let source, let examples, let features):
            "\(source): \(examples) examples of \(features) features is more than the supported "
                + "\(FeatureMatrix.maxExamples) examples of at most \(FeatureMatrix.maxFeatures) features"
        case .malformedMatrix(let source, let values, let examples, let features):
            "\(source): \(values) values do not make \(examples) examples of \(features) features"
        case .nonFiniteFeature(let source, let example, let feature):
            "\(source): feature \(feature) of example \(example) is not a finite number"
        case .exampleIndexOutOfRange(let source, let index, let count):
            "\(source): example index \(index) is out of range (the file has \(count) examples)"
        case .labelCountMismatch(let source, let labels, let examples):
            "\(source): \(labels) labels for \(examples) examples"
        case .invalidLabel(let source, let example, let label):
            "\(source): example \(example) has label \(label); binary labels are 0 or 1"
        case .missingClass(let source, let label, let examples):
            "\(source): none of the \(examples) training examples has label \(label); "
                + "logistic regression needs examples of both classes"
        case .invalidClass(let source, let example, let label, let classes):
            "\(source): example \(example) has class \(label); the \(classes) classes are 0 to \(classes - 1)"
        case .emptyClass(let source, let label, let examples):
            "\(source): none of the \(examples) training examples is of class \(label); "
                + "multinomial logistic regression needs examples of every class"
        case .featureCountMismatch(let source, let modelFeatures, let dataFeatures):
            "\(source): the data has \(dataFeatures) features per example but the model has \(modelFeatures) weights"
        case .nonFiniteFit(let source, let c, let quantity):
            "\(source): the logistic-regression fit with C = \(c) reached a \(quantity) that is not a finite number; "
                + "no model is reported"
        }
    }
}
