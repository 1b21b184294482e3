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
        let ties = lutnet_balanced_majority_table(counts, 2, 90, 10, &table)
        // p0: 1·90 = 9·10 (tie → 0); p1: 180 < 500 → 0; p2: unseen tie → 0; p3: 630 > 310 → 1.
        XCTAssertEqual(table[0], 0b1000)
        XCTAssertEqual(ties, 2)
        // Against plain Swift for k = 7 (two words) on seeded counts.
        var generator = SeededGenerator(seed: 5)
        let many = (0..<256).map { _ in UInt32(generator.draw(below: 40)) }
        var wide: [UInt64] = [0, 0]
        let wideTies = lutnet_balanced_majority_table(many, 7, 1000, 77, &wide)
        var expected: [UInt64] = [0, 0], expectedTies: UInt32 = 0
        for p in 0..<128 {
            let ones = UInt64(many[2 * p + 1]) * 1000, zeros = UInt64(many[2 * p]) * 77
            if ones > zeros { expected[p / 64] |= 1 << UInt64(p % 64) }
            if ones == zeros { expectedTies += 1 }
        }
        XCTAssertEqual(wide, expected)
        XCTAssertEqual(wideTies, expectedTies)
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

    func testConfusionMatrixCountsAndAccuracies() {
        let matrix = ConfusionMatrix(actual: [0, 0, 1, 1, 1, 2], predicted: [0, 1, 1, 1, 0, 2], classCount: 4)
        XCTAssertEqual(matrix.count(actual: 1, predicted: 0), 1)
        XCTAssertEqual(matrix.accuracy, 4.0 / 6.0)
        XCTAssertEqual(matrix.classAccuracies, [0.5, 2.0 / 3.0, 1, nil])
        XCTAssertEqual(matrix.csv(names: ["a", "b", "c", "d"]), "actual,a,b,c,d\na,1,1,0,0\nb,1,2,0,0\nc,0,0,1,0\nd,0,0,0,0\n")
    }
}
