import LUTNetBaseline

/// What `lutnet baseline` reports, on a binary task (logistic regression) or a multi-class task
/// (multinomial); the figures one kind of fit has and the other lacks are nil and left out of JSON.
struct BaselineReport: Codable {
    var data: String
    var task: String
    var features: String
    var threshold: Int?
    var c: Double
    var tolerance: Double
    var maxIterations: Int
    var threads: Int
    var trainExamples: Int
    var testExamples: Int?
    var iterations: Int
    var passes: Int
    var converged: Bool
    var stopReason: String
    var gradientMaxNorm: Double
    var objective: Double
    var fitSeconds: Double
    var featureSeconds: Double
    var trainAccuracy: Double
    var testAccuracy: Double?
    /// Binary tasks: OpenBLAS threads each worker calls with.
    var blasThreadsPerWorker: Int?
    /// Binary tasks: features per example (with the bias).
    var featureCount: Int?
    /// Binary tasks: conjugate-gradient steps of all Newton iterations.
    var conjugateGradientSteps: Int?
    /// Binary tasks: seconds to load the dataset.
    var loadSeconds: Double?
    /// Multi-class tasks: seconds to predict the test split.
    var predictSeconds: Double?
    /// Multi-class tasks: the test split's per-class accuracy and confusion matrix.
    var test: MultiClassReport?

    enum CodingKeys: String, CodingKey {
        case data, task, features, threshold, c = "C", tolerance, maxIterations, threads, trainExamples, testExamples
        case iterations, passes, converged, stopReason, gradientMaxNorm, objective, fitSeconds, featureSeconds
        case trainAccuracy, testAccuracy, blasThreadsPerWorker, featureCount, conjugateGradientSteps, loadSeconds
        case predictSeconds, test
    }

    /// Prints a binary fit's figures.
    func printText() {
        let featureText = threshold.map { "\(features) (byte >= \($0))" } ?? features
        print("logistic regression, C = \(c), task \(task), \(featureText), data \(data)")
        print("examples: \(trainExamples) train, \(testExamples.map(String.init) ?? "no") test, \(featureCount ?? 0) features")
        print(String(format: "fit: %.3f s, %d Newton iterations, %d CG steps, %d passes over the data, %d thread(s)",
                     fitSeconds, iterations, conjugateGradientSteps ?? 0, passes, threads))
        let status = switch stopReason {
        case LogisticRegressionFit.StopReason.converged.rawValue: "converged"
        case LogisticRegressionFit.StopReason.noDescent.rawValue: "NOT converged (no step decreased the objective)"
        default: "NOT converged (iteration cap)"
        }
        print(String(format: "%@: max |gradient| / (C·n) = %.3g (tolerance %.3g), objective %.6f",
                     status, gradientMaxNorm, tolerance, objective))
        print(String(format: "train accuracy: %.4f", trainAccuracy))
        if let testAccuracy { print(String(format: "test accuracy:  %.4f", testAccuracy)) }
        print(String(format: "(load %.2f s, features %.2f s)", loadSeconds ?? 0, featureSeconds))
    }
}
