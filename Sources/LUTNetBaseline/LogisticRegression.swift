import LUTNet
import COpenBLAS
import Foundation

/// A linear classifier over features: P(label 1 | x) = σ(w·x + b).
///
/// `fit` minimizes scikit-learn's objective for `LogisticRegression(C:)`:
/// C · Σᵢ [log(1 + e^{zᵢ}) − tᵢ·zᵢ] + ½‖w‖², with zᵢ = w·xᵢ + b and the bias b not regularized.
public struct LogisticRegression: Sendable, Equatable {
    /// One weight per feature.
    public let weights: [Double]
    /// The bias (intercept).
    public let bias: Double

    /// A model from its parameters.
    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    /// How to fit.
    public struct Options: Sendable, Equatable {
        /// C, the inverse regularization strength (scikit-learn's `C`): in `regularizationRange`.
        public var c: Double
        /// Stop when max |gradient| / (C·n) falls to this: the max-norm of the gradient of the
        /// objective divided by C times the number of examples, the quantity scikit-learn's lbfgs
        /// solver compares with its `tol` (default 1e-4 there). The matrix products run in Float, which
        /// puts a floor near 1e-8 under this quantity; a fit asked for less stops there, not converged.
        public var tolerance: Double
        /// The most Newton iterations; a fit that reaches it is reported as not converged.
        public var maxIterations: Int
        /// Worker threads for the sweeps over the matrix and the preconditioner's Gram product: each
        /// takes blocks of rows and calls OpenBLAS on them. The result does not depend on it, to the
        /// bit. A fit never changes OpenBLAS's own, process-wide thread count, so fits may run at
        /// the same time; the `lutnet` command sets that count to 1 at start-up, since the workers
        /// already use every core (a program of its own can do the same with
        /// `OPENBLAS_NUM_THREADS=1`).
        public var threads: Int

        /// Options with scikit-learn's C = 1, a gradient tolerance 100 times tighter than its
        /// default, and one worker per core (at most `ParallelWork.maxThreads`, as the command
        /// line allows).
        public init(c: Double = 1, tolerance: Double = 1e-6, maxIterations: Int = 100,
                    threads: Int? = nil) {
            self.c = c
            self.tolerance = tolerance
            self.maxIterations = maxIterations
            self.threads = threads ?? ParallelWork.defaultThreads
        }

        /// The values of C a fit accepts: beyond them C · Σ log-loss leaves the range where the
        /// Double sums of Float products are sound (and such C mean no fit or no regularization).
        public static let regularizationRange: ClosedRange<Double> = 1e-12...1e12

        /// `regularizationRange` as text: "1e-12 to 1e+12".
        public static var regularizationRangeText: String {
            String(format: "%g to %g", regularizationRange.lowerBound, regularizationRange.upperBound)
        }

        /// Throws if a value is impossible.
        public func validate() throws(BaselineError) {
            guard Self.regularizationRange.contains(c) else { throw .invalidRegularization(c) }
            guard tolerance.isFinite, tolerance > 0 else { throw .invalidTolerance(tolerance) }
            guard maxIterations >= 1 else { throw .invalidIterationLimit(maxIterations) }
            guard threads >= 1 else { throw .invalidThreadCount(threads) }
        }
    }

    /// Fits a model to `features` and binary `labels` (0 or 1, one per example; both classes present)
    /// by truncated Newton with preconditioned conjugate gradients. The loss and gradient are summed
    /// over all examples through CBLAS `sgemv` on the Float matrix, with Double accumulation.
    public static func fit(features: FeatureMatrix, labels: [UInt8],
                           options: Options = Options()) throws(BaselineError) -> LogisticRegressionFit {
        try options.validate()
        try check(labels: labels, for: features)
        var counts = [0, 0]
        for label in labels { counts[Int(label)] += 1 }
        if let missing = counts.firstIndex(of: 0) {
            throw .missingClass(source: features.source, label: UInt8(missing), examples: labels.count)
        }
        let clock = ContinuousClock.now
        let passes = LogisticLossPasses(matrix: features, labels: labels, c: options.c, workers: options.threads)
        var solver = NewtonCGSolver()
        solver.threads = options.threads
        let outcome = try solver.solve(passes, tolerance: options.tolerance, maxIterations: options.maxIterations)
        let seconds = (ContinuousClock.now - clock).seconds
        let d = features.featureCount
        return LogisticRegressionFit(
            model: LogisticRegression(weights: Array(outcome.parameters.prefix(d)), bias: outcome.parameters[d]),
            iterations: outcome.iterations, conjugateGradientSteps: outcome.conjugateGradientSteps,
            passes: passes.passes, stopReason: outcome.stopReason, gradientMaxNorm: outcome.gradientMaxNorm,
            objective: outcome.objective,
            seconds: seconds,
            options: options)
    }

    /// w·x + b for every example (one `sgemv` sweep over the matrix).
    public func decisionValues(on features: FeatureMatrix) throws(BaselineError) -> [Double] {
        guard features.featureCount == weights.count else {
            throw .featureCountMismatch(source: features.source, modelFeatures: weights.count,
                                        dataFeatures: features.featureCount)
        }
        let floatWeights = weights.map { Float($0) }
        var product = [Float](repeating: 0, count: features.exampleCount)
        cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(features.exampleCount), Int32(features.featureCount),
                    1, features.values, Int32(features.featureCount), floatWeights, 1, 0, &product, 1)
        return product.map { Double($0) + bias }
    }

    /// The predicted label of every example: 1 when w·x + b > 0, else 0.
    public func predict(on features: FeatureMatrix) throws(BaselineError) -> [UInt8] {
        try decisionValues(on: features).map { $0 > 0 ? 1 : 0 }
    }

    /// The fraction of examples whose predicted label equals `labels` (0 or 1, one per example).
    public func accuracy(on features: FeatureMatrix, labels: [UInt8]) throws(BaselineError) -> Double {
        try Self.check(labels: labels, for: features)
        let predicted = try predict(on: features)
        let correct = zip(predicted, labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(labels.count)
    }

    /// C · Σ log-loss + ½‖w‖² of this model on `features` and `labels`, in Double.
    public func objective(on features: FeatureMatrix, labels: [UInt8], c: Double) throws(BaselineError) -> Double {
        try Self.check(labels: labels, for: features)
        let z = try decisionValues(on: features)
        var loss = 0.0
        for (value, label) in zip(z, labels) { loss += softplus(value) - Double(label) * value }
        return c * loss + weights.reduce(0) { $0 + $1 * $1 } / 2
    }

    /// Throws unless there is one label, 0 or 1, per example.
    static func check(labels: [UInt8], for features: FeatureMatrix) throws(BaselineError) {
        guard labels.count == features.exampleCount else {
            throw .labelCountMismatch(source: features.source, labels: labels.count, examples: features.exampleCount)
        }
        if let bad = labels.firstIndex(where: { $0 > 1 }) {
            throw .invalidLabel(source: features.source, example: bad, label: labels[bad])
        }
    }
}

/// A fitted model and how the fit went.
public struct LogisticRegressionFit: Sendable {
    /// The fitted model.
    public let model: LogisticRegression
    /// Newton iterations taken.
    public let iterations: Int
    /// Conjugate-gradient steps over all Newton iterations (one Hessian-vector product each).
    public let conjugateGradientSteps: Int
    /// Sweeps over the feature matrix: one per gradient, one per Hessian-vector product (whose
    /// forward and transposed `sgemv` run block by block, the block still in cache for the second).
    public let passes: Int
    /// Why the fit stopped.
    public enum StopReason: String, Sendable, Equatable, Codable, CaseIterable, CustomStringConvertible {
        /// max |gradient| / (C·n) reached the tolerance.
        case converged
        /// The iteration cap (`Options.maxIterations`) was reached first.
        case iterationCap = "iteration-cap"
        /// No step along the Newton direction decreased the objective (the Float products' floor
        /// under the gradient was reached before the tolerance).
        case noDescent = "no-descent"

        /// The name written to results files and JSON: `converged`, `iteration-cap`, `no-descent`.
        public var description: String { rawValue }
    }

    /// Why the fit stopped.
    public let stopReason: StopReason
    /// True when the gradient reached the tolerance (`stopReason == .converged`).
    public var converged: Bool { stopReason == .converged }
    /// max |gradient| / (C·n) at the returned parameters (scikit-learn's scale).
    public let gradientMaxNorm: Double
    /// C · Σ log-loss + ½‖w‖² at the returned parameters.
    public let objective: Double
    /// Wall-clock seconds of the fit.
    public let seconds: Double
    /// The options of the fit.
    public let options: LogisticRegression.Options

    /// The fitted weights.
    public var weights: [Double] { model.weights }
    /// The fitted bias.
    public var bias: Double { model.bias }

    /// The fitted model's predictions; see `LogisticRegression.predict(on:)`.
    public func predict(on features: FeatureMatrix) throws(BaselineError) -> [UInt8] {
        try model.predict(on: features)
    }

    /// The fitted model's accuracy; see `LogisticRegression.accuracy(on:labels:)`.
    public func accuracy(on features: FeatureMatrix, labels: [UInt8]) throws(BaselineError) -> Double {
        try model.accuracy(on: features, labels: labels)
    }
}
