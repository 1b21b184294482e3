import LUTNet
import COpenBLAS
import Foundation

/// The sweeps over a feature matrix that L2-regularized logistic regression needs, each reading the
/// matrix once from memory through CBLAS.
///
/// The objective is C · Σᵢ ℓ(zᵢ, tᵢ) + ½‖w‖², with zᵢ = xᵢ·w + b, targets tᵢ ∈ {0, 1} and the
/// log-loss ℓ(z, t) = log(1 + eᶻ) − t·z; the bias b is not regularized. Vectors over the parameters
/// hold the feature weights first and the bias last.
///
/// The rows are cut into blocks small enough to stay in the L2 cache, and the workers take the next
/// block as they come free, so a worker slowed by a busy core does not hold the others up. A
/// Hessian-vector product runs the forward `sgemv` of a block and then the transposed `sgemv` of the
/// same block while it is still cached, so it costs one sweep over memory, not two. Each block's
/// Float product lands in a slot of its own, and the slots are summed in Double in block order:
/// rounding does not grow with the number of examples, and the results are the same bits whatever
/// the number of workers. The Float values handed to `sgemv` are never scaled by C (residuals
/// σ − t and curvatures σ(1 − σ), all in [−1, 1]): the products are multiplied by C in Double
/// afterwards, so no C overflows or underflows Float.
final class LogisticLossPasses {
    /// Rows per block.
    static let blockRows = RowBlocks.rows

    let matrix: FeatureMatrix
    /// The targets, 0 or 1, as Doubles.
    let targets: [Double]
    /// The inverse regularization strength.
    let c: Double
    /// The row blocks and the workers that sweep them.
    let blocks: RowBlocks
    /// Number of row blocks.
    var blockCount: Int { blocks.count }
    /// Number of worker threads (at most one per block).
    var workers: Int { blocks.workers }
    /// Sweeps over the matrix so far.
    private(set) var passes = 0
    /// C·σ(zᵢ)(1 − σ(zᵢ)) of every example at the last gradient pass: the Hessian's weights.
    private(set) var curvature: [Double]
    /// σ(zᵢ)(1 − σ(zᵢ)) of every example at the last gradient pass: the curvature without C.
    private var variance: [Double]

    /// Prepares the sweeps over `matrix` with labels 0 or 1 (already checked) for `workers` threads.
    init(matrix: FeatureMatrix, labels: [UInt8], c: Double, workers: Int) {
        self.matrix = matrix
        self.targets = labels.map { Double($0) }
        self.c = c
        self.curvature = [Double](repeating: 0, count: matrix.exampleCount)
        self.variance = [Double](repeating: 0, count: matrix.exampleCount)
        self.blocks = RowBlocks(exampleCount: matrix.exampleCount, workers: workers)
    }

    /// The gradient of the objective at weights `weights` (feature weights then bias) whose decision
    /// values are `z`, and, when `withDiagonal`, the diagonal of the Hessian there (else zeros).
    /// Records the per-example curvature for the Hessian-vector products that follow. One sweep.
    func gradient(z: [Double], weights: [Double], withDiagonal: Bool) -> (gradient: [Double], diagonal: [Double]) {
        let d = matrix.featureCount, width = d + 1, c = self.c, binary = matrix.isBinary
        let blockRows = Self.blockRows
        // Per block: gradient (width), then Hessian diagonal (width).
        var sums = [Double](repeating: 0, count: blockCount * 2 * width)
        // Per worker: residuals and curvatures of a block, a product, and (non-binary data) a block of squares.
        let scratchSize = 2 * blockRows + d + (binary || !withDiagonal ? 0 : blockRows * d)
        var scratch = [Float](repeating: 0, count: workers * scratchSize)
        matrix.values.withUnsafeBufferPointer { x in
            z.withUnsafeBufferPointer { z in
                targets.withUnsafeBufferPointer { t in
                    curvature.withUnsafeMutableBufferPointer { curvature in
                      variance.withUnsafeMutableBufferPointer { variance in
                        sums.withUnsafeMutableBufferPointer { sums in
                            scratch.withUnsafeMutableBufferPointer { scratch in
                                let x = SharedBuffer(readOnly: x), z = SharedBuffer(readOnly: z)
                                let t = SharedBuffer(readOnly: t)
                                let curvature = SharedBuffer(curvature), sums = SharedBuffer(sums)
                                let variance = SharedBuffer(variance)
                                let scratch = SharedBuffer(scratch)
                                blocks.forEach { worker, block, rows in
                                    let residual = scratch.base + worker * scratchSize, weight = residual + blockRows
                                    let product = weight + blockRows, squares = product + d
                                    let gradient = sums.base + block * 2 * width
                                    let diagonal = gradient + width
                                    var biasGradient = 0.0, biasDiagonal = 0.0
                                    for i in rows {
                                        let s = sigmoid(z[i])
                                        let r = s - t[i], h = s * (1 - s)
                                        residual[i - rows.lowerBound] = Float(r)
                                        weight[i - rows.lowerBound] = Float(h)
                                        variance[i] = h
                                        curvature[i] = c * h
                                        biasGradient += r
                                        biasDiagonal += h
                                    }
                                    let m = Int32(rows.count), block = x.base + rows.lowerBound * d
                                    cblas_sgemv(CblasRowMajor, CblasTrans, m, Int32(d), 1, block, Int32(d),
                                                residual, 1, 0, product, 1)
                                    for j in 0..<d { gradient[j] = c * Double(product[j]) }
                                    gradient[d] = c * biasGradient
                                    guard withDiagonal else { return }
                                    var source = UnsafePointer(block)
                                    if !binary {
                                        for k in 0..<rows.count * d { squares[k] = block[k] * block[k] }
                                        source = UnsafePointer(squares)
                                    }
                                    cblas_sgemv(CblasRowMajor, CblasTrans, m, Int32(d), 1, source, Int32(d),
                                                weight, 1, 0, product, 1)
                                    for j in 0..<d { diagonal[j] = c * Double(product[j]) }
                                    diagonal[d] = c * biasDiagonal
                                }
                            }
                        }
                      }
                    }
                }
            }
        }
        passes += 1
        let total = blocks.sum(sums, width: 2 * width)
        var gradient = Array(total[..<width]), diagonal = Array(total[width...])
        for j in 0..<d {
            gradient[j] += weights[j]
            if withDiagonal { diagonal[j] += 1 }
        }
        return (gradient, diagonal)
    }

    /// The Hessian at the last gradient pass times `vector` (weights then bias), and the decision
    /// values of `vector` itself: X·v + v_bias for every example, written to `decisionValues`. One sweep.
    func hessianProduct(_ vector: [Double], decisionValues: inout [Double]) -> [Double] {
        let d = matrix.featureCount, width = d + 1, blockRows = Self.blockRows, c = self.c
        let vectorBias = vector[d]
        let floatVector = vector.prefix(d).map { Float($0) }
        var sums = [Double](repeating: 0, count: blockCount * width)
        let scratchSize = 2 * blockRows + d
        var scratch = [Float](repeating: 0, count: workers * scratchSize)
        matrix.values.withUnsafeBufferPointer { x in
            floatVector.withUnsafeBufferPointer { v in
                variance.withUnsafeBufferPointer { variance in
                    decisionValues.withUnsafeMutableBufferPointer { out in
                        sums.withUnsafeMutableBufferPointer { sums in
                            scratch.withUnsafeMutableBufferPointer { scratch in
                                let x = SharedBuffer(readOnly: x), v = SharedBuffer(readOnly: v)
                                let variance = SharedBuffer(readOnly: variance)
                                let out = SharedBuffer(out), sums = SharedBuffer(sums)
                                let scratch = SharedBuffer(scratch)
                                blocks.forEach { worker, block, rows in
                                    let own = scratch.base + worker * scratchSize
                                    let forward = own, weighted = own + blockRows, product = own + 2 * blockRows
                                    let total = sums.base + block * width
                                    let m = Int32(rows.count), block = x.base + rows.lowerBound * d
                                    cblas_sgemv(CblasRowMajor, CblasNoTrans, m, Int32(d), 1, block, Int32(d),
                                                v.base, 1, 0, forward, 1)
                                    var biasTotal = 0.0
                                    for i in rows {
                                        let u = Double(forward[i - rows.lowerBound]) + vectorBias
                                        out[i] = u
                                        let q = variance[i] * u
                                        weighted[i - rows.lowerBound] = Float(q)
                                        biasTotal += q
                                    }
                                    cblas_sgemv(CblasRowMajor, CblasTrans, m, Int32(d), 1, block, Int32(d),
                                                weighted, 1, 0, product, 1)
                                    for j in 0..<d { total[j] = c * Double(product[j]) }
                                    total[d] = c * biasTotal
                                }
                            }
                        }
                    }
                }
            }
        }
        passes += 1
        var result = blocks.sum(sums, width: width)
        for j in 0..<d { result[j] += vector[j] }
        return result
    }
}

/// The logistic function 1 / (1 + e⁻ᶻ), without overflow for large |z|.
@inline(__always)
func sigmoid(_ z: Double) -> Double {
    if z >= 0 { return 1 / (1 + exp(-z)) }
    let e = exp(z)
    return e / (1 + e)
}

/// log(1 + eᶻ), without overflow for large z.
@inline(__always)
func softplus(_ z: Double) -> Double {
    max(z, 0) + log1p(exp(-abs(z)))
}
