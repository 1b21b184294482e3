import LUTNet
import COpenBLAS
import Foundation

/// The sweep over a feature matrix that multinomial (softmax) logistic regression needs: the
/// objective and its gradient at given parameters, reading the matrix once from memory.
///
/// The objective is scikit-learn's for `LogisticRegression(C:)` with K > 2 classes:
/// C · Σᵢ [log Σₖ e^{zᵢₖ} − zᵢ,yᵢ] + ½‖W‖², with zᵢ = W·xᵢ + b, W of K rows of d weights, and the
/// intercepts b not regularized. Parameters are laid out as W row after row, then b.
///
/// As in `LogisticLossPasses`, the rows are cut into blocks that stay in the L2 cache and the
/// workers take the next chunk of blocks as they come free; a block's class scores (X·W) and its gradient
/// (Xᵀ·R with R the residuals softmax − one-hot) are computed one after the other while the block
/// is cached. The weights are passed as a table of one row of `stride` Floats per feature (Wᵀ,
/// padded), and a block's gradient comes out in the same layout. On bit features the products
/// gather table rows over the set bits only (`SetBitRows`); on other features they are
/// `cblas_sgemm`. The blocks of each chunk of `blocksPerChunk` are added in order into the chunk's
/// own Double sums, and the chunks' sums in order, so the results are the same bits whatever the
/// number of workers (and, over set bits, on every kernel variant).
final class SoftmaxLossPasses {
    /// Rows per block.
    static let blockRows = LogisticLossPasses.blockRows

    let matrix: FeatureMatrix
    /// The class of every example, < `classCount`.
    let classes: [UInt8]
    /// Number of classes K.
    let classCount: Int
    /// The inverse regularization strength.
    let c: Double
    /// The row blocks and the workers that sweep them.
    let blocks: RowBlocks
    /// The matrix's set bits when it is binary: the products then read these instead of the Floats.
    let setBits: SetBitRows?
    /// Floats per row of the weight tables, the class scores and the residuals: K rounded up.
    let stride: Int
    /// Sweeps over the matrix so far.
    private(set) var passes = 0
    /// The softmax probabilities of every example (K a row) at the parameters of the last
    /// `evaluate`, which the Hessian's products and diagonal read.
    private(set) var probabilities: [Float]

    /// Prepares the sweeps over `matrix` with classes already checked. Bit features are read through
    /// their set bits on the kernel `variant`, unless `useSetBits` is false (dense products, to
    /// compare the two).
    init(matrix: FeatureMatrix, classes: [UInt8], classCount: Int, c: Double, workers: Int,
         useSetBits: Bool = true, variant: KernelVariant = .active) {
        self.matrix = matrix
        self.classes = classes
        self.classCount = classCount
        self.c = c
        self.blocks = RowBlocks(exampleCount: matrix.exampleCount, workers: workers)
        self.setBits = useSetBits ? SetBitRows(matrix, blockRows: Self.blockRows, variant: variant) : nil
        self.stride = SetBitRows.stride(classCount: classCount)
        self.probabilities = [Float](repeating: 0, count: matrix.exampleCount * classCount)
    }

    /// Number of parameters: K·d weights and K intercepts.
    var parameterCount: Int { classCount * (matrix.featureCount + 1) }

    /// The objective and its gradient at `parameters`. One sweep.
    func evaluate(_ parameters: [Double]) -> (objective: Double, gradient: [Double]) {
        let k = classCount, stride = self.stride
        let intercepts = Array(parameters.suffix(k)), classes = self.classes
        let table = weightTable(parameters)
        var result = sweep(width: k + 1, table: table) { scores, first, rows, probabilities, total in
            var loss = 0.0
            for i in 0..<rows {
                let row = scores + i * stride, label = Int(classes[first + i])
                var top = -Double.infinity
                for j in 0..<k { top = max(top, Double(row[j]) + intercepts[j]) }
                var normalizer = 0.0
                for j in 0..<k { normalizer += exp(Double(row[j]) + intercepts[j] - top) }
                let logNormalizer = top + log(normalizer)
                loss += logNormalizer - (Double(row[label]) + intercepts[label])
                for j in 0..<k {
                    let p = exp(Double(row[j]) + intercepts[j] - logNormalizer)
                    probabilities[(first + i) * k + j] = Float(p)
                    let r = p - (j == label ? 1 : 0)
                    row[j] = Float(r)
                    total[j] += r
                }
            }
            total[k] += loss
        }
        let loss = result.removeLast()
        var squares = 0.0
        for j in 0..<parameterCount {
            result[j] *= c
            if j < k * matrix.featureCount {
                result[j] += parameters[j]
                squares += parameters[j] * parameters[j]
            }
        }
        return (c * loss + squares / 2, result)
    }

    /// The Hessian of the objective at the last `evaluate`'s parameters times `direction` (laid out
    /// as the parameters: V row after row, then the intercepts' part b). One sweep: per example the
    /// class scores u = V·x + b, r = p ∘ (u − (p·u)), and C·Σ r xᵀ + V, C·Σ r.
    func hessianProduct(_ direction: [Double]) -> [Double] {
        let k = classCount, stride = self.stride
        let directionIntercepts = Array(direction.suffix(k))
        var product = sweep(width: k, table: weightTable(direction)) { scores, first, rows, probabilities, total in
            for i in 0..<rows {
                let row = scores + i * stride, p = probabilities + (first + i) * k
                var mean = 0.0
                for j in 0..<k { mean += Double(p[j]) * (Double(row[j]) + directionIntercepts[j]) }
                for j in 0..<k {
                    let r = Double(p[j]) * (Double(row[j]) + directionIntercepts[j] - mean)
                    row[j] = Float(r)
                    total[j] += r
                }
            }
        }
        for j in product.indices {
            product[j] *= c
            if j < k * matrix.featureCount { product[j] += direction[j] }
        }
        return product
    }

    /// The diagonal of the Hessian at the last `evaluate`'s parameters: C·Σ pₖ(1 − pₖ)·x² + 1 for
    /// the weights, C·Σ pₖ(1 − pₖ) for the intercepts. One sweep.
    func hessianDiagonal() -> [Double] {
        let k = classCount, stride = self.stride
        var diagonal = sweep(width: k, table: nil, squares: true) { weights, first, rows, probabilities, total in
            for i in 0..<rows {
                for j in 0..<k {
                    let p = Double(probabilities[(first + i) * k + j])
                    weights[i * stride + j] = Float(p * (1 - p))
                    total[j] += p * (1 - p)
                }
            }
        }
        for j in diagonal.indices {
            diagonal[j] *= c
            if j < k * matrix.featureCount { diagonal[j] += 1 }
        }
        return diagonal
    }

    /// The weight rows of `parameters` (K rows of d) as a table of d rows of `stride` Floats, the
    /// padding zero.
    private func weightTable(_ parameters: [Double]) -> [Float] {
        let d = matrix.featureCount, k = classCount
        var table = [Float](repeating: 0, count: d * stride)
        for j in 0..<k {
            for f in 0..<d { table[f * stride + j] = Float(parameters[j * d + f]) }
        }
        return table
    }

    /// Consecutive blocks that one worker sweeps in order into one slot of Double sums.
    static let blocksPerChunk = 8

    /// One sweep, returning the K·d sums of Xᵀ·R (W's layout) followed by the `width` sums of `body`.
    /// For every block: the rows' scores X·W from `table` (or zeros when `table` is nil) into a
    /// scratch of blockRows rows of `stride` Floats; `body(that scratch, first row, row count, the
    /// probabilities, the `width` Double sums to add to)`, which overwrites the scores with the
    /// residuals R; then Xᵀ·R, reading the squares of the features when `squares` is true. The
    /// blocks of a chunk of `blocksPerChunk` are added in order into the chunk's Double sums, and
    /// the chunks' sums in order, so the result does not depend on the number of workers.
    private func sweep(width: Int, table: [Float]?, squares: Bool = false,
                       _ body: @Sendable (UnsafeMutablePointer<Float>, Int, Int, UnsafeMutablePointer<Float>,
                                          UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        let d = matrix.featureCount, k = classCount, stride = self.stride, blockRows = Self.blockRows
        let setBits = self.setBits, squaresNeeded = squares && !matrix.isBinary, exampleCount = matrix.exampleCount
        let chunk = Self.blocksPerChunk, blockCount = blocks.count, chunks = (blockCount + chunk - 1) / chunk
        let slot = d * stride + width
        let scratchSize = blockRows * stride + d * stride + (squaresNeeded ? blockRows * d : 0)
        var sums = [Double](repeating: 0, count: chunks * slot)
        var scratch = [Float](repeating: 0, count: blocks.workers * scratchSize)
        let table = table ?? []
        matrix.values.withUnsafeBufferPointer { x in
            table.withUnsafeBufferPointer { table in
                sums.withUnsafeMutableBufferPointer { sums in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        probabilities.withUnsafeMutableBufferPointer { probabilities in
                            let x = SharedBuffer(readOnly: x), table = SharedBuffer(readOnly: table)
                            let sums = SharedBuffer(sums), scratch = SharedBuffer(scratch)
                            let probabilities = SharedBuffer(probabilities)
                            // One block: scores, `body`, then Xᵀ·R added into the chunk's sums.
                            @Sendable func sweep(block: Int, scores: UnsafeMutablePointer<Float>, total: UnsafeMutablePointer<Double>) {
                                let product = scores + blockRows * stride
                                let first = block * blockRows, rows = min(exampleCount - first, blockRows)
                                let data = x.base + first * d
                                if table.count == 0 {
                                    scores.update(repeating: 0, count: rows * stride)
                                } else if let setBits {
                                    setBits.product(block: block, table: table.base, stride: stride, into: scores)
                                } else {
                                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(k), Int32(d),
                                                1, data, Int32(d), table.base, Int32(stride), 0, scores, Int32(stride))
                                }
                                body(scores, first, rows, probabilities.base, total + d * stride)
                                if let setBits {
                                    setBits.transposedProduct(block: block, values: scores, stride: stride, into: product)
                                } else {
                                    var source = UnsafePointer(data)
                                    if squaresNeeded {
                                        let squared = product + d * stride
                                        for i in 0..<(rows * d) { squared[i] = data[i] * data[i] }
                                        source = UnsafePointer(squared)
                                    }
                                    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(d), Int32(k), Int32(rows),
                                                1, source, Int32(d), scores, Int32(stride), 0, product, Int32(stride))
                                }
                                for t in 0..<(d * stride) { total[t] += Double(product[t]) }
                            }
                            ParallelWork.forEach(count: chunks, threads: blocks.workers, chunk: 1) { worker, chunkRange in
                                for chunkIndex in chunkRange {
                                    for block in chunkIndex * chunk ..< min(blockCount, (chunkIndex + 1) * chunk) {
                                        sweep(block: block, scores: scratch.base + worker * scratchSize,
                                              total: sums.base + chunkIndex * slot)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        passes += 1
        let total = RowBlocks.sum(sums, slots: chunks, width: slot)
        var result = [Double](repeating: 0, count: k * d + width)
        for j in 0..<k {
            for f in 0..<d { result[j * d + f] = total[f * stride + j] }
        }
        for j in 0..<width { result[k * d + j] = total[d * stride + j] }
        return result
    }
}
