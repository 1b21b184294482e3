import LUTNet
import Foundation

/// Truncated Newton (Newton-CG) for the multinomial objective of `SoftmaxLossPasses`: each
/// iteration solves the Newton system H·s = −g approximately by conjugate gradients preconditioned
/// by the Hessian's diagonal, then backtracks along s until the objective falls enough (Armijo).
///
/// Sweeps over the matrix: per iteration one for the objective and gradient (which also keeps the
/// probabilities the Hessian reads), one for the diagonal, one per CG step, and one per step length
/// tried. Where L-BFGS stalled on the ill-conditioned objectives of Fashion-MNIST and CIFAR-10 bits
/// (its 1000-iteration cap reached at max |gradient|/(C·n) ≈ 6e-5), this converges in 7–13
/// iterations (BENCHMARKS.md).
struct MultinomialNewtonCG {
    /// The CG residual must fall to this fraction of the gradient's norm.
    var forcing = 0.1
    /// The most CG steps in one Newton iteration.
    var maxConjugateGradientSteps = 200
    /// Sufficient decrease of the Armijo condition.
    var sufficientDecrease = 1e-4
    /// Halvings of the step before the search gives up.
    var maxHalvings = 30

    /// What the solver ended with.
    struct Outcome {
        /// The final parameters.
        var parameters: [Double]
        /// Newton iterations.
        var iterations: Int
        /// Why the iterations stopped.
        var stopReason: LogisticRegressionFit.StopReason
        /// max |∂f/∂θⱼ| / (C·n) at the final parameters.
        var gradientMaxNorm: Double
        /// The objective at the final parameters.
        var objective: Double
    }

    /// Minimizes the objective of `passes` from `start` until max |gradient| / (C·n) ≤ `tolerance`
    /// or `maxIterations` Newton iterations. Throws `BaselineError.nonFiniteFit` when the objective
    /// or gradient is not a finite number.
    func solve(_ passes: SoftmaxLossPasses, from start: [Double], tolerance: Double,
               maxIterations: Int) throws(BaselineError) -> Outcome {
        let scale = passes.c * Double(passes.matrix.exampleCount), source = passes.matrix.source, c = passes.c
        var x = start
        var (f, g) = passes.evaluate(x)
        var iterations = 0
        var stopReason = LogisticRegressionFit.StopReason.iterationCap
        func maxNorm(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } / scale }
        while true {
            guard f.isFinite else { throw .nonFiniteFit(source: source, c: c, quantity: "objective") }
            guard g.allSatisfy(\.isFinite) else { throw .nonFiniteFit(source: source, c: c, quantity: "gradient") }
            if maxNorm(g) <= tolerance { stopReason = .converged; break }
            if iterations >= maxIterations { stopReason = .iterationCap; break }
            // Preconditioned CG on H·s = −g from s = 0; the diagonal is at least the regularization's
            // 1 for the weights, and kept positive for the intercepts.
            let diagonal = passes.hessianDiagonal().map { max($0, 1e-8) }
            var step = [Double](repeating: 0, count: x.count)
            var residual = g.map { -$0 }
            var preconditioned = zip(residual, diagonal).map { $0 / $1 }
            var direction = preconditioned
            var product = dot(residual, preconditioned)
            let target = forcing * dot(g, g).squareRoot()
            for _ in 0..<maxConjugateGradientSteps {
                let hessianDirection = passes.hessianProduct(direction)
                let curvature = dot(direction, hessianDirection)
                guard curvature > 0 else { break }
                let alpha = product / curvature
                axpy(alpha, direction, &step)
                axpy(-alpha, hessianDirection, &residual)
                if dot(residual, residual).squareRoot() <= target { break }
                preconditioned = zip(residual, diagonal).map { $0 / $1 }
                let next = dot(residual, preconditioned)
                let beta = next / product
                product = next
                for j in direction.indices { direction[j] = preconditioned[j] + beta * direction[j] }
            }
            if step.allSatisfy({ $0 == 0 }) { step = g.map { -$0 } }
            // Backtracking from the full Newton step.
            let slope = dot(g, step)
            var length = 1.0, accepted = false
            var fullStep: (x: [Double], f: Double, g: [Double])?
            for _ in 0...maxHalvings {
                var candidate = x
                axpy(length, step, &candidate)
                let (fNew, gNew) = passes.evaluate(candidate)
                if fNew.isFinite, fNew <= f + sufficientDecrease * length * slope {
                    (x, f, g) = (candidate, fNew, gNew)
                    accepted = true
                    break
                }
                if length == 1 { fullStep = (candidate, fNew, gNew) }
                length /= 2
            }
            // Close to the minimum the decrease falls below the rounding of the objective's Float
            // sums: the full step is then taken when it shrinks the gradient.
            if !accepted, let fullStep, fullStep.f.isFinite, maxNorm(fullStep.g) < maxNorm(g) {
                (x, f, g) = fullStep
                _ = passes.evaluate(x)
                accepted = true
            }
            iterations += 1
            guard accepted else {
                // Leave the probabilities at the returned parameters.
                (f, g) = passes.evaluate(x)
                stopReason = .noDescent
                break
            }
        }
        return Outcome(parameters: x, iterations: iterations, stopReason: stopReason, gradientMaxNorm: maxNorm(g), objective: f)
    }
}
