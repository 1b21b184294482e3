import COpenBLAS
import Foundation

/// The sweep over a feature matrix that multinomial (softmax) logistic regression needs: the
/// objective and its gradient at given parameters, reading the matrix once from memory through
/// CBLAS.
///
/// The objective is scikit-learn's for `LogisticRegression(C:)` with K > 2 classes:
/// C · Σᵢ [log Σₖ e^{zᵢₖ} − zᵢ,yᵢ] + ½‖W‖², with zᵢ = W·xᵢ + b, W of K rows of d weights, and the
/// intercepts b not regularized. Parameters are laid out as W row after row, then b.
///
/// As in `LogisticLossPasses`, the rows are cut into blocks that stay in the L2 cache and the
/// workers take the next block as they come free; a block's class scores (`sgemm`, X·Wᵀ) and its
/// gradient (`sgemm`, Rᵀ·X with R the residuals softmax − one-hot) run one after the other while
/// the block is cached. Each block's sums land in a slot of their own and are added in Double in
/// block order, so the results are the same bits whatever the number of workers.
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
    /// Sweeps over the matrix so far.
    private(set) var passes = 0
    /// The softmax probabilities of every example (K a row) at the parameters of the last
    /// `evaluate`, which the Hessian's products and diagonal read.
    private(set) var probabilities: [Float]

    /// Prepares the sweeps over `matrix` with classes already checked.
    init(matrix: FeatureMatrix, classes: [UInt8], classCount: Int, c: Double, workers: Int) {
        self.matrix = matrix
        self.classes = classes
        self.classCount = classCount
        self.c = c
        self.blocks = RowBlocks(exampleCount: matrix.exampleCount, workers: workers)
        self.probabilities = [Float](repeating: 0, count: matrix.exampleCount * classCount)
    }

    /// Number of parameters: K·d weights and K intercepts.
    var parameterCount: Int { classCount * (matrix.featureCount + 1) }

    /// The objective and its gradient at `parameters`. One sweep.
    func evaluate(_ parameters: [Double]) -> (objective: Double, gradient: [Double]) {
        let d = matrix.featureCount, k = classCount, c = self.c, blockRows = Self.blockRows
        let width = k * (d + 1) + 1  // per block: gradient of W and b, then the loss
        let floatWeights = parameters.prefix(k * d).map { Float($0) }
        let intercepts = Array(parameters.suffix(k))
        var sums = [Double](repeating: 0, count: blocks.count * width)
        // Per worker: scores/residuals (blockRows × K) and the block's Float gradient (K × d).
        let scratchSize = blockRows * k + k * d
        var scratch = [Float](repeating: 0, count: blocks.workers * scratchSize)
        matrix.values.withUnsafeBufferPointer { x in
            floatWeights.withUnsafeBufferPointer { w in
                classes.withUnsafeBufferPointer { labels in
                    sums.withUnsafeMutableBufferPointer { sums in
                        scratch.withUnsafeMutableBufferPointer { scratch in
                          probabilities.withUnsafeMutableBufferPointer { probabilities in
                            let x = SharedBuffer(readOnly: x), w = SharedBuffer(readOnly: w)
                            let labels = SharedBuffer(readOnly: labels), probabilities = SharedBuffer(probabilities)
                            let sums = SharedBuffer(sums), scratch = SharedBuffer(scratch)
                            blocks.forEach { worker, block, range in
                                let scores = scratch.base + worker * scratchSize, product = scores + blockRows * k
                                let first = range.lowerBound, rows = range.count
                                let data = x.base + first * d, total = sums.base + block * width
                                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(k), Int32(d),
                                            1, data, Int32(d), w.base, Int32(d), 0, scores, Int32(k))
                                var loss = 0.0
                                for i in 0..<rows {
                                    let row = scores + i * k, label = Int(labels.base[first + i])
                                    var top = -Double.infinity
                                    for j in 0..<k { top = max(top, Double(row[j]) + intercepts[j]) }
                                    var normalizer = 0.0
                                    for j in 0..<k { normalizer += exp(Double(row[j]) + intercepts[j] - top) }
                                    let logNormalizer = top + log(normalizer)
                                    loss += logNormalizer - (Double(row[label]) + intercepts[label])
                                    for j in 0..<k {
                                        let p = exp(Double(row[j]) + intercepts[j] - logNormalizer)
                                        probabilities.base[(first + i) * k + j] = Float(p)
                                        let r = p - (j == label ? 1 : 0)
                                        row[j] = Float(r)
                                        total[k * d + j] += r
                                    }
                                }
                                total[width - 1] = loss
                                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(k), Int32(d), Int32(rows),
                                            1, scores, Int32(k), data, Int32(d), 0, product, Int32(d))
                                for j in 0..<(k * d) { total[j] = Double(product[j]) }
                            }
                          }
                        }
                    }
                }
            }
        }
        passes += 1
        let total = blocks.sum(sums, width: width)
        var gradient = Array(total[..<parameterCount])
        let loss = total[width - 1]
        var squares = 0.0
        for j in 0..<parameterCount {
            gradient[j] *= c
            if j < k * d {
                gradient[j] += parameters[j]
                squares += parameters[j] * parameters[j]
            }
        }
        return (c * loss + squares / 2, gradient)
    }

    /// The Hessian of the objective at the last `evaluate`'s parameters times `direction` (laid out
    /// as the parameters: V row after row, then the intercepts' part b). One sweep: per example the
    /// class scores u = V·x + b, r = p ∘ (u − (p·u)), and C·Σ r xᵀ + V, C·Σ r.
    func hessianProduct(_ direction: [Double]) -> [Double] {
        let d = matrix.featureCount, k = classCount
        let floatDirection = direction.prefix(k * d).map { Float($0) }
        let directionIntercepts = Array(direction.suffix(k))
        var product = sweep(k * d + k) { data, probabilities, first, rows, scratch, total in
            let scores = scratch, block = scratch + Self.blockRows * k
            floatDirection.withUnsafeBufferPointer { v in
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(k), Int32(d),
                            1, data, Int32(d), v.baseAddress, Int32(d), 0, scores, Int32(k))
            }
            for i in 0..<rows {
                let row = scores + i * k, p = probabilities + (first + i) * k
                var mean = 0.0
                for j in 0..<k { mean += Double(p[j]) * (Double(row[j]) + directionIntercepts[j]) }
                for j in 0..<k {
                    let r = Double(p[j]) * (Double(row[j]) + directionIntercepts[j] - mean)
                    row[j] = Float(r)
                    total[k * d + j] += r
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(k), Int32(d), Int32(rows),
                        1, scores, Int32(k), data, Int32(d), 0, block, Int32(d))
            for j in 0..<(k * d) { total[j] = Double(block[j]) }
        }
        for j in product.indices {
            product[j] *= c
            if j < k * d { product[j] += direction[j] }
        }
        return product
    }

    /// The diagonal of the Hessian at the last `evaluate`'s parameters: C·Σ pₖ(1 − pₖ)·x² + 1 for
    /// the weights, C·Σ pₖ(1 − pₖ) for the intercepts. One sweep.
    func hessianDiagonal() -> [Double] {
        let d = matrix.featureCount, k = classCount, binary = matrix.isBinary
        var diagonal = sweep(k * d + k) { data, p, first, rows, scratch, total in
            let weights = scratch, block = scratch + Self.blockRows * k, squares = block + k * d
            for i in 0..<rows {
                for j in 0..<k {
                    let q = Double(p[(first + i) * k + j]) * (1 - Double(p[(first + i) * k + j]))
                    weights[i * k + j] = Float(q)
                    total[k * d + j] += q
                }
            }
            var source = UnsafePointer(data)
            if !binary {
                for i in 0..<(rows * d) { squares[i] = data[i] * data[i] }
                source = UnsafePointer(squares)
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(k), Int32(d), Int32(rows),
                        1, weights, Int32(k), source, Int32(d), 0, block, Int32(d))
            for j in 0..<(k * d) { total[j] = Double(block[j]) }
        }
        for j in diagonal.indices {
            diagonal[j] *= c
            if j < k * d { diagonal[j] += 1 }
        }
        return diagonal
    }

    /// One sweep: `body(rows of the block, the probabilities, first row, row count, the worker's
    /// Float scratch, the block's Double sums)` for every block, the blocks' `width` sums added in
    /// block order. Scratch holds blockRows·K + K·d + blockRows·d Floats.
    private func sweep(_ width: Int, _ body: @Sendable (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Int, Int,
                                                        UnsafeMutablePointer<Float>, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        let d = matrix.featureCount, k = classCount
        let scratchSize = Self.blockRows * k + k * d + Self.blockRows * d
        var sums = [Double](repeating: 0, count: blocks.count * width)
        var scratch = [Float](repeating: 0, count: blocks.workers * scratchSize)
        matrix.values.withUnsafeBufferPointer { x in
            sums.withUnsafeMutableBufferPointer { sums in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    probabilities.withUnsafeBufferPointer { probabilities in
                        let x = SharedBuffer(readOnly: x), sums = SharedBuffer(sums), scratch = SharedBuffer(scratch)
                        let probabilities = SharedBuffer(readOnly: probabilities)
                        blocks.forEach { worker, block, range in
                            body(x.base + range.lowerBound * d, probabilities.base, range.lowerBound, range.count,
                                 scratch.base + worker * scratchSize, sums.base + block * width)
                        }
                    }
                }
            }
        }
        passes += 1
        return blocks.sum(sums, width: width)
    }
}
