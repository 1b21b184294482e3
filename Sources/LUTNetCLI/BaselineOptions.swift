import ArgumentParser
import Foundation
import LUTNet

/// Options of the logistic-regression baseline, shared by `baseline` and `compare`.
struct BaselineOptions: ParsableArguments {
    @Option(name: .customLong("C"), help: "Inverse regularization strength (scikit-learn's C), > 0.")
    var c: Double = 1

    @Option(help: "Baseline features: 'bits' (byte >= threshold, what a LUT network sees) or 'pixels' (byte / 255).")
    var features: String = BaselineFeatures.bits.rawValue

    @Option(help: "Stop the baseline when max |gradient| / (C·n) is at most this.")
    var tolerance: Double = LogisticRegression.Options().tolerance

    @Option(name: .customLong("max-iterations"), help: "The most Newton iterations of the baseline.")
    var maxIterations: Int = LogisticRegression.Options().maxIterations

    /// The validated feature kind.
    func featureKind() throws -> BaselineFeatures {
        guard let kind = BaselineFeatures(rawValue: features) else {
            throw ConfigurationError.invalidValue(option: "--features", reason: "'\(features)'; use bits or pixels")
        }
        return kind
    }

    /// The validated solver options.
    func solverOptions(threads: Int) throws -> LogisticRegression.Options {
        let options = LogisticRegression.Options(c: c, tolerance: tolerance, maxIterations: maxIterations, threads: threads)
        try options.validate()
        return options
    }

    /// Fits the baseline on the task's training examples of `dataset` and measures it.
    func fit(dataset: Dataset, task: BinaryTask, threshold: UInt8, threads: Int) throws -> BaselineOutcome {
        let kind = try featureKind()
        let options = try solverOptions(threads: threads)
        var clock = Stopwatch()
        let train = try Self.examples(of: dataset.train, task: task, split: dataset.train.source,
                                      bothGroups: true, kind: kind, threshold: threshold)
        let test = try dataset.test.map {
            try Self.examples(of: $0, task: task, split: $0.source, bothGroups: false, kind: kind, threshold: threshold)
        }
        let featureSeconds = clock.lap()
        let fit = try LogisticRegression.fit(features: train.features, labels: train.labels, options: options)
        if !fit.converged {
            Console.progress("warning: the baseline stopped at the iteration cap (\(maxIterations)) with "
                             + "max |gradient| / (C·n) = \(fit.gradientMaxNorm) above the tolerance \(tolerance)")
        }
        let trainAccuracy = try fit.accuracy(on: train.features, labels: train.labels)
        clock.reset()
        let testAccuracy = try test.map { try fit.accuracy(on: $0.features, labels: $0.labels) }
        let predictSeconds = clock.lap()
        return BaselineOutcome(fit: fit, kind: kind, trainExamples: train.features.exampleCount,
                               testExamples: test?.features.exampleCount, featureCount: train.features.featureCount,
                               featureSeconds: featureSeconds, trainAccuracy: trainAccuracy,
                               testAccuracy: testAccuracy, testPredictSeconds: test == nil ? nil : predictSeconds)
    }

    /// The task's examples of `images` as features and 0/1 labels; throws if a group has no examples
    /// (if both have none, unless `bothGroups`).
    private static func examples(of images: ImageSet, task: BinaryTask, split: String, bothGroups: Bool,
                                 kind: BaselineFeatures, threshold: UInt8) throws
        -> (features: FeatureMatrix, labels: [UInt8]) {
        let selection = task.select(from: images.labels)
        let ones = selection.labels.reduce(0) { $0 + Int($1) }, zeros = selection.labels.count - ones
        if zeros == 0, bothGroups || ones == 0 {
            throw ConfigurationError.emptyTaskGroup(task: task.description, group: 0, split: split)
        }
        if ones == 0, bothGroups {
            throw ConfigurationError.emptyTaskGroup(task: task.description, group: 1, split: split)
        }
        let features = try FeatureMatrix(images: images, indices: selection.indices, features: kind,
                                         threshold: threshold)
        return (features, selection.labels)
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
