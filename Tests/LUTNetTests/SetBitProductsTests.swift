import CSupport
import XCTest
@testable import LUTNet
@testable import LUTNetBaseline

/// The gather over set bits (`lutnet_set_bits_gather_variant`) on hand-made inputs and on every
/// variant this processor runs, the two indexes of `SetBitRows` against dense products, and the
/// multinomial baseline's passes over set bits against its dense `sgemm` passes.
final class SetBitProductsTests: XCTestCase {
    private var variants: [KernelVariant] { KernelVariant.allCases.filter(\.isSupported) }

    func testGatherSumsTheIndexedRowsExactlyOnEveryVariant() {
        // Three table rows of 16 lanes: row r holds (r + 1) · (c + 1) in lane c.
        let stride = 16
        let table = (0..<3 * stride).map { Float(($0 / stride + 1) * ($0 % stride + 1)) }
        // Output rows: {0, 2}, {} (zeros), {1, 1, 2} (an index may repeat), {2}.
        let starts: [UInt64] = [0, 2, 2, 5, 6]
        let indices: [UInt16] = [0, 2, 1, 1, 2, 2]
        let factors: [Float] = [1 + 3, 0, 2 + 2 + 3, 3]
        for variant in variants {
            var out = [Float](repeating: -1, count: 4 * stride)
            XCTAssertEqual(lutnet_set_bits_gather_variant(variant.cValue, starts, indices, 4, table, stride, &out), 0)
            let expected = (0..<4 * stride).map { factors[$0 / stride] * Float($0 % stride + 1) }
            XCTAssertEqual(out, expected, "\(variant)")
        }
    }

    func testGatherRefusesAStrideThatIsNotAMultipleOfTheLanes() {
        let table = [Float](repeating: 1, count: 32), starts: [UInt64] = [0, 1], indices: [UInt16] = [0]
        for variant in variants {
            for stride in [0, 10, 17] {
                var out = [Float](repeating: 7, count: 32)
                XCTAssertEqual(lutnet_set_bits_gather_variant(variant.cValue, starts, indices, 1, table, stride, &out), -1)
                XCTAssertEqual(out, [Float](repeating: 7, count: 32), "nothing written, stride \(stride)")
            }
        }
    }

    /// A random binary matrix of `rows` × `features` with about `density` of its bits set.
    private func randomBits(rows: Int, features: Int, density: Int, seed: UInt64) throws -> FeatureMatrix {
        var generator = SeededGenerator(seed: seed)
        let values = (0..<rows * features).map { _ in Float(generator.draw(below: 100) < density ? 1 : 0) }
        return try FeatureMatrix(values: values, exampleCount: rows, featureCount: features)
    }

    func testBothIndexesGiveTheDenseProductsOnEveryVariant() throws {
        // 700 rows in blocks of 256: two full blocks and a partial one; 37 features; 5 classes (stride 16).
        let rows = 700, d = 37, k = 5, blockRows = 256
        let matrix = try randomBits(rows: rows, features: d, density: 30, seed: 11)
        var generator = SeededGenerator(seed: 12)
        let stride = SetBitRows.stride(classCount: k)
        XCTAssertEqual(stride, 16)
        // Small integers, so that every order of the sums is exact.
        let table = (0..<d * stride).map { $0 % stride < k ? Float(generator.draw(below: 9)) - 4 : 0 }
        let values = (0..<rows * stride).map { $0 % stride < k ? Float(generator.draw(below: 9)) - 4 : 0 }
        for variant in variants {
            let bits = try XCTUnwrap(SetBitRows(matrix, blockRows: blockRows, variant: variant))
            for block in 0..<3 {
                let first = block * blockRows, count = min(rows - first, blockRows)
                var scores = [Float](repeating: .nan, count: count * stride)
                bits.product(block: block, table: table, stride: stride, into: &scores)
                for i in 0..<count {
                    for c in 0..<k {
                        let dense = (0..<d).reduce(Float(0)) { $0 + matrix[first + i, $1] * table[$1 * stride + c] }
                        XCTAssertEqual(scores[i * stride + c], dense, "\(variant), row \(first + i), class \(c)")
                    }
                }
                var product = [Float](repeating: .nan, count: d * stride)
                values.withUnsafeBufferPointer { values in
                    bits.transposedProduct(block: block, values: values.baseAddress! + first * stride, stride: stride,
                                           into: &product)
                }
                for f in 0..<d {
                    for c in 0..<k {
                        let dense = (0..<count).reduce(Float(0)) { $0 + matrix[first + $1, f] * values[(first + $1) * stride + c] }
                        XCTAssertEqual(product[f * stride + c], dense, "\(variant), block \(block), feature \(f), class \(c)")
                    }
                }
            }
        }
    }

    func testOnlyBinaryMatricesAreIndexed() throws {
        let pixels = try FeatureMatrix(values: [0, 0.5, 1, 0], exampleCount: 2, featureCount: 2)
        XCTAssertNil(SetBitRows(pixels, blockRows: 256))
        let bits = try FeatureMatrix(values: [0, 1, 1, 1], exampleCount: 2, featureCount: 2)
        let rows = try XCTUnwrap(SetBitRows(bits, blockRows: 256))
        XCTAssertEqual(rows.rowStarts, [0, 1, 3])
        XCTAssertEqual(rows.columns, [1, 0, 1])
        XCTAssertEqual(rows.columnStarts, [0, 1, 3])
        XCTAssertEqual(rows.blockRowsOfColumns, [1, 0, 1])
    }

    func testSoftmaxPassesOverSetBitsMatchTheDensePassesAndAreTheSameBitsOnEveryVariantAndWorkerCount() throws {
        // 2,600 rows: 11 blocks, two chunks of blocks; 4 classes.
        let rows = 2600, d = 50, k = 4
        let matrix = try randomBits(rows: rows, features: d, density: 20, seed: 21)
        var generator = SeededGenerator(seed: 22)
        let classes = (0..<rows).map { _ in UInt8(generator.draw(below: UInt64(k))) }
        let point = (0..<k * (d + 1)).map { _ in Double(generator.draw(below: 2001)) / 4000 - 0.25 }
        let direction = (0..<k * (d + 1)).map { _ in Double(generator.draw(below: 2001)) / 1000 - 1 }
        func run(_ passes: SoftmaxLossPasses) -> (objective: Double, gradient: [Double], product: [Double], diagonal: [Double]) {
            let (objective, gradient) = passes.evaluate(point)
            return (objective, gradient, passes.hessianProduct(direction), passes.hessianDiagonal())
        }
        let dense = run(SoftmaxLossPasses(matrix: matrix, classes: classes, classCount: k, c: 0.5, workers: 2, useSetBits: false))
        let reference = run(SoftmaxLossPasses(matrix: matrix, classes: classes, classCount: k, c: 0.5, workers: 1,
                                              variant: .portable))
        XCTAssertNotNil(SoftmaxLossPasses(matrix: matrix, classes: classes, classCount: k, c: 0.5, workers: 1).setBits)
        XCTAssertEqual(reference.objective, dense.objective, accuracy: 1e-6 * abs(dense.objective))
        for (name, a, b) in [("gradient", reference.gradient, dense.gradient), ("Hessian product", reference.product, dense.product),
                             ("diagonal", reference.diagonal, dense.diagonal)] {
            let scale = b.reduce(0) { max($0, abs($1)) }
            for j in a.indices { XCTAssertEqual(a[j], b[j], accuracy: 1e-5 * scale, "\(name) \(j)") }
        }
        for variant in variants {
            for workers in [1, 2, 3] {
                let other = run(SoftmaxLossPasses(matrix: matrix, classes: classes, classCount: k, c: 0.5, workers: workers,
                                                  variant: variant))
                XCTAssertEqual(other.objective, reference.objective, "\(variant), \(workers) workers")
                XCTAssertEqual(other.gradient, reference.gradient, "\(variant), \(workers) workers")
                XCTAssertEqual(other.product, reference.product, "\(variant), \(workers) workers")
                XCTAssertEqual(other.diagonal, reference.diagonal, "\(variant), \(workers) workers")
            }
        }
    }
}
