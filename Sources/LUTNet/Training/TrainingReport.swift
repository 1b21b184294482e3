/// Figures of one trained layer: how well its LUTs, each on its own, predict the label.
public struct LayerReport: Sendable, Equatable, Codable {
    /// 0 for the first hidden layer; the output layer is last.
    public let index: Int
    /// Number of LUTs.
    public let width: Int
    /// Mean over the layer's LUTs of their training accuracy.
    public let trainAccuracyMean: Double
    /// Standard deviation over the layer's LUTs of their training accuracy.
    public let trainAccuracyStandardDeviation: Double
    /// Mean test accuracy of the LUTs, when a test split was given.
    public let testAccuracyMean: Double?
    /// Standard deviation of the LUTs' test accuracy, when a test split was given.
    public let testAccuracyStandardDeviation: Double?
    /// Patterns whose counts tied (unseen ones included), summed over the layer's LUTs.
    public let tiedPatterns: Int
    /// Wall time to train the layer (and evaluate it on the test split).
    public let seconds: Double

    /// A layer's figures, as the trainer measured them or a result file recorded them.
    package init(index: Int, width: Int, trainAccuracyMean: Double, trainAccuracyStandardDeviation: Double,
                 testAccuracyMean: Double?, testAccuracyStandardDeviation: Double?, tiedPatterns: Int, seconds: Double) {
        self.index = index
        self.width = width
        self.trainAccuracyMean = trainAccuracyMean
        self.trainAccuracyStandardDeviation = trainAccuracyStandardDeviation
        self.testAccuracyMean = testAccuracyMean
        self.testAccuracyStandardDeviation = testAccuracyStandardDeviation
        self.tiedPatterns = tiedPatterns
        self.seconds = seconds
    }
}

/// Figures of a whole training run.
public struct TrainingReport: Sendable, Equatable, Codable {
    /// One entry per layer, the output LUT last.
    public let layers: [LayerReport]
    /// Accuracy of the network (its output LUT) on the training examples.
    public let trainAccuracy: Double
    /// Accuracy on the test examples, when given.
    public let testAccuracy: Double?
    /// Wall time of the whole run.
    public let seconds: Double
}

/// Mean and population standard deviation.
func meanAndStandardDeviation(_ values: [Double]) -> (mean: Double, standardDeviation: Double) {
    guard !values.isEmpty else { return (0, 0) }
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    return (mean, variance.squareRoot())
}
