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
        var report = BaselineReport(
            data: dataset.location, task: binaryTask.description, features: kind.rawValue,
            threshold: kind == .bits ? Int(threshold) : nil, c: c, tolerance: baselineOptions.tolerance,
            maxIterations: baselineOptions.maxIterations, threads: threads,
            trainExamples: outcome.trainExamples, testExamples: outcome.testExamples,
            iterations: fit.iterations, passes: fit.passes, converged: fit.converged,
            stopReason: fit.stopReason.rawValue, gradientMaxNorm: fit.gradientMaxNorm, objective: fit.objective,
            fitSeconds: fit.seconds, featureSeconds: outcome.featureSeconds,
            trainAccuracy: outcome.trainAccuracy, testAccuracy: outcome.testAccuracy)
        report.blasThreadsPerWorker = 1
        report.featureCount = outcome.featureCount
        report.conjugateGradientSteps = fit.conjugateGradientSteps
        report.loadSeconds = loadSeconds
        if json { try Console.printJSON(report) } else { report.printText() }
    }
}
