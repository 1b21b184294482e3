import COpenBLAS

/// A preconditioner for the Newton systems: the objective's Hessian measured on an evenly spaced
/// subsample of the examples and scaled up to the whole set, factored by Cholesky.
///
/// With examples x̃ᵢ = (xᵢ, 1) and curvatures hᵢ = C·σ(zᵢ)(1 − σ(zᵢ)), the Hessian is
/// Σᵢ hᵢ·x̃ᵢx̃ᵢᵀ + diag(1, …, 1, 0); the subsample S of m rows stands in for the sum with weight n/m.
/// Unlike the diagonal it captures how features correlate (neighbouring pixels), which cuts the
/// conjugate-gradient steps, hence the sweeps over the full matrix, about threefold on MNIST. Forming
/// it is one `ssyrk` over m rows, done once per Newton iteration.
struct SubsampleHessian {
    /// Rows of the full matrix in the subsample.
    let rows: [Int]
    /// Their features, row after row.
    let sample: [Float]
    /// Features per example.
    let featureCount: Int
    /// Examples in the full matrix.
    let exampleCount: Int

    /// Takes `sampleSize` evenly spaced rows of `matrix` (all of them if it has fewer).
    init(matrix: FeatureMatrix, sampleSize: Int) {
        let n = matrix.exampleCount, d = matrix.featureCount, m = max(1, min(sampleSize, n))
        let rows = (0..<m).map { $0 * n / m }
        var sample = [Float](repeating: 0, count: m * d)
        for (k, row) in rows.enumerated() {
            sample[k * d ..< (k + 1) * d] = matrix.values[row * d ..< (row + 1) * d]
        }
        self.rows = rows
        self.sample = sample
        self.featureCount = d
        self.exampleCount = n
    }

    /// The Cholesky factor of the subsample Hessian at per-example curvatures `curvature`, its
    /// Gram product computed with `threads` OpenBLAS threads. If rounding leaves it not positive
    /// definite (all curvatures of the subsample near 0), the bias's diagonal gets +1 and it is
    /// factored again; nil if that fails too.
    func factor(curvature: [Double], threads: Int) -> CholeskyFactor? {
        let d = featureCount, width = d + 1, m = rows.count
        let weight = Double(exampleCount) / Double(m)
        var scaled = [Float](repeating: 0, count: m * width)
        for (k, row) in rows.enumerated() {
            let s = Float((curvature[row] * weight).squareRoot())
            for j in 0..<d { scaled[k * width + j] = sample[k * d + j] * s }
            scaled[k * width + d] = s
        }
        var gram = [Float](repeating: 0, count: width * width)
        let previous = openblas_get_num_threads()
        openblas_set_num_threads(Int32(threads))
        cblas_ssyrk(CblasRowMajor, CblasLower, CblasTrans, Int32(width), Int32(m), 1, scaled, Int32(width),
                    0, &gram, Int32(width))
        openblas_set_num_threads(previous)
        var matrix = gram.map { Double($0) }
        for j in 0..<d { matrix[j * width + j] += 1 }
        if let factor = CholeskyFactor(matrix: matrix, size: width) { return factor }
        matrix[d * width + d] += 1
        return CholeskyFactor(matrix: matrix, size: width)
    }
}
