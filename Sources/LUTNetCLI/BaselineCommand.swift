import ArgumentParser
import Foundation
import LUTNet
import LUTNetBaseline

/// `lutnet baseline`: L2-regularized logistic regression on a binary task, the baseline LUT networks
/// are compared against.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Fit L2-regularized logistic regression (scikit-learn's objective) and print its accuracy.",
        discussion: """
            Minimizes C · Σ log-loss + ½‖w‖² (bias not regularized) over the training examples of the \
            task by truncated Newton with preconditioned conjugate gradients on OpenBLAS, until \
            max |gradient| / (C·n) <= --tolerance (the scale of scikit-learn's tol) or --max-iterations.
            """
    )

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var baselineOptions: BaselineOptions

    @Option(help: "Worker threads for the sweeps over the data, each calling single-threaded OpenBLAS; one per core by default.")
    var threads: Int = LogisticRegression.Options().threads

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: "Multi-class tasks: write the test confusion matrix to PREFIX.csv and PREFIX.svg.")
    var confusion: String?

    func run() throws {
        let threshold = try dataOptions.binarizationThreshold()
        let threads = try ParallelWork.validated(threads: threads)
        _ = try baselineOptions.solverOptions(threads: threads)
        let start = ContinuousClock.now
        let dataset = try dataOptions.loadDataset()
        let loadSeconds = (ContinuousClock.now - start).seconds
        let binaryTask: BinaryTask
        switch try dataOptions.classTask(for: dataset) {
        case .binary(let binary):
            binaryTask = binary
            try MultiClassReport.refuseForBinary(confusion)
        case .multiClass(let task):
            let options = try baselineOptions.multinomialOptions(threads: threads)
            let (result, matrix) = try MultiClassBaselineRun.fit(dataset: dataset, task: task, threshold: threshold,
                                                                 options: options, features: baselineOptions.features)
            let names = MultiClassReport.names(of: task)
            if let confusion, let matrix {
                try MultiClassReport.write(matrix, names: names, to: confusion, title: "Multinomial logistic regression, test split")
            }
            if json { try Console.printJSON(result) } else { MultiClassBaselineRun.printText(result, names: names) }
            return
        }
        let outcome = try baselineOptions.fit(dataset: dataset, task: binaryTask, threshold: threshold, threads: threads)
        let fit = outcome.fit, kind = outcome.kind, c = baselineOptions.c
        let report = BaselineReport(
            data: dataset.location, task: binaryTask.description, features: kind.rawValue,
            threshold: kind == .bits ? Int(threshold) : nil, c: c, tolerance: baselineOptions.tolerance,
            maxIterations: baselineOptions.maxIterations,
            threads: threads, blasThreadsPerWorker: 1,
            trainExamples: outcome.trainExamples, testExamples: outcome.testExamples,
            featureCount: outcome.featureCount,
            iterations: fit.iterations, conjugateGradientSteps: fit.conjugateGradientSteps, passes: fit.passes,
            converged: fit.converged, stopReason: fit.stopReason.rawValue, gradientMaxNorm: fit.gradientMaxNorm, objective: fit.objective,
            fitSeconds: fit.seconds, loadSeconds: loadSeconds, featureSeconds: outcome.featureSeconds,
            trainAccuracy: outcome.trainAccuracy, testAccuracy: outcome.testAccuracy)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            report.printText()
        }
    }
}

/// What `lutnet baseline` reports.
struct BaselineReport: Encodable {
    var data: String
    var task: String
    var features: String
    var threshold: Int?
    var c: Double
    var tolerance: Double
    var maxIterations: Int
    var threads: Int
    var blasThreadsPerWorker: Int
    var trainExamples: Int
    var testExamples: Int?
    var featureCount: Int
    var iterations: Int
    var conjugateGradientSteps: Int
    var passes: Int
    var converged: Bool
    var stopReason: String
    var gradientMaxNorm: Double
    var objective: Double
    var fitSeconds: Double
    var loadSeconds: Double
    var featureSeconds: Double
    var trainAccuracy: Double
    var testAccuracy: Double?

    enum CodingKeys: String, CodingKey {
        case data, task, features, threshold, c = "C", tolerance, maxIterations, threads, blasThreadsPerWorker
        case trainExamples, testExamples, featureCount, iterations, conjugateGradientSteps, passes, converged, stopReason
        case gradientMaxNorm, objective, fitSeconds, loadSeconds, featureSeconds, trainAccuracy, testAccuracy
    }

    func printText() {
        let featureText = threshold.map { "\(features) (byte >= \($0))" } ?? features
        print("logistic regression, C = \(c), task \(task), \(featureText), data \(data)")
        print("examples: \(trainExamples) train, \(testExamples.map(String.init) ?? "no") test, \(featureCount) features")
        print(String(format: "fit: %.3f s, %d Newton iterations, %d CG steps, %d passes over the data, %d thread(s)",
                     fitSeconds, iterations, conjugateGradientSteps, passes, threads))
        let status = switch stopReason {
        case LogisticRegressionFit.StopReason.converged.rawValue: "converged"
        case LogisticRegressionFit.StopReason.noDescent.rawValue: "NOT converged (no step decreased the objective)"
        default: "NOT converged (iteration cap)"
        }
        print(String(format: "%@: max |gradient| / (C·n) = %.3g (tolerance %.3g), objective %.6f",
                     status, gradientMaxNorm, tolerance, objective))
        print(String(format: "train accuracy: %.4f", trainAccuracy))
        if let testAccuracy { print(String(format: "test accuracy:  %.4f", testAccuracy)) }
        print(String(format: "(load %.2f s, features %.2f s)", loadSeconds, featureSeconds))
    }
}
