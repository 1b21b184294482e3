import CSupport
import XCTest
@testable import LUTNet

/// The C kernels (every instruction-set variant) against the plain Swift reference.
final class KernelEquivalenceTests: XCTestCase {
    let ks = [1, 2, 3, 7, 8, 11, 16]
    let exampleCounts = [1, 63, 65, 130, 1000]
    let variants = [LUTNET_KERNEL_PORTABLE, LUTNET_KERNEL_AVX512]

    func testCountingMatchesReferenceForEveryKAndVariant() {
        for k in ks {
            for examples in exampleCounts {
                let matrix = ReferenceMemorization.randomMatrix(rows: 40, columns: examples, seed: UInt64(k * 1000 + examples))
                let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: examples, seed: UInt64(examples))
                let inputs = RandomWiring.inputs(k: k, sourceCount: 40, seed: 7, layer: 0, lut: examples)
                let expected = ReferenceMemorization.counts(matrix, inputs: inputs, labels: labels)
                XCTAssertEqual(expected.reduce(0, +), UInt32(examples))
                for variant in variants {
                    var counts = [UInt32](repeating: 99, count: 2 << k)
                    lutnet_count_patterns_variant(variant, matrix.words, matrix.wordsPerRow, inputs, UInt32(k),
                                                  labels.words, examples, &counts)
                    XCTAssertEqual(counts, expected, "k=\(k), \(examples) examples, variant \(variant.rawValue)")
                }
            }
        }
    }

    func testEvaluationAndGatheringMatchReferenceForEveryKAndVariant() throws {
        for k in ks {
            for examples in exampleCounts {
                let matrix = ReferenceMemorization.randomMatrix(rows: 30, columns: examples, seed: UInt64(k + 31 * examples))
                let inputs = RandomWiring.inputs(k: k, sourceCount: 30, seed: 3, layer: 1, lut: k)
                var generator = SeededGenerator(seed: UInt64(k))
                let table = (0..<LUTLayer.tableWords(k: k)).map { _ in generator.next() }
                let expected = ReferenceMemorization.evaluate(matrix, inputs: inputs, table: table)
                for variant in variants {
                    var out = [UInt64](repeating: .max, count: matrix.wordsPerRow)
                    lutnet_evaluate_lut_variant(variant, matrix.words, matrix.wordsPerRow, inputs, UInt32(k),
                                                table, examples, &out)
                    var row = BitMatrix(rowCount: 1, columnCount: examples)
                    row.words = out
                    XCTAssertEqual(row.unpackedRow(0), expected, "k=\(k), \(examples) examples, variant \(variant.rawValue)")
                    XCTAssertEqual(lutnet_popcount(out, 64 * out.count), UInt64(expected.reduce(0) { $0 + Int($1) }),
                                   "bits past the last example must be zero")
                }
                let layer = try LUTLayer(k: k, width: 1, sourceCount: 30, inputs: inputs, tables: table)
                XCTAssertEqual(layer.patterns(of: 0, on: matrix).map(Int.init),
                               (0..<examples).map { ReferenceMemorization.pattern(matrix, inputs: inputs, example: $0) })
            }
        }
    }

    func testMajorityTableMatchesReference() {
        for k in ks {
            var generator = SeededGenerator(seed: UInt64(k))
            // Small counts so that ties are frequent.
            let counts = (0..<(2 << k)).map { _ in UInt32(generator.next() % 3) }
            let ties = (0..<LUTLayer.tableWords(k: k)).map { _ in generator.next() }
            var table = [UInt64](repeating: 0, count: LUTLayer.tableWords(k: k))
            let tied = lutnet_majority_table(counts, UInt32(k), ties, &table)
            XCTAssertEqual(table, ReferenceMemorization.table(counts: counts, k: k, tieBits: ties), "k=\(k)")
            XCTAssertEqual(Int(tied), (0..<(1 << k)).filter { counts[2 * $0] == counts[2 * $0 + 1] }.count)
        }
    }

    func testTheDispatchingKernelsRunTheBestVariant() {
        let matrix = ReferenceMemorization.randomMatrix(rows: 20, columns: 200, seed: 8)
        let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: 200, seed: 9)
        let inputs: [UInt32] = [3, 1, 4, 15, 9, 2]
        var best = [UInt32](repeating: 0, count: 2 << 6), dispatched = best
        lutnet_count_patterns_variant(lutnet_best_kernel_variant(), matrix.words, matrix.wordsPerRow, inputs, 6,
                                      labels.words, 200, &best)
        lutnet_count_patterns(matrix.words, matrix.wordsPerRow, inputs, 6, labels.words, 200, &dispatched)
        XCTAssertEqual(best, dispatched)
        XCTAssertEqual(KernelInfo.variantName, lutnet_best_kernel_variant() == LUTNET_KERNEL_AVX512 ? "avx512" : "portable")
    }

    func testPopcountAndAgreementsOnHandMadeRows() {
        let a: [UInt64] = [0b1011, .max]
        let b: [UInt64] = [0b0011, 0]
        XCTAssertEqual(lutnet_popcount(a, 4), 3)
        XCTAssertEqual(lutnet_popcount(a, 70), 3 + 6)
        XCTAssertEqual(lutnet_popcount(a, 128), 67)
        XCTAssertEqual(lutnet_count_agreements(a, b, 4), 3)
        XCTAssertEqual(lutnet_count_agreements(a, b, 64), 63)
        XCTAssertEqual(lutnet_count_agreements(a, b, 66), 63)
    }

    func testLayerEvaluationMatchesReferenceWhateverTheThreads() throws {
        let matrix = ReferenceMemorization.randomMatrix(rows: 50, columns: 300, seed: 11)
        let k = 5, width = 37
        let wiring = RandomWiring.layer(width: width, k: k, sourceCount: 50, seed: 1, layer: 0)
        var generator = SeededGenerator(seed: 5)
        let tables = (0..<width).map { _ in generator.next() }
        let layer = try LUTLayer(k: k, width: width, sourceCount: 50, inputs: wiring, tables: tables)
        let one = layer.evaluate(matrix, threads: 1), two = layer.evaluate(matrix, threads: 3)
        XCTAssertEqual(one, two)
        for lut in 0..<width {
            XCTAssertEqual(one.unpackedRow(lut), ReferenceMemorization.evaluate(
                matrix, inputs: Array(wiring[lut * k ..< (lut + 1) * k]), table: [tables[lut]]))
        }
    }
}
