import CSupport
import XCTest
@testable import LUTNet

/// One-vs-rest memorization: its two kernels against plain Swift, the windows' wiring, and a
/// trained model's accuracy and readout.
final class OneVsRestTests: XCTestCase {
    func testBalancedMajorityTableWeighsEachLabelByItsTotal() {
        // k = 2: patterns 0...3; (c0, c1) with n0 = 90, n1 = 10.
        let counts: [UInt32] = [9, 1, 50, 2, 0, 0, 31, 7]
        var table: [UInt64] = [0]
        // p0: 1·90 = 9·10 (tie: tie bit 1); p1: 180 < 500 → 0; p2: unseen tie (tie bit 0); p3: 630 > 310 → 1.
        let ties = lutnet_majority_table(counts, 2, 90, 10, [0b0011], &table)
        XCTAssertEqual(table[0], 0b1001)
        XCTAssertEqual(ties, 2)
        XCTAssertEqual(lutnet_majority_table(counts, 2, 90, 10, [~0b1000], &table), 2)
        XCTAssertEqual(table[0], 0b1101)
        // Against plain Swift for k = 7 (two words) on seeded counts and tie bits.
        var generator = SeededGenerator(seed: 5)
        let many = (0..<256).map { _ in UInt32(generator.draw(below: 40)) }
        let tieBits = [generator.next(), generator.next()]
        var wide: [UInt64] = [0, 0]
        let wideTies = lutnet_majority_table(many, 7, 1000, 77, tieBits, &wide)
        XCTAssertEqual(wide, Self.balancedTable(counts: many, k: 7, n0: 1000, n1: 77, tieBits: tieBits))
        var expectedTies: UInt32 = 0
        for p in 0..<128 where UInt64(many[2 * p + 1]) * 1000 == UInt64(many[2 * p]) * 77 { expectedTies += 1 }
        XCTAssertEqual(wideTies, expectedTies)
    }

    /// The prior-balanced table in plain Swift.
    static func balancedTable(counts: [UInt32], k: Int, n0: UInt64, n1: UInt64, tieBits: [UInt64]) -> [UInt64] {
        var table = [UInt64](repeating: 0, count: LUTLayer.tableWords(k: k))
        for p in 0..<(1 << k) {
            let ones = UInt64(counts[2 * p + 1]) * n0, zeros = UInt64(counts[2 * p]) * n1
            let bit = ones > zeros || (ones == zeros && tieBits[p / 64] >> UInt64(p % 64) & 1 == 1)
            if bit { table[p / 64] |= 1 << UInt64(p % 64) }
        }
        return table
    }

    func testFusedBalancedMemorizationMatchesTheSeparateKernelsOnEveryVariant() throws {
        var generator = SeededGenerator(seed: 11)
        for variant in KernelVariant.allCases where variant.isSupported {
            for k in [2, 7, 8, 9, 10, 12] {
                for examples in [1, 63, 64, 65, 1000] {
                    var matrix = BitMatrix(rowCount: 40, columnCount: examples)
                    for w in matrix.words.indices { matrix.words[w] = generator.next() }
                    matrix.words = Self.masked(matrix)
                    var labels = BitMatrix(rowCount: 1, columnCount: examples)
                    for e in 0..<examples where generator.next() >> 63 == 1 { labels[0, e] = true }
                    let ones = (0..<examples).filter { labels[0, $0] }.count
                    let inputs = RandomWiring.inputs(k: k, sourceCount: 40, seed: 3, layer: 0, lut: examples)
                    let ties = (0..<LUTLayer.tableWords(k: k)).map { _ in generator.next() }
                    var counts = [UInt32](repeating: 0, count: 2 << k), expectedCounts = counts
                    var patterns = [UInt8](repeating: 0, count: examples)
                    var table = [UInt64](repeating: 0, count: LUTLayer.tableWords(k: k))
                    var out = [UInt64](repeating: 0, count: (examples + 63) / 64), expectedOut = out
                    _ = lutnet_memorize_lut_variant(variant.cValue, matrix.words, matrix.wordsPerRow, inputs, UInt32(k),
                                                    labels.words, examples, UInt64(examples - ones), UInt64(ones),
                                                             ties, &counts, &patterns, &table, &out)
                    lutnet_count_patterns_variant(LUTNET_KERNEL_PORTABLE, matrix.words, matrix.wordsPerRow, inputs, UInt32(k),
                                                  labels.words, examples, &expectedCounts)
                    let expectedTable = Self.balancedTable(counts: expectedCounts, k: k, n0: UInt64(examples - ones),
                                                           n1: UInt64(ones), tieBits: ties)
                    lutnet_evaluate_lut_variant(LUTNET_KERNEL_PORTABLE, matrix.words, matrix.wordsPerRow, inputs, UInt32(k),
                                                expectedTable, examples, &expectedOut)
                    let name = "\(variant) k=\(k) examples=\(examples)"
                    XCTAssertEqual(counts, expectedCounts, name)
                    XCTAssertEqual(table, expectedTable, name)
                    XCTAssertEqual(out, expectedOut, name)
                }
            }
        }
    }

    /// The words of `matrix` with the bits past its last column cleared.
    static func masked(_ matrix: BitMatrix) -> [UInt64] {
        var words = matrix.words
        let tail = matrix.columnCount % 64
        guard tail != 0 else { return words }
        for r in 0..<matrix.rowCount { words[r * matrix.wordsPerRow + matrix.wordsPerRow - 1] &= (1 << UInt64(tail)) - 1 }
        return words
    }

    func testVotesCountEachExamplesOnesOverTheRows() throws {
        var generator = SeededGenerator(seed: 9)
        for (rows, examples) in [(1, 1), (3, 64), (37, 130), (300, 1000)] {
            var matrix = BitMatrix(rowCount: rows, columnCount: examples)
            var expected = [UInt32](repeating: 7, count: examples + 3)
            for r in 0..<rows {
                for e in 0..<examples where generator.next() >> 62 != 0 {
                    matrix[r, e] = true
                    expected[3 + e] += 1
                }
            }
            var votes = [UInt32](repeating: 7, count: examples + 3)
            MultiClassNetwork.addVotes(of: matrix, to: &votes, offset: 3)
            XCTAssertEqual(votes, expected, "\(rows) rows × \(examples) examples")
        }
    }

    func testReadoutTakesTheBestVotesAndTheLowestClassOnATie() {
        // Three classes, four examples: votes[c * 4 + e].
        let votes: [UInt32] = [5, 1, 2, 3,
                               5, 4, 0, 3,
                               1, 4, 9, 3]
        XCTAssertEqual(MultiClassNetwork.readout(votes, classCount: 3, examples: 4), [0, 1, 2, 0])
    }

    func testWindowsKeepEveryLUTInsideOneWindow() throws {
        let wiring = try ImageWindows.layer(width: 200, k: 6, imageShape: [10, 12, 3], window: 4, seed: 3)
        XCTAssertEqual(wiring.count, 1200)
        for lut in 0..<200 {
            let inputs = wiring[lut * 6 ..< lut * 6 + 6].map { Int($0) }
            XCTAssertEqual(Set(inputs).count, 6)
            let ys = inputs.map { $0 / 3 / 12 }, xs = inputs.map { $0 / 3 % 12 }
            XCTAssertLessThan(ys.max()! - ys.min()!, 4)
            XCTAssertLessThan(xs.max()! - xs.min()!, 4)
        }
        XCTAssertEqual(try ImageWindows.layer(width: 200, k: 6, imageShape: [10, 12, 3], window: 4, seed: 3), wiring)
        XCTAssertThrowsError(try ImageWindows.layer(width: 1, k: 8, imageShape: [784], window: 6, seed: 0)) { error in
            XCTAssertEqual((error as? ConfigurationError)?.description,
                           "invalid --window: the data's examples have shape [784], not an image (H × W or H × W × C)")
        }
        XCTAssertThrowsError(try ImageWindows.layer(width: 1, k: 8, imageShape: [8, 8], window: 9, seed: 0))
        XCTAssertThrowsError(try ImageWindows.layer(width: 1, k: 10, imageShape: [8, 8], window: 3, seed: 0))
    }

    func testOneVsRestLearnsTinyAndPredictsAlikeEveryWay() throws {
        let data = try TinyDataset.make(classes: 5, trainPerClass: 80, testPerClass: 40)
        let task = try MultiClassTask(parsing: "0:1:2:3:4")
        let options = MultiClassTrainingOptions(shape: try NetworkShape(k: 4, hiddenWidths: [64, 64]), seed: 2, window: 4, threads: 2)
        let trained = try MultiClassNetwork.train(on: data, task: task, options: options)
        XCTAssertGreaterThan(trained.testConfusion?.accuracy ?? 0, 0.9)
        XCTAssertEqual(trained.testConfusion?.total, 200)
        XCTAssertEqual(trained.layers.count, 2)
        XCTAssertEqual(trained.layers[1].testAccuracy, trained.testConfusion?.accuracy)
        let network = trained.network
        XCTAssertEqual(network.classCount, 5)
        XCTAssertEqual(network.lutCount, 5 * 128)
        let test = try XCTUnwrap(data.test)
        let predicted = try network.predict(test, threads: 1)
        XCTAssertEqual(ConfusionMatrix(actual: test.labels, predicted: predicted, classCount: 5), trained.testConfusion)
        XCTAssertEqual(try network.predict(pixels: test.pixels(of: 7)), predicted[7])
        // The same seed gives the same model whatever the threads.
        var single = options
        single.threads = 1
        XCTAssertEqual(try MultiClassNetwork.train(on: data, task: task, options: single).network, network)
    }

    /// Four classes of the tiny fixture (80 training and 40 test images each) and options of two
    /// layers, 32 and 16 LUTs of k = 4 per class, over 4 × 4 windows.
    private func fourClasses() throws -> (data: Dataset, task: MultiClassTask, options: MultiClassTrainingOptions) {
        (try TinyDataset.make(classes: 4, trainPerClass: 80, testPerClass: 40), try MultiClassTask(parsing: "0:1:2:3"),
         MultiClassTrainingOptions(shape: try NetworkShape(k: 4, hiddenWidths: [32, 16]), seed: 5, window: 4, threads: 2))
    }

    func testASharedFirstLayerFeedsEveryClassAndPredictsAsTrained() throws {
        var (data, task, options) = try fourClasses()
        options.sharedFirstLayer = true
        let trained = try MultiClassNetwork.train(on: data, task: task, options: options)
        let network = trained.network
        // Every class's network starts with the same 4 × 32 LUTs; its second layer reads all of them.
        XCTAssertTrue(network.classLayers.allSatisfy { $0[0] == network.classLayers[0][0] })
        XCTAssertEqual(network.classLayers[2][0].width, 128)
        XCTAssertEqual(network.classLayers[2][1].sourceCount, 128)
        XCTAssertGreaterThan(trained.testConfusion?.accuracy ?? 0, 0.9)
        let test = try XCTUnwrap(data.test)
        XCTAssertEqual(ConfusionMatrix(actual: test.labels, predicted: try network.predict(test, threads: 2), classCount: 4),
                       trained.testConfusion)
        // Its first layer is the one the classes train apart.
        options.sharedFirstLayer = false
        let apart = try MultiClassNetwork.train(on: data, task: task, options: options).network
        XCTAssertEqual(network.classLayers[0][0].tables, apart.classLayers.flatMap { $0[0].tables })
    }

    func testAlternateHalvesCountEachLayerOnItsHalf() throws {
        var (data, task, options) = try fourClasses()
        options.alternateHalves = true
        let trained = try MultiClassNetwork.train(on: data, task: task, options: options)
        XCTAssertGreaterThan(trained.testConfusion?.accuracy ?? 0, 0.85)
        // 320 examples are 5 words: the first layer counts words 0-1, the second words 2-4.
        let trainer = OneVsRestTrainer(shape: options.shape, seed: 5, wiring: .windowOnly(4), threads: 1, alternateHalves: true)
        XCTAssertEqual(trainer.countedWords(layer: 0, examples: 320), 0..<2)
        XCTAssertEqual(trainer.countedWords(layer: 1, examples: 320), 2..<5)
        XCTAssertEqual(trainer.countedWords(layer: 2, examples: 320), 0..<2)
        XCTAssertEqual(OneVsRestTrainer(shape: options.shape, seed: 5, wiring: .windowOnly(4), threads: 1).countedWords(layer: 1, examples: 320), 0..<5)
        // A first-layer LUT's table is the balanced majority over the first 128 examples alone.
        let examples = try MultiClassExamples(images: data.train, task: task, threshold: 128, split: "train")
        let lut = trained.network.classLayers[1][0]
        var counts = [UInt32](repeating: 0, count: 2 << 4)
        let labels = examples.labelRow(for: 1)
        lutnet_count_patterns_variant(LUTNET_KERNEL_PORTABLE, examples.inputs.words, examples.inputs.wordsPerRow,
                                      Array(lut.inputs.prefix(4)), 4, labels.words, 128, &counts)
        let ones = (0..<128).filter { labels[0, $0] }.count
        var generator = SeededGenerator(seed: 5, stream: 9, 1, 0, 0)
        let expected = Self.balancedTable(counts: counts, k: 4, n0: UInt64(128 - ones), n1: UInt64(ones), tieBits: [generator.next()])
        XCTAssertEqual(Array(lut.tables.prefix(1)), expected)
    }

    func testConfusionMatrixCountsAndAccuracies() {
        let matrix = ConfusionMatrix(actual: [0, 0, 1, 1, 1, 2], predicted: [0, 1, 1, 1, 0, 2], classCount: 4)
        XCTAssertEqual(matrix.count(actual: 1, predicted: 0), 1)
        XCTAssertEqual(matrix.accuracy, 4.0 / 6.0)
        XCTAssertEqual(matrix.classAccuracies, [0.5, 2.0 / 3.0, 1, nil])
        XCTAssertEqual(matrix.csv(names: ["a", "b", "c", "d"]), "actual,a,b,c,d\na,1,1,0,0\nb,1,2,0,0\nc,0,0,1,0\nd,0,0,0,0\n")
    }
}
