import ArgumentParser
import Foundation
import LUTNet

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

    @Option(help: "Dataset: a folder of gzipped IDX files (MNIST layout).")
    var data: String = DatasetLoader.defaultLocation

    @Option(help: "Binary task: classes of label 0, then of label 1 (e.g. 0-4:5-9, 3:8).")
    var task: String = "0-4:5-9"

    @Option(name: .customLong("C"), help: "Inverse regularization strength (scikit-learn's C), > 0.")
    var c: Double = 1

    @Option(help: "Features: 'bits' (byte >= threshold, what a LUT network sees) or 'pixels' (byte / 255).")
    var features: String = BaselineFeatures.bits.rawValue

    @Option(help: "Binarization threshold for bits: a byte is 1 when it is >= this (1-255).")
    var threshold: Int = 128

    @Option(help: "Stop when max |gradient| / (C·n) is at most this.")
    var tolerance: Double = LogisticRegression.Options().tolerance

    @Option(name: .customLong("max-iterations"), help: "The most Newton iterations.")
    var maxIterations: Int = LogisticRegression.Options().maxIterations

    @Option(help: "Worker threads for the sweeps over the data, each calling single-threaded OpenBLAS; one per core by default.")
    var threads: Int = LogisticRegression.Options().threads

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() throws {
        let binaryTask = try BinaryTask(parsing: task)
        guard (1...255).contains(threshold) else { throw ConfigurationError.invalidThreshold(threshold) }
        guard let kind = BaselineFeatures(rawValue: features) else {
            throw ConfigurationError.invalidValue(option: "--features", reason: "'\(features)'; use bits or pixels")
        }
        let options = LogisticRegression.Options(c: c, tolerance: tolerance, maxIterations: maxIterations,
                                                 threads: threads)
        try options.validate()

        let clock = ContinuousClock()
        var dataset: Dataset?
        let loadTime = try clock.measure { dataset = try DatasetLoader.load(path: data) }
        guard let dataset else { return }
        var train: (features: FeatureMatrix, labels: [UInt8])?
        var test: (features: FeatureMatrix, labels: [UInt8])?
        let featureTime = try clock.measure {
            train = try Self.examples(of: dataset.train, task: binaryTask, split: "the training split",
                                      bothGroups: true, kind: kind, threshold: UInt8(threshold))
            test = try dataset.test.map {
                try Self.examples(of: $0, task: binaryTask, split: "the test split", bothGroups: false,
                                  kind: kind, threshold: UInt8(threshold))
            }
        }
        guard let train else { return }

        let fit = try LogisticRegression.fit(features: train.features, labels: train.labels, options: options)
        let trainAccuracy = try fit.accuracy(on: train.features, labels: train.labels)
        let testAccuracy = try test.map { try fit.accuracy(on: $0.features, labels: $0.labels) }
        if !fit.converged {
            FileHandle.standardError.write(Data(("warning: stopped at the iteration cap (\(maxIterations)) with "
                + "max |gradient| / (C·n) = \(fit.gradientMaxNorm) above the tolerance \(tolerance)\n").utf8))
        }

        let report = BaselineReport(
            data: dataset.location, task: binaryTask.description, features: kind.rawValue,
            threshold: kind == .bits ? threshold : nil, c: c, tolerance: tolerance, maxIterations: maxIterations,
            threads: threads, blasThreadsPerWorker: 1,
            trainExamples: train.features.exampleCount, testExamples: test?.features.exampleCount,
            featureCount: train.features.featureCount,
            iterations: fit.iterations, conjugateGradientSteps: fit.conjugateGradientSteps, passes: fit.passes,
            converged: fit.converged, gradientMaxNorm: fit.gradientMaxNorm, objective: fit.objective,
            fitSeconds: fit.seconds, loadSeconds: Self.seconds(loadTime), featureSeconds: Self.seconds(featureTime),
            trainAccuracy: trainAccuracy, testAccuracy: testAccuracy)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            report.printText()
        }
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

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
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
    var gradientMaxNorm: Double
    var objective: Double
    var fitSeconds: Double
    var loadSeconds: Double
    var featureSeconds: Double
    var trainAccuracy: Double
    var testAccuracy: Double?

    enum CodingKeys: String, CodingKey {
        case data, task, features, threshold, c = "C", tolerance, maxIterations, threads, blasThreadsPerWorker
        case trainExamples, testExamples, featureCount, iterations, conjugateGradientSteps, passes, converged
        case gradientMaxNorm, objective, fitSeconds, loadSeconds, featureSeconds, trainAccuracy, testAccuracy
    }

    func printText() {
        let featureText = threshold.map { "\(features) (byte >= \($0))" } ?? features
        print("logistic regression, C = \(c), task \(task), \(featureText), data \(data)")
        print("examples: \(trainExamples) train, \(testExamples.map(String.init) ?? "no") test, \(featureCount) features")
        print(String(format: "fit: %.3f s, %d Newton iterations, %d CG steps, %d passes over the data, %d thread(s)",
                     fitSeconds, iterations, conjugateGradientSteps, passes, threads))
        print(String(format: "%@: max |gradient| / (C·n) = %.3g (tolerance %.3g), objective %.6f",
                     converged ? "converged" : "NOT converged", gradientMaxNorm, tolerance, objective))
        print(String(format: "train accuracy: %.4f", trainAccuracy))
        if let testAccuracy { print(String(format: "test accuracy:  %.4f", testAccuracy)) }
        print(String(format: "(load %.2f s, features %.2f s)", loadSeconds, featureSeconds))
    }
}
