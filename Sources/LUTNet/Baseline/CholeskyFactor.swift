import COpenBLAS

/// The Cholesky factor L of a symmetric positive definite matrix A = L·Lᵀ, computed blockwise with
/// CBLAS (`dtrsm` for panels, `dsyrk` for the trailing updates), and the solves it allows.
struct CholeskyFactor {
    /// Rows (and columns) of A.
    let size: Int
    /// L, row-major, in the lower triangle; the upper triangle holds leftovers of A.
    private(set) var lower: [Double]

    /// Columns factored at a time; the diagonal blocks are factored by a plain loop.
    static let blockSize = 64

    /// Factors the `size` × `size` row-major matrix whose lower triangle is in `matrix`, or returns
    /// nil when a pivot is not positive and finite (A is not numerically positive definite).
    init?(matrix: [Double], size: Int) {
        precondition(matrix.count == size * size, "a \(size) × \(size) matrix needs \(size * size) values")
        self.size = size
        self.lower = matrix
        let n = size, nb = Self.blockSize
        let factored: Bool = lower.withUnsafeMutableBufferPointer { buffer in
            guard let a = buffer.baseAddress else { return n == 0 }
            var k = 0
            while k < n {
                let kb = min(nb, n - k)
                // Diagonal block: unblocked Cholesky, left-looking within the block.
                for j in k..<(k + kb) {
                    var pivot = a[j * n + j]
                    for p in k..<j { pivot -= a[j * n + p] * a[j * n + p] }
                    guard pivot > 0, pivot.isFinite else { return false }
                    let root = pivot.squareRoot()
                    a[j * n + j] = root
                    for i in (j + 1)..<(k + kb) {
                        var value = a[i * n + j]
                        for p in k..<j { value -= a[i * n + p] * a[j * n + p] }
                        a[i * n + j] = value / root
                    }
                }
                let rest = n - k - kb
                if rest > 0 {
                    // Panel below the block: A21 ← A21 · L11⁻ᵀ.
                    cblas_dtrsm(CblasRowMajor, CblasRight, CblasLower, CblasTrans, CblasNonUnit,
                                Int32(rest), Int32(kb), 1, a + k * n + k, Int32(n),
                                a + (k + kb) * n + k, Int32(n))
                    // Trailing matrix: A22 ← A22 − A21 · A21ᵀ (lower triangle).
                    cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, Int32(rest), Int32(kb), -1,
                                a + (k + kb) * n + k, Int32(n), 1, a + (k + kb) * n + k + kb, Int32(n))
                }
                k += kb
            }
            return true
        }
        guard factored else { return nil }
    }

    /// The x with A·x = b: a forward and a backward triangular solve.
    func solve(_ b: [Double]) -> [Double] {
        var x = b
        cblas_dtrsv(CblasRowMajor, CblasLower, CblasNoTrans, CblasNonUnit, Int32(size), lower, Int32(size), &x, 1)
        cblas_dtrsv(CblasRowMajor, CblasLower, CblasTrans, CblasNonUnit, Int32(size), lower, Int32(size), &x, 1)
        return x
    }
}
