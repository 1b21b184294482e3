import CSupport
import Foundation

/// Where one rank's time went in training one layer, and what it sent.
public struct LayerTiming: Sendable, Equatable, Codable {
    /// Counting the shard's examples into the layer's counters (seconds).
    public let counting: Double
    /// Waiting at a barrier before each sum for the slowest rank to finish its part (seconds).
    public let waiting: Double
    /// Summing counters and agreement counts over the ranks, once all have arrived (seconds).
    public let reduction: Double
    /// Tables from the summed counters, and the layer's outputs on the shard's training (and test)
    /// examples (seconds).
    public let evaluation: Double
    /// Bytes of counters and agreement counts this rank contributed to the sums.
    public let bytesReduced: Int
}

/// A network trained by ranks that each counted a shard of the examples, and the figures of the run.
public struct DataParallelResult: Sendable {
    /// The network: the same on every rank, and bit-identical to the single-process one.
    public let network: LUTNetwork
    /// Per-layer and overall accuracies over all ranks' examples.
    public let report: TrainingReport
    /// Training examples of all ranks.
    public let trainExamples: Int
    /// Test examples of all ranks, when the data has a test split.
    public let testExamples: Int?
    /// With random labels and a test split: the network's accuracy against the test split's coin flips.
    public let testAccuracyAgainstRandomLabels: Double?
    /// This rank's time and traffic per layer.
    public let timings: [LayerTiming]
    /// The width of the summed counters: 32 bits, or 64 when all ranks hold more than
    /// `LUTNetLimits.maxExamples` training examples.
    public let counterBits: Int
}

/// Data-parallel memorization: each rank counts its shard of the examples into every LUT's
/// counters, the ranks sum the counters (one sum per layer, whose size does not depend on the
/// examples), and every rank makes the same tables from the sums, so the network is bit-identical
/// to `LUTNetwork.train`'s on all the examples, whatever the number of ranks.
public struct DataParallelTrainer: Sendable {
    /// The width of the summed counters.
    package enum CounterWidth: Sendable {
        /// 32 bits, or 64 when the examples of all ranks need them.
        case automatic
        /// 64 bits whatever the count (to check the wide path on small data).
        case wide
    }

    /// Topology, seed and threads per rank.
    public let options: TrainingOptions
    /// Replace the training labels by the seeded coin flips of `BinarizedExamples.withRandomLabels`.
    public let randomLabels: Bool
    package var counterWidth: CounterWidth = .automatic
    let kernels: KernelVariant

    /// A trainer for every rank of a run.
    ///
    /// - Parameters:
    ///   - options: The topology, seed, wiring and threads per rank; every rank passes the same.
    ///   - randomLabels: Whether to replace the training labels by seeded coin flips (the
    ///     memorization experiment).
    public init(options: TrainingOptions, randomLabels: Bool = false) {
        self.options = options
        self.randomLabels = randomLabels
        self.kernels = .active
    }

    /// What shapes the network trained on `shard` for `task` at `threshold`: the ranks' must agree.
    package func setup(shard: DatasetShard, task: BinaryTask, threshold: UInt8) -> TrainingSetup {
        TrainingSetup(options: options, task: task, threshold: threshold, randomLabels: randomLabels, data: shard.fingerprint)
    }

    /// Trains on this rank's part of the data with the other ranks of `communicator`; every rank
    /// calls it with the same options, task and threshold.
    ///
    /// - Parameters:
    ///   - shard: This rank's shard of the data.
    ///   - task: The task: which classes take part, and their labels.
    ///   - threshold: The binarization threshold, 1...255.
    ///   - communicator: This rank's view of the run.
    ///   - progress: Called after each layer with its figures and this rank's timing.
    /// - Returns: The network (the same on every rank) and the figures of the run.
    /// - Throws: ``DistributedError`` on every rank when the ranks' setups differ (options, task,
    ///   threshold or data; naming each differing rank and what differs), when any rank fails (naming
    ///   it and why), when a task group has no examples on any rank, or when communication fails.
    public func train(shard: DatasetShard, task: BinaryTask, threshold: UInt8, communicator: RankCommunicator,
                      progress: ((LayerReport, LayerTiming) -> Void)? = nil) throws(DistributedError) -> DataParallelResult {
        // Before any sum whose size or number depends on the setup.
        try communicator.agree(on: setup(shard: shard, task: task, threshold: threshold))
        let threads = options.threads ?? ParallelWork.defaultThreads
        let trainer = MemorizationTrainer(shape: options.shape, seed: options.seed, threads: threads, kernels: kernels)
        let (train, test) = try communicator.agree { () throws -> (BinarizedExamples, BinarizedExamples?) in
            _ = try Threshold.checked(threshold)
            let augmentation = options.augmentation
            if randomLabels, !augmentation.isNone {
                throw ConfigurationError.invalidValue(option: "--augment", reason: "data-parallel training draws a coin flip per example, "
                                                      + "copies included; train random labels without --augment")
            }
            // Before the bits are made: the shard's examples bound the task's.
            try trainer.checkMemory(trainExamples: try augmentation.trainingCount(shard.train.count, inputCount: shard.train.featureCount, encoding: .threshold,
                                                                                  dataShape: shard.train.imageShape, given: options.imageShape),
                                    testExamples: shard.test?.count ?? 0)
            var train = try ExampleShard.binarize(shard.train, task: task, threshold: threshold)
            let test = try shard.test.map { try ExampleShard.binarize($0, task: task, threshold: threshold) }
            guard train.inputs.rowCount >= 1 else {
                throw ConfigurationError.invalidValue(option: "training examples", reason: "they have no input bits; a LUT needs at least one to read")
            }
            if !augmentation.isNone {
                // Each rank's copies of its own examples: the counts summed are those of all the copies.
                let image = try Augmentation.image(dataShape: shard.train.imageShape, inputCount: train.inputs.rowCount, given: options.imageShape)
                train = try train.augmented(by: augmentation, image: image, threads: threads)
            }
            return (train, test)
        }
        // Every rank holds the same example shape, so every rank makes the same plan or the same error.
        let wiring = try communicator.agree { () throws -> WiringPlan in
            if options.wiring.isLearned {
                throw ConfigurationError.invalidValue(option: "--wiring", reason: "\(options.wiring) wiring learns from all the training examples at once; train it without --mpi")
            }
            return try WiringPlan(spec: options.wiring, shape: options.shape, inputCount: train.inputs.rowCount,
                           dataShape: shard.train.imageShape, imageShape: options.imageShape)
        }
        let census = try ShardCensus(train: train, trainSource: shard.train.source, test: test,
                                     testSource: shard.test?.source, communicator: communicator)
        var trainShard = census.train
        if randomLabels { trainShard.examples = trainShard.examples.withRandomLabels(seed: options.seed, firstExample: trainShard.first) }
        let wide = counterWidth == .wide || trainShard.total > LUTNetLimits.maxExamples
        return try run(train: trainShard, test: census.test, trainer: trainer, wiring: wiring, wide: wide,
                       communicator: communicator, progress: progress)
    }

    /// The layer loop, once the shards are placed.
    private func run(train: ExampleShard, test: ExampleShard?, trainer: MemorizationTrainer, wiring plan: WiringPlan, wide: Bool,
                     communicator: RankCommunicator,
                     progress: ((LayerReport, LayerTiming) -> Void)?) throws(DistributedError) -> DataParallelResult {
        let clock = ContinuousClock.now
        let threads = trainer.threads
        var trainInputs = train.examples.inputs
        var testInputs = test?.examples.inputs
        var layers: [LUTLayer] = [], reports: [LayerReport] = [], timings: [LayerTiming] = []
        let spatial = plan.layers(widths: options.shape.allWidths, ks: options.shape.layerKs, inputCount: trainInputs.rowCount, seed: options.seed,
                                  threads: threads)
        for (index, width) in options.shape.allWidths.enumerated() {
            let layerClock = ContinuousClock.now, k = options.shape.k(layer: index)
            var counting = Duration.zero, waiting = Duration.zero, reduction = Duration.zero, evaluation = Duration.zero
            var bytes = 0
            let wiring = spatial?[index]
                ?? RandomWiring.layer(width: width, k: k, sourceCount: trainInputs.rowCount, seed: options.seed, layer: index)
            var tables: [UInt64] = [], seen: [UInt64] = [], ties = 0
            for luts in LayerCounters.blocks(width: width, k: k) {
                var start = ContinuousClock.now
                let counts = LayerCounters.count(inputs: trainInputs, labels: train.examples.labels, wiring: wiring, k: k,
                                                 luts: luts, threads: threads, kernels: kernels)
                counting += ContinuousClock.now - start
                waiting += try Self.timedBarrier(communicator)
                start = ContinuousClock.now
                let block: (tables: [UInt64], seen: [UInt64], ties: Int)
                if wide {
                    let sums = try communicator.summed(counts.map(UInt64.init))
                    reduction += ContinuousClock.now - start
                    start = ContinuousClock.now
                    block = LayerCounters.tables(counts: sums, k: k, seed: options.seed, layer: index, luts: luts)
                    bytes += sums.count * 8
                } else {
                    var sums = counts
                    try sums.withUnsafeMutableBufferPointer { (buffer) throws(DistributedError) in try communicator.sum(buffer) }
                    reduction += ContinuousClock.now - start
                    start = ContinuousClock.now
                    block = LayerCounters.tables(counts: sums, k: k, seed: options.seed, layer: index, luts: luts)
                    bytes += sums.count * 4
                }
                tables += block.tables
                seen += block.seen
                ties += block.ties
                evaluation += ContinuousClock.now - start
            }
            var start = ContinuousClock.now
            let layer = LUTLayer(validK: k, width: width, sourceCount: trainInputs.rowCount, inputs: wiring, tables: tables,
                                 seenPatterns: seen)
            let trainOutputs = layer.evaluate(trainInputs, threads: threads, kernels: kernels)
            var agreements = Self.agreements(trainOutputs, labels: train.examples.labels, kernels: kernels)
            let testOutputs = testInputs.map { layer.evaluate($0, threads: threads, kernels: kernels) }
            if let testOutputs, let test { agreements += Self.agreements(testOutputs, labels: test.examples.labels, kernels: kernels) }
            evaluation += ContinuousClock.now - start
            waiting += try Self.timedBarrier(communicator)
            start = ContinuousClock.now
            let sums = try communicator.summed(agreements)
            reduction += ContinuousClock.now - start
            bytes += sums.count * 8
            let trainStats = meanAndStandardDeviation(Self.accuracies(sums.prefix(width), total: train.total))
            let testStats = test.map { meanAndStandardDeviation(Self.accuracies(sums.dropFirst(width), total: $0.total)) }
            let report = LayerReport(index: index, width: width, trainAccuracyMean: trainStats.mean,
                                     trainAccuracyStandardDeviation: trainStats.standardDeviation,
                                     testAccuracyMean: testStats?.mean, testAccuracyStandardDeviation: testStats?.standardDeviation,
                                     tiedPatterns: ties, seconds: (ContinuousClock.now - layerClock).seconds)
            let timing = LayerTiming(counting: counting.seconds, waiting: waiting.seconds, reduction: reduction.seconds, evaluation: evaluation.seconds,
                                     bytesReduced: bytes)
            progress?(report, timing)
            reports.append(report)
            timings.append(timing)
            layers.append(layer)
            trainInputs = trainOutputs
            testInputs = testOutputs
        }
        var randomTestAccuracy: Double? = nil
        if randomLabels, let test, let outputs = testInputs {
            let flips = test.examples.withRandomLabels(seed: options.seed &+ 1, firstExample: test.first)
            let agreed = try communicator.summed(Self.agreements(outputs, labels: flips.labels, kernels: kernels))
            randomTestAccuracy = Self.accuracies(agreed[...], total: test.total)[0]
        }
        let network = LUTNetwork(validInputCount: train.examples.inputs.rowCount, threshold: train.examples.threshold,
                                 task: train.examples.task, seed: options.seed, layers: layers, wiring: plan.spec,
                                 image: plan.image, encoding: train.examples.encoding)
        let last = reports[reports.count - 1]
        let report = TrainingReport(layers: reports, trainAccuracy: last.trainAccuracyMean, testAccuracy: last.testAccuracyMean,
                                    seconds: (ContinuousClock.now - clock).seconds)
        return DataParallelResult(network: network, report: report, trainExamples: train.total, testExamples: test?.total,
                                  testAccuracyAgainstRandomLabels: randomTestAccuracy, timings: timings, counterBits: wide ? 64 : 32)
    }

    /// The time `communicator`'s barrier took.
    static func timedBarrier(_ communicator: RankCommunicator) throws(DistributedError) -> Duration {
        let start = ContinuousClock.now
        try communicator.barrier()
        return ContinuousClock.now - start
    }

    /// For every row of `outputs`, the examples where it equals the label.
    static func agreements(_ outputs: BitMatrix, labels: BitMatrix, kernels: KernelVariant) -> [UInt64] {
        outputs.words.withUnsafeBufferPointer { words in
            labels.words.withUnsafeBufferPointer { labels in
                (0..<outputs.rowCount).map { row in
                    lutnet_count_agreements_variant(kernels.cValue, words.baseAddress.map { $0 + row * outputs.wordsPerRow },
                                                    labels.baseAddress, outputs.columnCount)
                }
            }
        }
    }

    /// Agreement counts as accuracies over `total` examples, as the single-process trainer divides them.
    static func accuracies(_ agreements: ArraySlice<UInt64>, total: Int) -> [Double] {
        agreements.map { total > 0 ? Double($0) / Double(total) : 0 }
    }
}
