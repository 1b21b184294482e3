import Foundation
import LUTNet
import LUTNetBaseline

/// `lutnet baseline` on a multi-class task: multinomial logistic regression by Newton-CG, its
/// accuracy, per-class accuracy and confusion matrix.
struct MultiClassBaselineRun {
    /// What `lutnet baseline --json` prints for a multi-class task.
    struct Result: Codable {
        let data: String
        let task: String
        let features: String
        let threshold: Int?
        let c: Double
        let tolerance: Double
        let maxIterations: Int
        let threads: Int
        let trainExamples: Int
        let testExamples: Int?
        let iterations: Int
        let passes: Int
        let converged: Bool
        let stopReason: String
        let gradientMaxNorm: Double
        let objective: Double
        let fitSeconds: Double
        let featureSeconds: Double
        let predictSeconds: Double?
        let trainAccuracy: Double
        let testAccuracy: Double?
        let test: MultiClassReport?

        enum CodingKeys: String, CodingKey {
            case data, task, features, threshold, c = "C", tolerance, maxIterations, threads, trainExamples, testExamples
            case iterations, passes, converged, stopReason, gradientMaxNorm, objective, fitSeconds, featureSeconds
            case predictSeconds, trainAccuracy, testAccuracy, test
        }
    }

    /// Fits the baseline of `task` on `dataset` and measures it on the test split.
    static func fit(dataset: Dataset, task: MultiClassTask, threshold: UInt8, options: LogisticRegression.Options,
                    features: BaselineFeatures) throws -> (result: Result, confusion: ConfusionMatrix?) {
        Console.progress("fitting multinomial logistic regression, C = \(options.c), task \(task), \(features)")
        let baseline = try MultiClassBaseline(train: dataset.train, task: task, features: features, threshold: threshold,
                                              options: options)
        let test = try dataset.test.map { try baseline.evaluate(on: $0) }
        let fit = baseline.fit
        if fit.stopReason != .converged {
            Console.progress("warning: the baseline stopped (\(fit.stopReason)) with max |gradient| / (C·n) = "
                             + "\(fit.gradientMaxNorm) above the tolerance \(options.tolerance)")
        }
        let result = Result(
            data: dataset.location, task: task.description, features: features.rawValue,
            threshold: features == .bits ? Int(threshold) : nil, c: options.c, tolerance: options.tolerance,
            maxIterations: options.maxIterations, threads: options.threads, trainExamples: baseline.trainExamples,
            testExamples: test?.confusion.total, iterations: fit.iterations, passes: fit.passes,
            converged: fit.stopReason == .converged, stopReason: fit.stopReason.rawValue,
            gradientMaxNorm: fit.gradientMaxNorm, objective: fit.objective, fitSeconds: fit.seconds,
            featureSeconds: baseline.featureSeconds, predictSeconds: test?.predictSeconds,
            trainAccuracy: baseline.trainAccuracy, testAccuracy: test?.confusion.accuracy,
            test: test.map { MultiClassReport(split: "test", matrix: $0.confusion) })
        return (result, test?.confusion)
    }

    /// Prints the fit's figures and the test report.
    static func printText(_ result: Result, names: [String]) {
        print("multinomial logistic regression, C = \(result.c), task \(result.task), \(result.features), data \(result.data)")
        print(String(format: "fit: %.3f s, %d Newton iterations, %d passes over the data, %d thread(s); %@, "
                     + "max |gradient| / (C·n) = %.3g (tolerance %.3g), objective %.6f",
                     result.fitSeconds, result.iterations, result.passes, result.threads, result.stopReason,
                     result.gradientMaxNorm, result.tolerance, result.objective))
        print(String(format: "train accuracy %.4f", result.trainAccuracy))
        result.test?.printTable(names: names)
    }
}
