import LUTNet

/// Exact minimization of the logistic objective along a step, in O(examples) per trial and no sweep
/// over the matrix: the decision values along the step are z + α·u, with u = X·step + step_bias
/// already known.
enum StepLengthSearch {
    /// The α > 0 that minimizes φ(α) = C · Σᵢ ℓ(zᵢ + α·uᵢ, tᵢ) + ½‖w + α·s‖², where `weightDotStep`
    /// is w·s and `stepDotStep` is s·s over the feature weights (the bias is not regularized).
    /// φ is convex; a safeguarded Newton iteration inside a shrinking bracket finds its minimum,
    /// starting from `initial` (1: the Newton step). Returns 0 if the step does not descend.
    static func minimize(z: [Double], u: [Double], targets: [Double], c: Double,
                         weightDotStep: Double, stepDotStep: Double, initial: Double = 1) -> Double {
        func derivatives(_ alpha: Double) -> (first: Double, second: Double) {
            var first = 0.0, second = 0.0
            z.withUnsafeBufferPointer { z in
                u.withUnsafeBufferPointer { u in
                    targets.withUnsafeBufferPointer { t in
                        for i in 0..<z.count where u[i] != 0 {
                            let s = sigmoid(z[i] + alpha * u[i])
                            first += (s - t[i]) * u[i]
                            second += s * (1 - s) * u[i] * u[i]
                        }
                    }
                }
            }
            return (c * first + weightDotStep + alpha * stepDotStep, c * second + stepDotStep)
        }
        let slope = derivatives(0).first
        guard slope < 0 else { return 0 }
        var low = 0.0, high = Double.infinity, alpha = initial
        for _ in 0..<60 {
            let (first, second) = derivatives(alpha)
            if first == 0 { return alpha }
            if first < 0 { low = alpha } else { high = alpha }
            var next = alpha - first / second
            if !(next > low && next < high) {
                next = high.isFinite ? (low + high) / 2 : 2 * alpha
            }
            if abs(next - alpha) <= 1e-12 * alpha || abs(first) <= 1e-12 * abs(slope) {
                return next
            }
            alpha = next
        }
        return alpha
    }
}
