import CSupport
import XCTest
@testable import LUTNet

/// Every instruction-set variant of the C kernels against the plain Swift reference, and the
/// variants against each other on whole layers and trained networks: all bit-identical.
final class KernelEquivalenceTests: XCTestCase {
    let ks = [1, 2, 7, 8, 9, 10, 12, 13, 15, 16]
    let exampleCounts = [1, 63, 64, 65, 1000]

    /// Skips, visibly, a test of a variant this processor cannot run.
    func require(_ variant: KernelVariant) throws {
        guard variant.isSupported else {
            let family = variant == .avx512 ? "AVX-512" : "AVX2"
            throw XCTSkip("skipped: no \(family) on this CPU (it lacks \(variant.missingFeatures.joined(separator: ", ")))")
        }
    }

    func testPortableKernelsMatchTheReference() throws { try checkKernelsMatchReference(.portable) }

    func testAVX2KernelsMatchTheReference() throws {
        try require(.avx2)
        try checkKernelsMatchReference(.avx2)
    }

    func testAVX512KernelsMatchTheReference() throws {
        try require(.avx512)
        try checkKernelsMatchReference(.avx512)
    }

    func testAVX2LayersAndTrainingAreBitIdenticalToPortable() throws {
        try require(.avx2)
        try checkSameResults(.avx2, as: .portable)
    }

    func testAVX512LayersAndTrainingAreBitIdenticalToPortable() throws {
        try require(.avx512)
        try checkSameResults(.avx512, as: .portable)
    }

    /// Counts, tables, outputs and population counts of `variant` for every k and example count.
    func checkKernelsMatchReference(_ variant: KernelVariant) throws {
        for k in ks {
            for examples in exampleCounts {
                let name = "k=\(k), \(examples) examples, \(variant)"
                let matrix = ReferenceMemorization.randomMatrix(rows: 40, columns: examples, seed: UInt64(k * 1000 + examples))
                let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: examples, seed: UInt64(examples))
                let inputs = RandomWiring.inputs(k: k, sourceCount: 40, seed: 7, layer: 0, lut: examples)
                let expected = ReferenceMemorization.counts(matrix, inputs: inputs, labels: labels)
                XCTAssertEqual(expected.reduce(0, +), UInt32(examples))
                var counts = [UInt32](repeating: 99, count: 2 << k)
                lutnet_count_patterns_variant(variant.cValue, matrix.words, matrix.wordsPerRow, inputs, UInt32(k),
                                              labels.words, examples, &counts)
                XCTAssertEqual(counts, expected, name)

                var generator = SeededGenerator(seed: UInt64(k))
                let ties = (0..<LUTLayer.tableWords(k: k)).map { _ in generator.next() }
                var table = [UInt64](repeating: 0, count: LUTLayer.tableWords(k: k))
                _ = lutnet_majority_table(counts, UInt32(k), 1, 1, ties, &table)
                XCTAssertEqual(table, ReferenceMemorization.table(counts: expected, k: k, tieBits: ties), name)

                let reference = ReferenceMemorization.evaluate(matrix, inputs: inputs, table: table)
                var out = [UInt64](repeating: .max, count: matrix.wordsPerRow)
                lutnet_evaluate_lut_variant(variant.cValue, matrix.words, matrix.wordsPerRow, inputs, UInt32(k),
                                            table, examples, &out)
                var row = BitMatrix(rowCount: 1, columnCount: examples)
                row.words = out
                XCTAssertEqual(row.unpackedRow(0), reference, name)
                let ones = UInt64(reference.reduce(0) { $0 + Int($1) })
                XCTAssertEqual(lutnet_popcount_variant(variant.cValue, out, 64 * out.count), ones,
                               "\(name): bits past the last example must be zero")
                XCTAssertEqual(lutnet_popcount_variant(variant.cValue, out, examples), ones, name)
                let agreeing = zip(reference, labels.unpackedRow(0)).filter { $0 == $1 }.count
                XCTAssertEqual(lutnet_count_agreements_variant(variant.cValue, out, labels.words, examples),
                               UInt64(agreeing), name)

                // The same three results from the one-call memorization of the LUT.
                var memorizedCounts = [UInt32](repeating: 7, count: 2 << k), patterns = [UInt8](repeating: 0, count: examples)
                var memorizedTable = [UInt64](repeating: 0, count: table.count), memorizedOut = [UInt64](repeating: .max, count: out.count)
                let tied = lutnet_memorize_lut_variant(variant.cValue, matrix.words, matrix.wordsPerRow, inputs, UInt32(k),
                                                       labels.words, examples, 1, 1, ties, &memorizedCounts, &patterns,
                                                       &memorizedTable, &memorizedOut)
                XCTAssertEqual(memorizedCounts, expected, name)
                XCTAssertEqual(memorizedTable, table, name)
                XCTAssertEqual(memorizedOut, out, name)
                XCTAssertEqual(Int(tied), (0..<(1 << k)).filter { expected[2 * $0] == expected[2 * $0 + 1] }.count, name)

                let layer = try LUTLayer(k: k, width: 1, sourceCount: 40, inputs: inputs, tables: table)
                XCTAssertEqual(layer.patterns(of: 0, on: matrix).map(Int.init),
                               (0..<examples).map { ReferenceMemorization.pattern(matrix, inputs: inputs, example: $0) })
            }
        }
    }

    /// Layer outputs (one LUT, and more LUTs than examples), trained networks (model bytes, reports)
    /// and predictions of `variant` and `other` are the same.
    func checkSameResults(_ variant: KernelVariant, as other: KernelVariant) throws {
        for k in [2, 8, 9, 16] {
            for examples in exampleCounts {
                let name = "k=\(k), \(examples) examples, \(variant) against \(other)"
                let matrix = ReferenceMemorization.randomMatrix(rows: 60, columns: examples, seed: UInt64(3 * k + examples))
                for width in [1, 1100] {
                    let wiring = RandomWiring.layer(width: width, k: k, sourceCount: 60, seed: 4, layer: 0)
                    var generator = SeededGenerator(seed: UInt64(width))
                    let tables = (0..<width * LUTLayer.tableWords(k: k)).map { _ in generator.next() }
                    let layer = try LUTLayer(k: k, width: width, sourceCount: 60, inputs: wiring, tables: tables)
                    let outputs = layer.evaluate(matrix, threads: 2, kernels: variant)
                    XCTAssertEqual(outputs, layer.evaluate(matrix, threads: 2, kernels: other), "\(name), width \(width)")
                    for lut in [0, width - 1] {
                        XCTAssertEqual(outputs.unpackedRow(lut), ReferenceMemorization.evaluate(
                            matrix, inputs: Array(wiring[lut * k ..< (lut + 1) * k]),
                            table: Array(tables[lut * layer.tableWords ..< (lut + 1) * layer.tableWords])), name)
                    }
                }
                guard k <= 8 || examples == 1000 else { continue }
                let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: examples, seed: UInt64(examples + 1))
                let task = try BinaryTask(first: [0], second: [1])
                let train = try BinarizedExamples(inputs: matrix, labels: labels, task: task, threshold: 128)
                let test = try BinarizedExamples(inputs: ReferenceMemorization.randomMatrix(rows: 60, columns: 100, seed: 5),
                                                 labels: ReferenceMemorization.randomMatrix(rows: 1, columns: 100, seed: 6),
                                                 task: task, threshold: 128)
                // One LUT, and more LUTs than examples (but few, for speed, at large k).
                for hidden in k <= 8 ? [[1], [1100, 3]] : [[1], [3]] {
                    let shape = try NetworkShape(k: k, hiddenWidths: hidden)
                    let trained = [variant, other].map { kernels in
                        MemorizationTrainer(shape: shape, seed: 9, threads: 2, kernels: kernels)
                            .train(on: train, test: test)
                    }.map { ($0.network, $0.report) }
                    XCTAssertEqual(ModelFile.encode(trained[0].0), ModelFile.encode(trained[1].0), "\(name), \(hidden)")
                    XCTAssertEqual(trained[0].1.layers.map(\.trainAccuracyMean), trained[1].1.layers.map(\.trainAccuracyMean))
                    XCTAssertEqual(trained[0].1.layers.map(\.testAccuracyMean), trained[1].1.layers.map(\.testAccuracyMean))
                    XCTAssertEqual(trained[0].1.layers.map(\.tiedPatterns), trained[1].1.layers.map(\.tiedPatterns))
                    let predictions = [variant, other].map { kernels in
                        trained[0].0.layers.reduce(test.inputs) { $1.evaluate($0, threads: 1, kernels: kernels) }
                    }
                    XCTAssertEqual(predictions[0], predictions[1], "\(name), \(hidden)")
                    XCTAssertEqual(predictions[0], try? trained[0].0.outputs(for: test.inputs))
                }
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
            let tied = lutnet_majority_table(counts, UInt32(k), 1, 1, ties, &table)
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
        var table: [UInt64] = [0x0123_4567_89ab_cdef]
        var bestOut = [UInt64](repeating: 0, count: 4), dispatchedOut = bestOut
        lutnet_evaluate_lut_variant(lutnet_best_kernel_variant(), matrix.words, matrix.wordsPerRow, inputs, 6,
                                    &table, 200, &bestOut)
        lutnet_evaluate_lut(matrix.words, matrix.wordsPerRow, inputs, 6, &table, 200, &dispatchedOut)
        XCTAssertEqual(bestOut, dispatchedOut)
        XCTAssertEqual(KernelVariant.best, KernelVariant(lutnet_best_kernel_variant()))
        XCTAssertTrue(KernelVariant.best.isSupported)
        XCTAssertTrue(KernelVariant.portable.isSupported)
    }

    func testPopcountAndAgreementsOnHandMadeRowsOnEveryVariant() {
        let a: [UInt64] = [0b1011, .max]
        let b: [UInt64] = [0b0011, 0]
        for variant in KernelVariant.allCases {
            // A variant the processor lacks runs the portable loop: the same answers.
            XCTAssertEqual(lutnet_popcount_variant(variant.cValue, a, 4), 3)
            XCTAssertEqual(lutnet_popcount_variant(variant.cValue, a, 70), 3 + 6)
            XCTAssertEqual(lutnet_popcount_variant(variant.cValue, a, 128), 67)
            XCTAssertEqual(lutnet_count_agreements_variant(variant.cValue, a, b, 4), 3)
            XCTAssertEqual(lutnet_count_agreements_variant(variant.cValue, a, b, 64), 63)
            XCTAssertEqual(lutnet_count_agreements_variant(variant.cValue, a, b, 66), 63)
        }
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
