import ArgumentParser
import Foundation
import LUTNet
import LUTNetBaseline

/// The baseline's features and stopping rule, shared by every command that fits it.
struct BaselineFitOptions: ParsableArguments {
    @Option(help: "Baseline features: 'bits' (byte >= threshold, what a LUT network sees) or 'pixels' (byte / 255).")
    var features: BaselineFeatures = .bits

    @Option(name: .customLong("tolerance"), help: "Stop the baseline when max |gradient| / (C·n) is at most this (default 1e-06; 1e-05 for a multi-class task).")
    var givenTolerance: Double?

    @Option(name: .customLong("max-iterations"), help: "The most Newton iterations of the baseline (default 100, for a multi-class task too).")
    var givenMaxIterations: Int?

    /// The gradient tolerance of a binary fit.
    var tolerance: Double { givenTolerance ?? LogisticRegression.Options().tolerance }
    /// The iteration cap of a binary fit.
    var maxIterations: Int { givenMaxIterations ?? LogisticRegression.Options().maxIterations }
}

/// Options of the logistic-regression baseline, shared by `baseline` and `compare`.
struct BaselineOptions: ParsableArguments {
    @Option(name: .customLong("C"), help: "Inverse regularization strength (scikit-learn's C), 1e-12 to 1e12.")
    var c: Double = 1

    @OptionGroup var fitOptions: BaselineFitOptions

    var features: BaselineFeatures { fitOptions.features }
    var tolerance: Double { fitOptions.tolerance }
    var maxIterations: Int { fitOptions.maxIterations }

    /// The validated solver options; an impossible value is refused naming its option.
    func solverOptions(threads: Int) throws -> LogisticRegression.Options {
        try Self.check(c: c, tolerance: tolerance, maxIterations: maxIterations)
        let threads = try ParallelWork.validated(threads: threads)
        let options = LogisticRegression.Options(c: c, tolerance: tolerance, maxIterations: maxIterations, threads: threads)
        try options.validate()
        return options
    }

    /// The validated options of a multinomial fit: the multinomial defaults unless given.
    func multinomialOptions(threads: Int) throws -> LogisticRegression.Options {
        let defaults = MultinomialLogisticRegression.defaultOptions
        let tolerance = fitOptions.givenTolerance ?? defaults.tolerance
        let maxIterations = fitOptions.givenMaxIterations ?? defaults.maxIterations
        try Self.check(c: c, tolerance: tolerance, maxIterations: maxIterations)
        let options = LogisticRegression.Options(c: c, tolerance: tolerance, maxIterations: maxIterations,
                                                 threads: try ParallelWork.validated(threads: threads))
        try options.validate()
        return options
    }

    /// Throws `ConfigurationError.invalidValue` naming `--C`, `--tolerance` or `--max-iterations`
    /// when that value is impossible.
    static func check(c: Double, tolerance: Double, maxIterations: Int) throws(ConfigurationError) {
        guard LogisticRegression.Options.regularizationRange.contains(c) else {
            throw .invalidValue(option: "--C", reason: "\(c); the inverse regularization strength must be a number from "
                                + LogisticRegression.Options.regularizationRangeText + ", where the fit's arithmetic is sound")
        }
        guard tolerance.isFinite, tolerance > 0 else {
            throw .invalidValue(option: "--tolerance", reason: "\(tolerance); the gradient tolerance must be a finite number > 0")
        }
        guard maxIterations >= 1 else {
            throw .invalidValue(option: "--max-iterations", reason: "\(maxIterations); allow at least 1 iteration")
        }
    }

    /// Fits the baseline on the task's training examples of `dataset` and measures it. With `.bits`
    /// features and `binarized` splits (the task's examples of `dataset` at `threshold`), the
    /// feature matrices are made of those bits rather than by binarizing the pixels again.
    func fit(dataset: Dataset, task: BinaryTask, threshold: UInt8, threads: Int,
             binarized: (train: BinarizedExamples, test: BinarizedExamples?)? = nil) throws -> BaselineOutcome {
        let options = try solverOptions(threads: threads)
        let baseline: TaskBaseline
        let test: TaskBaseline.Evaluation?
        if features == .bits, let binarized {
            func examples(_ split: BinarizedExamples, _ images: ImageSet) throws -> (features: FeatureMatrix, labels: [UInt8]) {
                (try FeatureMatrix(bits: split.inputs, source: images.source), split.labels.unpackedRow(0))
            }
            let clock = ContinuousClock.now
            let train = try examples(binarized.train, dataset.train)
            baseline = try TaskBaseline(examples: train, task: task, features: .bits, threshold: threshold, options: options,
                                        featureSeconds: (ContinuousClock.now - clock).seconds)
            if let split = binarized.test, let images = dataset.test {
                let testClock = ContinuousClock.now
                let built = try examples(split, images)
                test = try baseline.evaluate(on: built, featureSeconds: (ContinuousClock.now - testClock).seconds)
            } else {
                test = nil
            }
        } else {
            baseline = try TaskBaseline(train: dataset.train, task: task, features: features, threshold: threshold,
                                        options: options)
            test = try dataset.test.map { try baseline.evaluate(on: $0) }
        }
        let gradient = "max |gradient| / (C·n) = \(baseline.fit.gradientMaxNorm) above the tolerance \(tolerance)"
        switch baseline.fit.stopReason {
        case .converged: break
        case .iterationCap:
            Console.progress("warning: the baseline stopped at the iteration cap (\(maxIterations)) with " + gradient)
        case .noDescent:
            Console.progress("warning: the baseline stopped after \(baseline.fit.iterations) iterations because no step "
                             + "decreased the objective (the limit of Float precision), with " + gradient)
        }
        return BaselineOutcome(fit: baseline.fit, kind: baseline.features, trainExamples: baseline.trainExamples,
                               testExamples: test?.examples, featureCount: baseline.featureCount,
                               featureSeconds: baseline.featureSeconds + (test?.featureSeconds ?? 0),
                               trainAccuracy: baseline.trainAccuracy, testAccuracy: test?.accuracy,
                               testPredictSeconds: test?.predictSeconds)
    }
}

/// A fitted baseline and its figures.
struct BaselineOutcome {
    let fit: LogisticRegressionFit
    let kind: BaselineFeatures
    let trainExamples: Int
    let testExamples: Int?
    let featureCount: Int
    let featureSeconds: Double
    let trainAccuracy: Double
    let testAccuracy: Double?
    /// Time to predict the whole test split.
    let testPredictSeconds: Double?
}

/// `--features bits|pixels`: the parser refuses any other value and lists the valid ones.
extension BaselineFeatures: ExpressibleByArgument {}
