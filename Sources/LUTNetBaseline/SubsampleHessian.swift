import LUTNet
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

    /// Rows of the subsample in one partial Gram product: fixed, so that the sum of the partial
    /// products, taken in order, is the same whatever the number of workers.
    static let chunkRows = 1024

    /// The Cholesky factor of the subsample Hessian at per-example curvatures `curvature`, its
    /// Gram product computed by `threads` workers, one `ssyrk` per chunk of rows. If rounding
    /// leaves it not positive definite (all curvatures of the subsample near 0), the bias's
    /// diagonal gets +1 and it is factored again; nil if that fails too.
    func factor(curvature: [Double], threads: Int) -> CholeskyFactor? {
        let d = featureCount, width = d + 1, m = rows.count
        let weight = Double(exampleCount) / Double(m)
        var scaled = [Float](repeating: 0, count: m * width)
        for (k, row) in rows.enumerated() {
            let s = Float((curvature[row] * weight).squareRoot())
            for j in 0..<d { scaled[k * width + j] = sample[k * d + j] * s }
            scaled[k * width + d] = s
        }
        let chunks = (m + Self.chunkRows - 1) / Self.chunkRows, size = width * width, chunkRows = Self.chunkRows
        let partial = SharedBuffer<Float>.allocate(count: chunks * size, repeating: 0)
        defer { partial.deallocate() }
        scaled.withUnsafeBufferPointer { scaled in
            let scaled = SharedBuffer(readOnly: scaled)
            ParallelWork.forEach(count: chunks, threads: threads, chunk: 1) { _, range in
                for chunk in range {
                    let first = chunk * chunkRows, count = min(chunkRows, m - first)
                    cblas_ssyrk(CblasRowMajor, CblasLower, CblasTrans, Int32(width), Int32(count), 1,
                                scaled.base + first * width, Int32(width), 0, partial.base + chunk * size, Int32(width))
                }
            }
        }
        var matrix = [Double](repeating: 0, count: size)
        for chunk in 0..<chunks {
            for i in 0..<size { matrix[i] += Double(partial[chunk * size + i]) }
        }
        for j in 0..<d { matrix[j * width + j] += 1 }
        if let factor = CholeskyFactor(matrix: matrix, size: width) { return factor }
        matrix[d * width + d] += 1
        return CholeskyFactor(matrix: matrix, size: width)
    }
}
