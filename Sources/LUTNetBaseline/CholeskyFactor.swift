import LUTNet
import COpenBLAS

/// The Cholesky factor of a symmetric positive definite matrix A = L·Lᵀ, computed by LAPACK's
/// `dpotrf` in OpenBLAS, and the solves it allows (`dpotrs`).
struct CholeskyFactor {
    /// Rows (and columns) of A.
    let size: Int
    /// The factor as `dpotrf` leaves it: read column-major with `uplo` U, which is the row-major
    /// lower triangle L; the other triangle holds leftovers of A.
    private(set) var factor: [Double]

    /// Factors the `size` × `size` row-major matrix whose lower triangle is in `matrix`, or returns
    /// nil when a pivot is not positive and finite (A is not numerically positive definite).
    init?(matrix: [Double], size: Int) {
        precondition(matrix.count == size * size, "a \(size) × \(size) matrix needs \(size * size) values")
        precondition(size <= Int(Int32.max), "LAPACK sizes are 32-bit")
        self.size = size
        self.factor = matrix
        guard size > 0 else { return }
        var n = Int32(size), info: Int32 = 0
        // Row-major lower is column-major upper: the same numbers.
        factor.withUnsafeMutableBufferPointer { a in
            dpotrf_("U", &n, a.baseAddress, &n, &info, 1)
        }
        guard info == 0, factor.allSatisfy(\.isFinite) else { return nil }
    }

    /// The x with A·x = b.
    func solve(_ b: [Double]) -> [Double] {
        precondition(b.count == size, "one right-hand side value per row")
        guard size > 0 else { return b }
        var x = b, n = Int32(size), one: Int32 = 1, info: Int32 = 0
        factor.withUnsafeBufferPointer { a in
            x.withUnsafeMutableBufferPointer { x in
                dpotrs_("U", &n, &one, a.baseAddress, &n, x.baseAddress, &n, &info, 1)
            }
        }
        return x
    }
}
