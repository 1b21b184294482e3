/// The figures of one trained network of an experiment.
package struct RunResult: Sendable, Equatable {
    /// What was trained.
    package let run: ExperimentRun
    /// Training examples used.
    package let trainExamples: Int
    /// Test examples evaluated (0 when the dataset has no test split).
    package let testExamples: Int
    /// The network's accuracy on its training labels (random ones in a random-label run).
    package let trainAccuracy: Double
    /// The network's accuracy on the test split, against labels of the run's kind (random test
    /// labels in a random-label run); nil without a test split.
    package let testAccuracy: Double?
    /// Accuracy on the test split against its true labels (equal to `testAccuracy` in a real-label
    /// run); nil without a test split.
    package let testAccuracyTrueLabels: Double?
    /// The network's accuracy on a validation split, when the data has one and the run trains on
    /// real labels; nil otherwise.
    package let validAccuracy: Double?
    /// Wall time to train and evaluate the network.
    package let seconds: Double
    /// Per-layer figures (mean and standard deviation over each layer's LUTs), the output LUT last.
    package let layers: [LayerReport]

    /// A result from its parts.
    package init(run: ExperimentRun, trainExamples: Int, testExamples: Int, trainAccuracy: Double, testAccuracy: Double?,
                testAccuracyTrueLabels: Double?, validAccuracy: Double? = nil, seconds: Double, layers: [LayerReport]) {
        self.run = run
        self.trainExamples = trainExamples
        self.testExamples = testExamples
        self.trainAccuracy = trainAccuracy
        self.testAccuracy = testAccuracy
        self.testAccuracyTrueLabels = testAccuracyTrueLabels
        self.validAccuracy = validAccuracy
        self.seconds = seconds
        self.layers = layers
    }

    /// The same figures with `layers` in place of this result's.
    func with(layers: [LayerReport]) -> RunResult {
        RunResult(run: run, trainExamples: trainExamples, testExamples: testExamples, trainAccuracy: trainAccuracy,
                  testAccuracy: testAccuracy, testAccuracyTrueLabels: testAccuracyTrueLabels, validAccuracy: validAccuracy,
                  seconds: seconds, layers: layers)
    }
}
