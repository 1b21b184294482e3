import CSupport
import Foundation

/// Trains LUT networks by memorization, one layer at a time: for every LUT and every input pattern,
/// count the training examples of each label showing it and store the majority label; a tie
/// (including a pattern never seen) takes a bit from the LUT's seeded generator. Every layer learns
/// the final label; a layer's outputs on the training set are the next layer's inputs.
///
/// The same seed gives a bit-identical network whatever the number of threads: every LUT draws its
/// wiring and tie bits from its own stream of the seed.
struct MemorizationTrainer: Sendable {
    /// The topology to train.
    let shape: NetworkShape
    /// The seed of the wiring and tie-breaking.
    let seed: UInt64
    /// Worker threads (LUTs are spread across them).
    let threads: Int
    /// The kernels' instruction-set variant (the result is the same on every variant).
    let kernels: KernelVariant
    /// How the LUTs choose their inputs, checked against the shape and the images.
    let wiring: WiringPlan

    /// A trainer for `shape`.
    init(shape: NetworkShape, seed: UInt64 = 0, threads: Int = ParallelWork.defaultThreads,
         kernels: KernelVariant = .active, wiring: WiringPlan = .random) {
        self.shape = shape
        self.seed = seed
        self.threads = max(1, threads)
        self.kernels = kernels
        self.wiring = wiring
    }

    /// Bytes training needs at its peak for `trainExamples` (and `testExamples`) examples: every
    /// layer's wiring, tables and seen-pattern masks, two consecutive layers' outputs, and the
    /// per-worker counters and patterns.
    func estimatedBytes(trainExamples: Int, testExamples: Int = 0) -> Double {
        let widths = shape.allWidths.map(Double.init), k = shape.layerKs.max() ?? 1
        let tablesAndWiring = zip(shape.allWidths, shape.layerKs).reduce(0.0) { total, layer in
            total + Double(layer.0) * Double(LUTLayer.tableWords(k: layer.1) * 16 + layer.1 * 4)
        }
        let outputWords = Double((trainExamples + 63) / 64 + (testExamples + 63) / 64)
        let widestPair = zip(widths, widths.dropFirst()).map { $0 + $1 }.max() ?? widths[0]
        // Per worker: the counters, and a byte per training example for its patterns.
        let counters = Double(min(threads, Int(widths.max() ?? 1))) * Double((4 << (k + 1)) + trainExamples)
        return tablesAndWiring + widestPair * outputWords * 8 + counters
    }

    /// Throws if training on this many examples needs more memory than the machine has.
    func checkMemory(trainExamples: Int, testExamples: Int = 0) throws(ConfigurationError) {
        let needed = estimatedBytes(trainExamples: trainExamples, testExamples: testExamples)
        let available = Double(ProcessInfo.processInfo.physicalMemory)
        guard needed <= available else {
            throw .networkTooLarge(shape: shape.description, needed: needed, available: available)
        }
    }

    /// Trains a network on `train` for its task and threshold and reports per-layer figures (on
    /// `test` too, when given: the caller has checked that it matches). `progress` is called after
    /// each layer.
    func train(on train: BinarizedExamples, test: BinarizedExamples? = nil,
               progress: ((LayerReport) -> Void)? = nil) -> TrainingResult {
        let clock = ContinuousClock.now
        var trainInputs = train.inputs
        var testInputs = test?.inputs
        var layers: [LUTLayer] = []
        var reports: [LayerReport] = []
        let wirings = wiring.layers(widths: shape.allWidths, ks: shape.layerKs, inputCount: train.inputs.rowCount, seed: seed,
                                     threads: threads)
        for (index, width) in shape.allWidths.enumerated() {
            let layerClock = ContinuousClock.now
            let trained = trainLayer(index: index, width: width, inputs: trainInputs, labels: train.labels,
                                     wiring: wirings?[index])
            var testAccuracies: [Double]? = nil
            if let test, let inputs = testInputs {
                let outputs = trained.layer.evaluate(inputs, threads: threads, kernels: kernels)
                testAccuracies = Self.rowAccuracies(outputs, labels: test.labels, kernels: kernels)
                testInputs = outputs
            }
            let trainStats = meanAndStandardDeviation(trained.accuracies)
            let testStats = testAccuracies.map(meanAndStandardDeviation)
            let report = LayerReport(index: index, width: width, trainAccuracyMean: trainStats.mean,
                                     trainAccuracyStandardDeviation: trainStats.standardDeviation,
                                     testAccuracyMean: testStats?.mean,
                                     testAccuracyStandardDeviation: testStats?.standardDeviation,
                                     tiedPatterns: trained.ties, seconds: (ContinuousClock.now - layerClock).seconds)
            progress?(report)
            reports.append(report)
            layers.append(trained.layer)
            trainInputs = trained.outputs
        }
        let network = LUTNetwork(validInputCount: train.inputs.rowCount, threshold: train.threshold, task: train.task,
                                 seed: seed, layers: layers, wiring: wiring.spec, image: wiring.image, encoding: train.encoding)
        let last = reports[reports.count - 1]
        let report = TrainingReport(layers: reports, trainAccuracy: last.trainAccuracyMean,
                                    testAccuracy: last.testAccuracyMean, seconds: (ContinuousClock.now - clock).seconds)
        return TrainingResult(network: network, report: report)
    }

    /// One layer, of the shape's k for layer `index`: wiring (`wiring`, `width * k` indices below
    /// `inputs.rowCount`, or when nil the seeded random wiring, or the wiring learned from `inputs`
    /// and `labels` when the plan's wiring is learned), then for every LUT counting, its
    /// majority table and its outputs on the training set (one kernel call).
    func trainLayer(index: Int, width: Int, inputs: BitMatrix, labels: BitMatrix, wiring given: [UInt32]? = nil)
        -> (layer: LUTLayer, outputs: BitMatrix, accuracies: [Double], ties: Int) {
        let k = shape.k(layer: index), seed = self.seed, variant = kernels.cValue
        let tableWords = LUTLayer.tableWords(k: k)
        let wiring = given ?? (self.wiring.spec.isLearned
            ? GreedyWiring.layer(width: width, k: k, inputs: inputs, labels: labels, threads: threads, kernels: kernels)
            : RandomWiring.layer(width: width, k: k, sourceCount: inputs.rowCount, seed: seed, layer: index))
        // What each LUT gives, in its own slot; released below.
        let tables = SharedBuffer<UInt64>.allocate(count: width * tableWords, repeating: 0)
        let seen = SharedBuffer<UInt64>.allocate(count: width * tableWords, repeating: 0)
        let accuracy = SharedBuffer<Double>.allocate(count: width, repeating: 0)
        let tied = SharedBuffer<Int>.allocate(count: width, repeating: 0)
        defer { tables.deallocate(); seen.deallocate(); accuracy.deallocate(); tied.deallocate() }
        let written = LayerPass.run(inputs: inputs, labels: labels, wiring: wiring, k: k, luts: 0..<width, threads: threads,
                                    writingOutputs: true) { lut in
            var generator = SeededGenerator(seed: seed, stream: 2, UInt64(index), UInt64(lut.index))
            lut.drawTieBits(&generator)
            // The paper's plain majority: both sides weighted 1.
            tied[lut.index] = lut.memorize(variant, n0: 1, n1: 1, table: tables.base + lut.index * tableWords)
            lutnet_seen_patterns(lut.counts, lut.k, seen.base + lut.index * tableWords)
            let agreements = lutnet_count_agreements_variant(variant, lut.output, lut.labels, lut.examples)
            accuracy[lut.index] = lut.examples > 0 ? Double(agreements) / Double(lut.examples) : 0
        }
        let outputs = written ?? BitMatrix(rowCount: width, columnCount: inputs.columnCount)
        let layer = LUTLayer(validK: k, width: width, sourceCount: inputs.rowCount, inputs: wiring, tables: tables.array,
                             seenPatterns: seen.array)
        return (layer, outputs, accuracy.array, tied.array.reduce(0, +))
    }

    /// Accuracy of every row of `outputs` against `labels`.
    static func rowAccuracies(_ outputs: BitMatrix, labels: BitMatrix, kernels: KernelVariant) -> [Double] {
        let examples = outputs.columnCount
        guard examples > 0 else { return [Double](repeating: 0, count: outputs.rowCount) }
        return (0..<outputs.rowCount).map { row in
            outputs.words.withUnsafeBufferPointer { words in
                labels.words.withUnsafeBufferPointer { labels in
                    Double(lutnet_count_agreements_variant(kernels.cValue, words.baseAddress.map { $0 + row * outputs.wordsPerRow },
                                                           labels.baseAddress, examples)) / Double(examples)
                }
            }
        }
    }

}
