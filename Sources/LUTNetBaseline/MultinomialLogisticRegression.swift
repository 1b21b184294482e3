import LUTNet
import COpenBLAS
import Foundation

/// A linear classifier over features for K ≥ 2 classes: P(class k | x) ∝ e^{wₖ·x + bₖ}, the
/// answer the class of the highest score wₖ·x + bₖ (a tie goes to the lowest class).
///
/// `fit` minimizes scikit-learn's multinomial objective for `LogisticRegression(C:)`:
/// C · Σᵢ [log Σₖ e^{zᵢₖ} − zᵢ,yᵢ] + ½‖W‖², intercepts not regularized, by Newton-CG.
public struct MultinomialLogisticRegression: Sendable, Equatable {
    /// `weights[k]`: the d weights of class k.
    public let weights: [[Double]]
    /// One intercept per class.
    public let intercepts: [Double]

    /// A model from its parameters (one weight row and intercept per class, rows of one length).
    public init(weights: [[Double]], intercepts: [Double]) {
        precondition(weights.count == intercepts.count && Set(weights.map(\.count)).count <= 1, "one row per class")
        self.weights = weights
        self.intercepts = intercepts
    }

    /// The options a multinomial fit uses unless told otherwise: C = 1, max |gradient| / (C·n)
    /// ≤ 1e-5 (ten times tighter than scikit-learn's default tol) within 100 Newton iterations,
    /// one worker per core.
    public static let defaultOptions = LogisticRegression.Options(c: 1, tolerance: 1e-5, maxIterations: 100)

    /// Number of classes.
    public var classCount: Int { intercepts.count }

    /// Fits a model to `features` and `classes` (one per example, each < `classCount`, every class
    /// present) with `options` (its C, tolerance on max |gradient| / (C·n), iteration cap and
    /// worker threads). Throws `BaselineError` for impossible options or data.
    public static func fit(features: FeatureMatrix, classes: [UInt8], classCount: Int,
                           options: LogisticRegression.Options = LogisticRegression.Options()) throws(BaselineError) -> MultinomialFit {
        try options.validate()
        try check(classes: classes, classCount: classCount, for: features)
        var counts = [Int](repeating: 0, count: classCount)
        for c in classes { counts[Int(c)] += 1 }
        if let empty = counts.firstIndex(of: 0) {
            throw .emptyClass(source: features.source, label: empty, examples: classes.count)
        }
        let clock = ContinuousClock.now
        let passes = SoftmaxLossPasses(matrix: features, classes: classes, classCount: classCount, c: options.c,
                                       workers: options.threads)
        let d = features.featureCount
        // Start from W = 0 and the intercepts of the class frequencies.
        var start = [Double](repeating: 0, count: passes.parameterCount)
        let meanLog = counts.reduce(0) { $0 + log(Double($1)) } / Double(classCount)
        for k in 0..<classCount { start[classCount * d + k] = log(Double(counts[k])) - meanLog }
        let outcome = try MultinomialNewtonCG().solve(passes, from: start, tolerance: options.tolerance,
                                                      maxIterations: options.maxIterations)
        let model = MultinomialLogisticRegression(
            weights: (0..<classCount).map { Array(outcome.parameters[$0 * d ..< ($0 + 1) * d]) },
            intercepts: Array(outcome.parameters.suffix(classCount)))
        return MultinomialFit(model: model, iterations: outcome.iterations, passes: passes.passes,
                              stopReason: outcome.stopReason, gradientMaxNorm: outcome.gradientMaxNorm,
                              objective: outcome.objective, seconds: (ContinuousClock.now - clock).seconds, options: options)
    }

    /// The K class scores wₖ·x + bₖ of every example, example after example (one `sgemm`).
    public func scores(on features: FeatureMatrix) throws(BaselineError) -> [Double] {
        let d = weights.first?.count ?? 0, k = classCount
        guard features.featureCount == d else {
            throw .featureCountMismatch(source: features.source, modelFeatures: d, dataFeatures: features.featureCount)
        }
        let floatWeights = weights.flatMap { $0.map { Float($0) } }
        var product = [Float](repeating: 0, count: features.exampleCount * k)
        if features.exampleCount > 0 {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(features.exampleCount), Int32(k), Int32(d),
                        1, features.values, Int32(d), floatWeights, Int32(d), 0, &product, Int32(k))
        }
        return product.enumerated().map { Double($0.element) + intercepts[$0.offset % k] }
    }

    /// The predicted class of every example: the highest score, a tie going to the lowest class.
    public func predict(on features: FeatureMatrix) throws(BaselineError) -> [UInt8] {
        let scores = try self.scores(on: features), k = classCount
        return (0..<features.exampleCount).map { i in
            var best = 0
            for j in 1..<k where scores[i * k + j] > scores[i * k + best] { best = j }
            return UInt8(best)
        }
    }

    /// The fraction of examples whose predicted class equals `classes`.
    public func accuracy(on features: FeatureMatrix, classes: [UInt8]) throws(BaselineError) -> Double {
        try Self.check(classes: classes, classCount: classCount, for: features)
        let predicted = try predict(on: features)
        guard !classes.isEmpty else { return 0 }
        return Double(zip(predicted, classes).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }) / Double(classes.count)
    }

    /// C · Σ cross-entropy + ½‖W‖² of this model on `features` and `classes`, in Double.
    public func objective(on features: FeatureMatrix, classes: [UInt8], c: Double) throws(BaselineError) -> Double {
        try Self.check(classes: classes, classCount: classCount, for: features)
        let scores = try self.scores(on: features), k = classCount
        var loss = 0.0
        for (i, label) in classes.enumerated() {
            let row = scores[i * k ..< (i + 1) * k], top = row.max() ?? 0
            loss += top + log(row.reduce(0) { $0 + exp($1 - top) }) - row[row.startIndex + Int(label)]
        }
        return c * loss + weights.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } } / 2
    }

    /// Throws unless there is one class, below `classCount`, per example.
    static func check(classes: [UInt8], classCount: Int, for features: FeatureMatrix) throws(BaselineError) {
        guard classes.count == features.exampleCount else {
            throw .labelCountMismatch(source: features.source, labels: classes.count, examples: features.exampleCount)
        }
        if let bad = classes.firstIndex(where: { Int($0) >= classCount }) {
            throw .invalidClass(source: features.source, example: bad, label: classes[bad], classes: classCount)
        }
    }
}

/// A fitted multinomial model and how the fit went.
public struct MultinomialFit: Sendable {
    /// The fitted model.
    public let model: MultinomialLogisticRegression
    /// Newton iterations taken.
    public let iterations: Int
    /// Sweeps over the feature matrix (one per objective and gradient evaluation).
    public let passes: Int
    /// Why the fit stopped (`noDescent`: the line search found no decrease).
    public let stopReason: LogisticRegressionFit.StopReason
    /// max |gradient| / (C·n) at the returned parameters (scikit-learn's scale).
    public let gradientMaxNorm: Double
    /// C · Σ cross-entropy + ½‖W‖² at the returned parameters.
    public let objective: Double
    /// Wall-clock seconds of the fit.
    public let seconds: Double
    /// The options of the fit.
    public let options: LogisticRegression.Options
}
