import Foundation

/// Limited-memory BFGS for a smooth convex objective: each iteration steps along the two-loop
/// recursion's quasi-Newton direction from the last `memory` steps and gradient changes, with a
/// backtracking (Armijo) line search; a pair whose curvature is not positive is skipped.
struct LBFGSSolver {
    /// What the solver ended with.
    struct Outcome {
        /// The final parameters.
        var parameters: [Double]
        /// Iterations (accepted steps).
        var iterations: Int
        /// Why the iterations stopped.
        var stopReason: LogisticRegressionFit.StopReason
        /// max |∂f/∂θⱼ| / scale at the final parameters.
        var gradientMaxNorm: Double
        /// The objective at the final parameters.
        var objective: Double
    }

    /// Steps and gradient changes kept.
    var memory = 10
    /// Sufficient decrease of the Armijo condition.
    var sufficientDecrease = 1e-4
    /// Halvings of the step before the search gives up.
    var maxHalvings = 40

    /// Minimizes `evaluate` (objective and gradient) from `start`, until max |gradient| / `scale`
    /// ≤ `tolerance` or `maxIterations` iterations. Throws `BaselineError.nonFiniteFit` (naming
    /// `source` and `c`) when the objective or gradient is not a finite number.
    func solve(from start: [Double], scale: Double, tolerance: Double, maxIterations: Int, source: String, c: Double,
               evaluate: ([Double]) -> (objective: Double, gradient: [Double])) throws(BaselineError) -> Outcome {
        var x = start
        var (f, g) = evaluate(x)
        var steps: [[Double]] = [], changes: [[Double]] = [], rhos: [Double] = []
        var iterations = 0
        var stopReason = LogisticRegressionFit.StopReason.iterationCap
        func maxNorm(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } / scale }
        while true {
            guard f.isFinite else { throw .nonFiniteFit(source: source, c: c, quantity: "objective") }
            guard g.allSatisfy(\.isFinite) else { throw .nonFiniteFit(source: source, c: c, quantity: "gradient") }
            if maxNorm(g) <= tolerance { stopReason = .converged; break }
            if iterations >= maxIterations { stopReason = .iterationCap; break }
            // Two-loop recursion: direction = −H·g.
            var q = g
            var alphas = [Double](repeating: 0, count: steps.count)
            for i in stride(from: steps.count - 1, through: 0, by: -1) {
                alphas[i] = rhos[i] * dot(steps[i], q)
                axpy(-alphas[i], changes[i], &q)
            }
            if let s = steps.last, let y = changes.last {
                let gamma = dot(s, y) / dot(y, y)
                for j in q.indices { q[j] *= gamma }
            } else {
                let norm = sqrt(dot(g, g))
                for j in q.indices { q[j] /= max(norm, 1) }
            }
            for i in 0..<steps.count {
                let beta = rhos[i] * dot(changes[i], q)
                axpy(alphas[i] - beta, steps[i], &q)
            }
            var direction = q.map { -$0 }
            var slope = dot(g, direction)
            if !(slope < 0) {
                // Not a descent direction: forget the history and take the steepest descent.
                steps.removeAll(); changes.removeAll(); rhos.removeAll()
                let norm = sqrt(dot(g, g))
                direction = g.map { -$0 / max(norm, 1) }
                slope = dot(g, direction)
            }
            var alpha = 1.0, accepted = false
            var next = x, fNext = f, gNext = g
            for _ in 0..<maxHalvings {
                for j in x.indices { next[j] = x[j] + alpha * direction[j] }
                (fNext, gNext) = evaluate(next)
                if fNext.isFinite, fNext <= f + sufficientDecrease * alpha * slope { accepted = true; break }
                alpha /= 2
            }
            guard accepted else { stopReason = .noDescent; break }
            var s = next, y = gNext
            for j in x.indices { s[j] -= x[j]; y[j] -= g[j] }
            let sy = dot(s, y)
            if sy > 1e-12 * sqrt(dot(s, s) * dot(y, y)) {
                steps.append(s); changes.append(y); rhos.append(1 / sy)
                if steps.count > memory { steps.removeFirst(); changes.removeFirst(); rhos.removeFirst() }
            }
            x = next; f = fNext; g = gNext
            iterations += 1
        }
        return Outcome(parameters: x, iterations: iterations, stopReason: stopReason, gradientMaxNorm: maxNorm(g), objective: f)
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for j in a.indices { sum += a[j] * b[j] }
        return sum
    }

    private func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
        for j in y.indices { y[j] += alpha * x[j] }
    }
}
