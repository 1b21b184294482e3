import Foundation
import XCTest
@testable import LUTNet

/// Data-parallel memorization without MPI: ranks are threads of this process summing through
/// `InProcessRanks`, and the network they train must be byte for byte the single-process one.
final class DataParallelTrainingTests: XCTestCase {
    /// Trains with `ranks` threads, each on its shard of `path`; returns every rank's result.
    func trainInRanks(_ ranks: Int, path: String, task: BinaryTask, options: TrainingOptions,
                      randomLabels: Bool = false, wide: Bool = false) throws -> [DataParallelResult] {
        let group = InProcessRanks(rankCount: ranks)
        let results = PerRank<Result<DataParallelResult, Error>>(count: ranks)
        onThreads(ranks) { rank in
            let outcome = Result<DataParallelResult, Error> {
                let shard = try DatasetShard.load(path: path, shard: rank, of: ranks)
                var trainer = DataParallelTrainer(options: options, randomLabels: randomLabels)
                if wide { trainer.counterWidth = .wide }
                return try trainer.train(shard: shard, task: task, threshold: 128, communicator: group.communicator(rank: rank))
            }
            results.set(rank, outcome)
        }
        return try results.values.map { try XCTUnwrap($0).get() }
    }

    /// The single-process network and report on the same data.
    func trainAlone(path: String, task: BinaryTask, options: TrainingOptions, randomLabels: Bool = false)
        throws -> TrainingResult {
        let dataset = try DatasetLoader.load(path: path)
        var train = try BinarizedExamples(images: dataset.train, task: task, threshold: 128, split: dataset.train.source)
        if randomLabels { train = train.withRandomLabels(seed: options.seed) }
        let test = try dataset.test.map { try BinarizedExamples(images: $0, task: task, threshold: 128, split: $0.source) }
        return try LUTNetwork.train(on: train, test: test, options: options, dataShape: dataset.train.imageShape)
    }

    /// Checks every rank's network and figures against the single-process run.
    func assertSameAsAlone(ranks: Int, path: String, options: TrainingOptions, randomLabels: Bool = false, wide: Bool = false,
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let task = try BinaryTask(parsing: "0-4:5-9")
        let alone = try trainAlone(path: path, task: task, options: options, randomLabels: randomLabels)
        let expected = ModelFile.encode(alone.network)
        for (rank, result) in try trainInRanks(ranks, path: path, task: task, options: options, randomLabels: randomLabels,
                                               wide: wide).enumerated() {
            XCTAssertEqual(ModelFile.encode(result.network), expected, "\(ranks) ranks, rank \(rank)", file: file, line: line)
            XCTAssertEqual(result.report.layers.map(\.trainAccuracyMean), alone.report.layers.map(\.trainAccuracyMean), file: file, line: line)
            XCTAssertEqual(result.report.layers.map(\.trainAccuracyStandardDeviation),
                           alone.report.layers.map(\.trainAccuracyStandardDeviation), file: file, line: line)
            XCTAssertEqual(result.report.layers.map(\.testAccuracyMean), alone.report.layers.map(\.testAccuracyMean), file: file, line: line)
            XCTAssertEqual(result.report.layers.map(\.tiedPatterns), alone.report.layers.map(\.tiedPatterns), file: file, line: line)
            XCTAssertEqual(result.counterBits, wide ? 64 : 32, file: file, line: line)
        }
    }

    func testAnyNumberOfRanksTrainsTheSingleProcessNetwork() throws {
        let options = TrainingOptions(shape: try NetworkShape(k: 6, layers: "3x100"), seed: 5, threads: 1)
        // 600 training and 200 test examples: shards of 600/7 rows are uneven and not multiples of 64.
        for ranks in [1, 2, 3, 7] {
            try assertSameAsAlone(ranks: ranks, path: Fixtures.path("tiny"), options: options)
        }
    }

    func testSpatialWiringTrainsTheSingleProcessNetwork() throws {
        let shape = try NetworkShape(k: 4, layers: "3x64")
        let options = TrainingOptions(shape: shape, seed: 3, threads: 2, wiring: try WiringSpec(parsing: "hier:3,8,2"))
        for ranks in [1, 3] {
            try assertSameAsAlone(ranks: ranks, path: Fixtures.path("tiny"), options: options)
        }
    }

    func testPerLayerKsTrainTheSingleProcessNetwork() throws {
        let options = TrainingOptions(shape: try NetworkShape(ks: try LayerKs([8, 5]), layers: "2x40"), seed: 5, threads: 1,
                                      wiring: try WiringSpec(parsing: "hier:4,8,2"))
        try assertSameAsAlone(ranks: 3, path: Fixtures.path("tiny"), options: options)
    }

    func testRandomLabelsAreDrawnFromTheSameStreamsOnEveryShard() throws {
        let options = TrainingOptions(shape: try NetworkShape(k: 4, layers: "2x50"), seed: 9, threads: 2)
        try assertSameAsAlone(ranks: 3, path: Fixtures.path("tiny"), options: options, randomLabels: true)
    }

    func testSixtyFourBitCountersGiveTheSameNetwork() throws {
        let options = TrainingOptions(shape: try NetworkShape(k: 8, layers: "2x64"), seed: 2, threads: 2)
        try assertSameAsAlone(ranks: 2, path: Fixtures.path("tiny"), options: options, wide: true)
    }

    func testRanksWithoutExamplesTakePartInTheSums() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        try TinyIDXDataset.write(to: folder, trainCount: 23, testCount: 5)
        let options = TrainingOptions(shape: try NetworkShape(k: 3, layers: "2x16"), seed: 1, threads: 1)
        // 8 ranks of 5 test examples: three ranks have no test example, and every shard is < 64.
        try assertSameAsAlone(ranks: 8, path: folder.path, options: options)
    }

    func testLayersWiderThanACounterBlockAreSummedBlockByBlock() throws {
        // At k = 16 a block holds 128 LUTs: a layer of 300 takes three blocks.
        XCTAssertEqual(LayerCounters.blocks(width: 300, k: 16), [0..<128, 128..<256, 256..<300])
        XCTAssertEqual(LayerCounters.blocks(width: 1024, k: 8), [0..<1024])
    }

    func testAFailureOnOneRankStopsEveryRankNamingIt() throws {
        let group = InProcessRanks(rankCount: 3)
        let messages = PerRank<String>(count: 3)
        onThreads(3) { rank in
            let communicator = group.communicator(rank: rank)
            let message: String
            do {
                _ = try communicator.agree { () throws -> DatasetShard in
                    try DatasetShard.load(path: rank == 1 ? "/nonexistent/data" : Fixtures.path("tiny"), shard: rank, of: 3)
                }
                message = "no error"
            } catch {
                message = String(describing: error)
            }
            messages.set(rank, message)
        }
        XCTAssertEqual(messages.values, [String?](repeating: "rank 1: /nonexistent/data: no such file or folder", count: 3))
    }

    /// What each of `ranks` ranks throws when it trains as `run(rank)` makes it: its shard, its
    /// trainer and its task and threshold ("no error" when it trains).
    func messagesOfRanks(_ ranks: Int,
                         _ run: @escaping @Sendable (Int) throws -> (DatasetShard, DataParallelTrainer, BinaryTask, UInt8)) -> [String?] {
        let group = InProcessRanks(rankCount: ranks)
        let messages = PerRank<String>(count: ranks)
        onThreads(ranks) { rank in
            do {
                let (shard, trainer, task, threshold) = try run(rank)
                _ = try trainer.train(shard: shard, task: task, threshold: threshold, communicator: group.communicator(rank: rank))
                messages.set(rank, "no error")
            } catch {
                messages.set(rank, String(describing: error))
            }
        }
        return messages.values
    }

    func testRanksAugmentingTheirShardsTrainTheSingleProcessAugmentedNetwork() throws {
        var options = TrainingOptions(shape: try NetworkShape(k: 6, layers: "2x64"), seed: 5, threads: 1)
        options.augmentation = try Augmentation(parsing: "flip,shift:1")
        for ranks in [1, 3] {
            try assertSameAsAlone(ranks: ranks, path: Fixtures.path("tiny"), options: options)
        }
        let results = try trainInRanks(2, path: Fixtures.path("tiny"), task: try BinaryTask(parsing: "0-4:5-9"), options: options)
        XCTAssertEqual(results.map(\.trainExamples), [6000, 6000], "600 training examples × 10 copies")
        XCTAssertEqual(results.map(\.testExamples), [200, 200], "the test split is not augmented")
    }

    func testRanksThatDifferInWhatShapesTheModelStopNamingWhatDiffers() throws {
        let task = try BinaryTask(parsing: "0-4:5-9")
        let options = TrainingOptions(shape: try NetworkShape(k: 4, layers: "2x32"), seed: 5, threads: 1)
        var seeded = options
        seeded.seed = 6
        var wired = options
        wired.wiring = try WiringSpec(parsing: "local:5")
        var augmented = options
        augmented.augmentation = try Augmentation(parsing: "flip")
        // Rank 2 differs from ranks 0 and 1 in one thing (and in two for the last case).
        // (--random-labels is left to MPITrainingTests: ranks that differ in it would wait for each other.)
        let cases: [(options: TrainingOptions, task: String, threshold: UInt8, message: String)] = [
            (seeded, "0-4:5-9", 128, "rank 2: --seed is 6 here but 5 on rank 0"),
            (wired, "0-4:5-9", 128, "rank 2: --wiring is local:5 here but random on rank 0"),
            (augmented, "0-4:5-9", 128, "rank 2: --augment is flip here but none on rank 0"),
            (options, "0:1", 128, "rank 2: --task is 0:1 here but 0-4:5-9 on rank 0"),
            (options, "0-4:5-9", 100, "rank 2: --threshold is 100 here but 128 on rank 0"),
            (seeded, "0-4:5-9", 100, "rank 2: --seed is 6 here but 5 on rank 0, --threshold is 100 here but 128 on rank 0"),
        ]
        for differing in cases {
            let messages = messagesOfRanks(3) { rank in
                let shard = try DatasetShard.load(path: Fixtures.path("tiny"), shard: rank, of: 3)
                guard rank == 2 else { return (shard, DataParallelTrainer(options: options), task, 128) }
                return (shard, DataParallelTrainer(options: differing.options), try BinaryTask(parsing: differing.task),
                        differing.threshold)
            }
            XCTAssertEqual(messages, [String?](repeating: differing.message, count: 3))
        }
    }

    func testRanksReadingDifferentDataStopNamingTheSplit() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        // IDX folders: each rank reads its rows and the header's count.
        for (name, count) in [("a", 400), ("b", 401)] {
            try TinyIDXDataset.write(to: folder.appendingPathComponent(name), trainCount: count, testCount: 100)
        }
        let task = try BinaryTask(parsing: "0-4:5-9")
        let trainer = DataParallelTrainer(options: TrainingOptions(shape: try NetworkShape(k: 4, layers: "1x16"), threads: 1))
        let idx = messagesOfRanks(2) { rank in
            (try DatasetShard.load(path: folder.appendingPathComponent(rank == 0 ? "a" : "b").path, shard: rank, of: 2), trainer, task, 128)
        }
        XCTAssertEqual(idx, [String?](repeating: "rank 1: the training split is 401 examples of 8x8 here but 400 examples of 8x8 on rank 0",
                                      count: 2))
        // PLA files are read whole: the same count and shape with one bit changed differ in their checksum.
        let original = try String(contentsOfFile: Fixtures.path("pla/small.pla"), encoding: .utf8)
        let changed = folder.appendingPathComponent("changed.pla")
        try original.replacingOccurrences(of: "10110 1", with: "10111 1").write(to: changed, atomically: true, encoding: .utf8)
        let pla = messagesOfRanks(2) { rank in
            (try DatasetShard.load(path: rank == 0 ? Fixtures.path("pla/small.pla") : changed.path, shard: rank, of: 2), trainer,
             try BinaryTask(parsing: "0:1"), 128)
        }
        let expected = pla[0] ?? ""
        XCTAssertTrue(expected.hasPrefix("rank 1: the training split is 4 examples of 5, CRC-32 "), expected)
        XCTAssertTrue(expected.contains(" here but 4 examples of 5, CRC-32 "), expected)
        XCTAssertEqual(pla[1], expected)
    }

    func testASetupTravelsAndNamesEachItemThatDiffers() throws {
        let data = DatasetFingerprint(train: .init(count: 600, exampleShape: [28, 28]), test: nil)
        let task = try BinaryTask(parsing: "0-4:5-9")
        let mine = TrainingSetup(options: TrainingOptions(shape: try NetworkShape(ks: try LayerKs([12, 8]), layers: "2x65")), task: task,
                                 threshold: 128, randomLabels: false, data: data)
        let theirs = TrainingSetup(options: TrainingOptions(shape: try NetworkShape(k: 8, layers: "2x64"), seed: 1), task: task,
                                   threshold: 128, inputBits: [.threshold, .mean], randomLabels: false, data: data)
        XCTAssertEqual(mine.differences(from: theirs, referenceName: "rank 0"), [
            "--k is 12/8 here but 8 on rank 0", "--layers is 2x65 here but 2x64 on rank 0", "--seed is 0 here but 1 on rank 0",
            "--input-bits is threshold here but threshold,mean on rank 0",
        ])
        XCTAssertEqual(mine.differences(from: mine, referenceName: "rank 0"), [])
        XCTAssertEqual(TrainingSetup(encoded: theirs.encoded), theirs)
        XCTAssertNil(TrainingSetup(encoded: Array("not a setup".utf8)))
        XCTAssertTrue(mine.description.hasPrefix("--k 12/8\n--layers 2x65\n--task 0-4:5-9\n--wiring random\n"), mine.description)
        XCTAssertTrue(mine.description.hasSuffix("the training split 600 examples of 28x28\nthe test split absent"), mine.description)
    }


    func testGreedyWiringIsRefusedOnEveryRankNamingTheOption() throws {
        let options = TrainingOptions(shape: try NetworkShape(k: 4, layers: "1x8"), threads: 1, wiring: .greedy)
        XCTAssertThrowsError(try trainInRanks(2, path: Fixtures.path("tiny"), task: try BinaryTask(parsing: "0-4:5-9"),
                                              options: options)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("rank 0: invalid --wiring: greedy wiring learns from all the training examples at once"), message)
        }
    }

    func testANetworkTooLargeForARanksMemoryStopsEveryRank() throws {
        let task = try BinaryTask(parsing: "0-4:5-9")
        let options = TrainingOptions(shape: try NetworkShape(k: 16, layers: "10x1000000"), threads: 1)
        XCTAssertThrowsError(try trainInRanks(2, path: Fixtures.path("tiny"), task: task, options: options)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.hasPrefix("rank 0: network k=16"), message)
            XCTAssertTrue(message.contains("; rank 1: network k=16"), message)
            XCTAssertTrue(message.contains("GB but the machine has"), message)
        }
    }

    func testATaskGroupMissingFromEveryShardIsRefusedOnEveryRank() throws {
        let task = try BinaryTask(parsing: "0:10")
        let options = TrainingOptions(shape: try NetworkShape(k: 3, layers: "1x4"), threads: 1)
        XCTAssertThrowsError(try trainInRanks(2, path: Fixtures.path("tiny"), task: task, options: options)) { error in
            XCTAssertTrue(String(describing: error).contains("group B has no examples"), "\(error)")
        }
    }

    func testShardsOfAnIDXFileAreItsRowsInOrder() throws {
        let path = Fixtures.path("tiny/train-images-idx3-ubyte.gz")
        let whole = try IDXTensor.read(path: path)
        var rows: [UInt8] = []
        for shard in 0..<7 {
            let part = try IDXTensor.readShard(path: path, shard: shard, of: 7)
            XCTAssertEqual(part.totalRows, 600)
            XCTAssertEqual(part.firstRow, 600 * shard / 7)
            XCTAssertEqual(part.tensor.shape, [600 * (shard + 1) / 7 - 600 * shard / 7] + whole.shape.dropFirst())
            rows += part.tensor.withUnsignedBytes { Array($0) }
        }
        XCTAssertEqual(rows, whole.withUnsignedBytes { Array($0) })
        // More shards than rows: most are empty.
        let empty = try IDXTensor.readShard(path: path, shard: 0, of: 1000)
        XCTAssertEqual(empty.tensor.shape.first, 0)
    }

    func testADamagedEndFailsTheShardThatReadsIt() throws {
        // The payload is short: the first half of the rows are there, the last shard runs out.
        let path = Fixtures.path("bad/payload-short.gz")
        XCTAssertThrowsError(try IDXTensor.readShard(path: path, shard: 1, of: 2)) { error in
            XCTAssertEqual((error as? IDXReadError)?.kind, .truncatedData, "\(error)")
        }
        for name in ["garbage-after-gzip.gz", "payload-long.gz"] {
            XCTAssertThrowsError(try IDXTensor.readShard(path: Fixtures.path("bad/" + name), shard: 2, of: 3), name)
        }
    }

    func testSkippingDrawsEqualsMakingThem() {
        var drawn = SeededGenerator(seed: 4, stream: 3)
        for _ in 0..<1000 { _ = drawn.next() }
        var skipped = SeededGenerator(seed: 4, stream: 3)
        skipped.skip(1000)
        XCTAssertEqual(drawn.next(), skipped.next())
    }
}

/// One value per rank, set by the rank's thread.
final class PerRank<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Value?]

    init(count: Int) { stored = [Value?](repeating: nil, count: count) }

    func set(_ rank: Int, _ value: Value) { lock.withLock { stored[rank] = value } }

    var values: [Value?] { lock.withLock { stored } }
}

/// Runs `body(rank)` for every rank on a thread of its own (ranks block until all reach a sum, so
/// each needs its own thread, more than the cores if need be) and returns when all are done.
func onThreads(_ ranks: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let done = DispatchGroup()
    for rank in 0..<ranks {
        done.enter()
        Thread.detachNewThread {
            body(rank)
            done.leave()
        }
    }
    done.wait()
}
