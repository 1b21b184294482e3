import CSupport
import Foundation

/// Trains a multi-class model one-vs-rest: for every class c, a network whose LUTs all learn
/// "class c or not" by memorization with prior-balanced tables (store 1 for a pattern when
/// c1(p)/n1 > c0(p)/n0, so that the rare "class c" side is not drowned by the rest; a seeded coin
/// on a tie), one layer at a time, each layer reading the outputs of the one below on the training
/// set.
struct OneVsRestTrainer: Sendable {
    /// k and every class network's layer widths.
    let shape: NetworkShape
    /// The seed of the wiring.
    let seed: UInt64
    /// Every class's wiring: `local:S` or random (first layer from `ImageWindows` or
    /// `RandomWiring`, the layers above from `RandomWiring`), or any other wiring through `plan`.
    let wiring: WiringSpec
    /// The checked plan of a wiring other than `local:S` and random: every class's layers from it,
    /// the first layer drawn as `local:S` draws it.
    var plan: WiringPlan?
    /// Worker threads.
    let threads: Int
    /// Whether the first layer is shared: every class's network starts with the first layers of
    /// all classes side by side, so that its upper layers read all of them.
    var sharedFirstLayer = false
    /// Whether layers count alternate halves of the training set (even layers the first, odd
    /// layers the second), so that a layer learns from outputs of the layer below on examples that
    /// layer did not memorize.
    var alternateHalves = false
    /// The kernels' instruction-set variant (the model is the same on every variant).
    var kernels: KernelVariant = .active

    /// Every layer's k: a multi-class model has one (`MultiClassNetwork.train` refuses per-layer ks).
    var k: Int { shape.layerKs[0] }

    /// One layer of the LUTs of `layers` (all of one k and source count), in order; it records the
    /// patterns training showed when all of them do.
    static func joined(_ layers: [LUTLayer]) -> LUTLayer {
        let seen = layers.allSatisfy { $0.seenPatterns != nil } ? layers.flatMap { $0.seenPatterns ?? [] } : nil
        return LUTLayer(validK: layers[0].k, width: layers.reduce(0) { $0 + $1.width }, sourceCount: layers[0].sourceCount,
                        inputs: layers.flatMap(\.inputs), tables: layers.flatMap(\.tables), seenPatterns: seen)
    }

    /// The rows of `matrices` (all of one column count), one matrix after another.
    static func stacked(_ matrices: [BitMatrix]) -> BitMatrix {
        var result = BitMatrix(rowCount: matrices.reduce(0) { $0 + $1.rowCount }, columnCount: matrices[0].columnCount)
        result.words = matrices.flatMap(\.words)
        return result
    }

    /// Bytes training needs at its peak: every class's tables, seen patterns and wiring, its outputs on both
    /// splits at two consecutive layers, and the votes.
    func estimatedBytes(classes: Int, trainExamples: Int, testExamples: Int) -> Double {
        let widths = shape.hiddenWidths.map(Double.init), luts = widths.reduce(0, +) * Double(classes)
        let perLUT = Double(LUTLayer.tableWords(k: k) * 16 + k * 4)
        let outputWords = Double((trainExamples + 63) / 64 + (testExamples + 63) / 64)
        let widestPair = zip(widths, widths.dropFirst()).map { $0 + $1 }.max() ?? widths[0]
        let votes = Double(classes * (trainExamples + testExamples) * 4)
        return luts * perLUT + Double(classes) * widestPair * outputWords * 8 + votes
    }

    /// Throws if training needs more memory than the machine has.
    func checkMemory(classes: Int, trainExamples: Int, testExamples: Int) throws(ConfigurationError) {
        let needed = estimatedBytes(classes: classes, trainExamples: trainExamples, testExamples: testExamples)
        let available = Double(ProcessInfo.processInfo.physicalMemory)
        guard needed <= available else {
            throw .networkTooLarge(shape: "\(classes) classes, \(shape.perClassDescription)", needed: needed, available: available)
        }
    }

    /// The seed of class `c`'s network: its own stream of the model's seed.
    func classSeed(_ c: Int) -> UInt64 {
        var generator = SeededGenerator(seed: seed, stream: 8, UInt64(c))
        return generator.next()
    }

    /// Trains every class's network on `train`, reporting after each layer the readout from that
    /// layer's votes on both splits.
    func train(on train: MultiClassExamples, test: MultiClassExamples?,
               progress: ((MultiClassLayerReport) -> Void)?) throws(ConfigurationError) -> MultiClassTrainingResult {
        let clock = ContinuousClock.now
        let classes = train.task.classCount
        let labelRows = (0..<classes).map { train.labelRow(for: UInt8($0)) }
        var trainInputs = [BitMatrix](repeating: train.inputs, count: classes)
        var testInputs = test.map { [BitMatrix](repeating: $0.inputs, count: classes) }
        var layers = [[LUTLayer]](repeating: [], count: classes)
        var reports: [MultiClassLayerReport] = []
        var trainPredicted: [UInt8] = [], testPredicted: [UInt8] = []
        var summedTestVotes = [UInt32](repeating: 0, count: classes * (test?.count ?? 0))
        // A planned wiring fixes every layer of every class before training.
        let planned = (0..<classes).map { c in
            plan?.layers(widths: shape.hiddenWidths, ks: shape.hiddenWidths.map { _ in k }, inputCount: train.inputs.rowCount, seed: classSeed(c),
                         threads: threads, windowStream: ImageWindows.stream)
        }
        for (index, width) in shape.hiddenWidths.enumerated() {
            let layerClock = ContinuousClock.now
            var trainVotes = [UInt32](repeating: 0, count: classes * train.count)
            var testVotes = [UInt32](repeating: 0, count: classes * (test?.count ?? 0))
            for c in 0..<classes {
                let wiring: [UInt32]
                if let layers = planned[c] {
                    wiring = layers[index]
                } else if index == 0, let window = self.wiring.window {
                    wiring = try ImageWindows.layer(width: width, k: k, imageShape: train.imageShape, window: window,
                                                    seed: classSeed(c))
                } else {
                    wiring = RandomWiring.layer(width: width, k: k, sourceCount: trainInputs[c].rowCount,
                                                seed: classSeed(c), layer: index)
                }
                let trained = trainLayer(wiring: wiring, width: width, inputs: trainInputs[c], labels: labelRows[c],
                                         counted: countedWords(layer: index, examples: train.count), ties: (c, index))
                layers[c].append(trained.layer)
                trainInputs[c] = trained.outputs
                MultiClassNetwork.addVotes(of: trained.outputs, to: &trainVotes, offset: c * train.count)
                if let test, testInputs != nil {
                    let outputs = trained.layer.evaluate(testInputs![c], threads: threads)
                    testInputs![c] = outputs
                    MultiClassNetwork.addVotes(of: outputs, to: &testVotes, offset: c * test.count)
                }
            }
            if index == 0, sharedFirstLayer, classes > 1 {
                // Every class's upper layers read the first layers of all classes.
                let shared = Self.joined(layers.map { $0[0] })
                let sharedTrain = Self.stacked(trainInputs), sharedTest = testInputs.map(Self.stacked)
                for c in 0..<classes {
                    layers[c] = [shared]
                    trainInputs[c] = sharedTrain
                    if let sharedTest { testInputs![c] = sharedTest }
                }
            }
            trainPredicted = MultiClassNetwork.readout(trainVotes, classCount: classes, examples: train.count)
            let trainAccuracy = ConfusionMatrix(actual: train.classes, predicted: trainPredicted, classCount: classes).accuracy
            var testAccuracy: Double? = nil, summedAccuracy: Double? = nil
            if let test {
                testPredicted = MultiClassNetwork.readout(testVotes, classCount: classes, examples: test.count)
                testAccuracy = ConfusionMatrix(actual: test.classes, predicted: testPredicted, classCount: classes).accuracy
                for i in summedTestVotes.indices { summedTestVotes[i] += testVotes[i] }
                let summed = MultiClassNetwork.readout(summedTestVotes, classCount: classes, examples: test.count)
                summedAccuracy = ConfusionMatrix(actual: test.classes, predicted: summed, classCount: classes).accuracy
            }
            let report = MultiClassLayerReport(index: index, width: width, trainAccuracy: trainAccuracy,
                                               testAccuracy: testAccuracy, summedVotesTestAccuracy: summedAccuracy,
                                               seconds: (ContinuousClock.now - layerClock).seconds)
            progress?(report)
            reports.append(report)
        }
        let network = MultiClassNetwork(validInputCount: train.inputs.rowCount, threshold: train.threshold, task: train.task,
                                        seed: seed, wiring: wiring, classLayers: layers, encoding: train.encoding)
        return MultiClassTrainingResult(
            network: network, layers: reports,
            trainConfusion: ConfusionMatrix(actual: train.classes, predicted: trainPredicted, classCount: classes),
            testConfusion: test.map { ConfusionMatrix(actual: $0.classes, predicted: testPredicted, classCount: classes) },
            seconds: (ContinuousClock.now - clock).seconds)
    }

    /// The words (of 64 examples) of the training set that layer `layer` counts: all of them, or
    /// with `alternateHalves` the first half for even layers and the second for odd ones.
    func countedWords(layer: Int, examples: Int) -> Range<Int> {
        let words = (examples + 63) / 64, half = words / 2
        guard alternateHalves, half > 0 else { return 0..<words }
        return layer % 2 == 0 ? 0..<half : half..<words
    }

    /// One layer of one class's network: counting over the examples of the `counted` words,
    /// prior-balanced tables (a tie, an unseen pattern included, broken by the bits of stream 9 of
    /// the seed for class `ties.c`, layer `ties.layer` and the LUT), the patterns the training
    /// examples (counted or not) showed each LUT, and the layer's outputs on the whole training set.
    func trainLayer(wiring: [UInt32], width: Int, inputs: BitMatrix, labels: BitMatrix, counted: Range<Int>,
                    ties: (c: Int, layer: Int)) -> (layer: LUTLayer, outputs: BitMatrix) {
        let k = self.k, tableWords = LUTLayer.tableWords(k: k), seed = self.seed, variant = kernels.cValue
        let examples = inputs.columnCount
        let tables = SharedBuffer<UInt64>.allocate(count: width * tableWords, repeating: 0)
        let seen = SharedBuffer<UInt64>.allocate(count: width * tableWords, repeating: 0)
        defer { tables.deallocate(); seen.deallocate() }
        let countedExamples = min(examples, counted.upperBound * 64) - counted.lowerBound * 64
        let ones = labels.words[counted].reduce(0) { $0 + $1.nonzeroBitCount }
        let n0 = UInt64(countedExamples - ones), n1 = UInt64(ones), whole = countedExamples == examples
        let allWords = 0..<((examples + 63) / 64)
        let written = LayerPass.run(inputs: inputs, labels: labels, wiring: wiring, k: k, luts: 0..<width, threads: threads,
                                    writingOutputs: true) { lut in
            var generator = SeededGenerator(seed: seed, stream: 9, UInt64(ties.c), UInt64(ties.layer), UInt64(lut.index))
            lut.drawTieBits(&generator)
            let table = tables.base + lut.index * tableWords
            if whole {
                _ = lut.memorize(variant, n0: n0, n1: n1, table: table)
            } else {
                lut.count(variant, words: counted)
                _ = lutnet_majority_table(lut.counts, lut.k, n0, n1, lut.tieBits, table)
                lut.evaluate(variant, table: table)
                // The patterns of every training example, the half not counted included.
                lut.count(variant, words: allWords)
            }
            lutnet_seen_patterns(lut.counts, lut.k, seen.base + lut.index * tableWords)
        }
        let outputs = written ?? BitMatrix(rowCount: width, columnCount: examples)
        let layer = LUTLayer(validK: k, width: width, sourceCount: inputs.rowCount, inputs: wiring, tables: tables.array,
                             seenPatterns: seen.array)
        return (layer, outputs)
    }
}
