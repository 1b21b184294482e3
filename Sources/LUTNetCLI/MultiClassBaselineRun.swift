import Foundation
import LUTNet
import LUTNetBaseline

/// `lutnet baseline` on a multi-class task: multinomial logistic regression by Newton-CG, its
/// accuracy, per-class accuracy and confusion matrix.
struct MultiClassBaselineRun {
    /// Fits the baseline of `task` on `dataset` and measures it on the test split.
    static func fit(dataset: Dataset, task: MultiClassTask, threshold: UInt8, options: LogisticRegression.Options,
                    features: BaselineFeatures) throws -> (result: BaselineReport, confusion: ConfusionMatrix?) {
        Console.progress("fitting multinomial logistic regression, C = \(options.c), task \(task), \(features)")
        let baseline = try MultiClassBaseline(train: dataset.train, task: task, features: features, threshold: threshold,
                                              options: options)
        let test = try dataset.test.map { try baseline.evaluate(on: $0) }
        let fit = baseline.fit
        if fit.stopReason != .converged {
            Console.progress("warning: the baseline stopped (\(fit.stopReason)) with max |gradient| / (C·n) = "
                             + "\(fit.gradientMaxNorm) above the tolerance \(options.tolerance)")
        }
        var result = BaselineReport(
            data: dataset.location, task: task.description, features: features.rawValue,
            threshold: features == .bits ? Int(threshold) : nil, c: options.c, tolerance: options.tolerance,
            maxIterations: options.maxIterations, threads: options.threads, trainExamples: baseline.trainExamples,
            testExamples: test?.confusion.total, iterations: fit.iterations, passes: fit.passes,
            converged: fit.stopReason == .converged, stopReason: fit.stopReason.rawValue,
            gradientMaxNorm: fit.gradientMaxNorm, objective: fit.objective, fitSeconds: fit.seconds,
            featureSeconds: baseline.featureSeconds, trainAccuracy: baseline.trainAccuracy,
            testAccuracy: test?.confusion.accuracy)
        result.predictSeconds = test?.predictSeconds
        result.test = test.map { MultiClassReport(split: "test", matrix: $0.confusion) }
        return (result, test?.confusion)
    }

    /// Prints the fit's figures and the test report.
    static func printText(_ result: BaselineReport, names: [String]) {
        print("multinomial logistic regression, C = \(result.c), task \(result.task), \(result.features), data \(result.data)")
        print(String(format: "fit: %.3f s, %d Newton iterations, %d passes over the data, %d thread(s); %@, "
                     + "max |gradient| / (C·n) = %.3g (tolerance %.3g), objective %.6f",
                     result.fitSeconds, result.iterations, result.passes, result.threads, result.stopReason,
                     result.gradientMaxNorm, result.tolerance, result.objective))
        print(String(format: "train accuracy %.4f", result.trainAccuracy))
        result.test?.printTable(names: names)
    }
}
