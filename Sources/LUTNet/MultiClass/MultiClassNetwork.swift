import CSupport

/// A trained multi-class model: one network of LUT layers per class, network c trained on "class c
/// or not". A class's score for an example is how many LUTs of its network's last layer say 1;
/// the answer is the class with the best score, a tie going to the lowest class.
public struct MultiClassNetwork: Sendable, Equatable {
    /// Input bits per example (pixels × encoded channels).
    public let inputCount: Int
    /// How the input bits are made of an image's bytes (by default each byte at the threshold).
    public let encoding: InputEncoding
    /// The binary task the model answers through its classes, nil for a model that answers its
    /// class: when set, every class's labels lie in one group of it, and `TrainedModel` answers
    /// the group of the predicted class (see `readingGroups(of:)`).
    public internal(set) var groups: BinaryTask?
    /// Binarization threshold: an input bit is 1 when its byte is >= threshold.
    public let threshold: UInt8
    /// The task: class c of the model is group c.
    public let task: MultiClassTask
    /// The seed its wiring came from.
    public let seed: UInt64
    /// How its wiring was chosen: `local:S`, `hier:S,NEAR,L`, or random (the first layer over the
    /// whole input).
    public let wiring: WiringSpec
    /// The side of the first layer's image windows, nil for wiring over the whole input.
    public var window: Int? { wiring.window }
    /// Every class's layers, bottom first; the last layer's LUTs vote.
    public let classLayers: [[LUTLayer]]

    /// A model from its parts, wired by first-layer windows of one side (or at random).
    ///
    /// - Parameters:
    ///   - inputCount: Input bits per example.
    ///   - threshold: The binarization threshold, 1...255.
    ///   - task: The task; class c of the model is its group c.
    ///   - seed: The seed the wiring came from.
    ///   - window: The side of the first layer's image windows, nil for wiring over the whole input.
    ///   - classLayers: Every class's layers, bottom first.
    /// - Throws: ``NetworkError`` unless there is one network per class of `task`, each of one to
    ///   ``LUTNetLimits/maxHiddenLayers`` layers of one k that chain from `inputCount` inputs, and the
    ///   threshold is 1...255.
    public init(inputCount: Int, threshold: UInt8, task: MultiClassTask, seed: UInt64, window: Int?,
                classLayers: [[LUTLayer]]) throws(NetworkError) {
        try self.init(inputCount: inputCount, threshold: threshold, task: task, seed: seed, wiring: .windowOnly(window),
                      classLayers: classLayers)
    }

    /// A model from its parts; the encoding must make `inputCount` bits of whole pixels.
    ///
    /// - Parameters:
    ///   - inputCount: Input bits per example.
    ///   - threshold: The binarization threshold, 1...255.
    ///   - task: The task; class c of the model is its group c.
    ///   - seed: The seed the wiring came from.
    ///   - wiring: How the wiring was chosen.
    ///   - classLayers: Every class's layers, bottom first.
    ///   - encoding: How the input bits are made of an image's bytes.
    /// - Throws: ``NetworkError`` as ``init(inputCount:threshold:task:seed:window:classLayers:)`` does,
    ///   and when the encoding does not make `inputCount` bits of whole pixels.
    public init(inputCount: Int, threshold: UInt8, task: MultiClassTask, seed: UInt64, wiring: WiringSpec,
                classLayers: [[LUTLayer]], encoding: InputEncoding = .threshold) throws(NetworkError) {
        guard Threshold.isValid(Int(threshold)) else { throw .invalidThreshold(Int(threshold)) }
        guard encoding.featureCount(inputCount: inputCount) != nil else {
            throw .encodingSize(encoding: encoding.description, encodedChannels: encoding.encodedChannels, inputCount: inputCount)
        }
        guard classLayers.count == task.classCount else {
            throw .classCountMismatch(networks: classLayers.count, classes: task.classCount)
        }
        guard let k = classLayers.first?.first?.k else { throw .noLayers }
        for layers in classLayers {
            guard layers.count <= LUTNetLimits.maxHiddenLayers else { throw .tooManyLayers(layers.count) }
            var sources = inputCount
            guard !layers.isEmpty else { throw .noLayers }
            for (index, layer) in layers.enumerated() {
                guard layer.k == k else { throw .mixedK(layer: index, k: layer.k, expected: k) }
                guard layer.sourceCount == sources else {
                    throw .layersDoNotChain(layer: index, sourceCount: layer.sourceCount, expected: sources)
                }
                sources = layer.width
            }
        }
        self.init(validInputCount: inputCount, threshold: threshold, task: task, seed: seed, wiring: wiring,
                  classLayers: classLayers, encoding: encoding)
    }

    /// A model whose parts the trainer made and knows to fit.
    init(validInputCount: Int, threshold: UInt8, task: MultiClassTask, seed: UInt64, wiring: WiringSpec,
         classLayers: [[LUTLayer]], encoding: InputEncoding = .threshold) {
        self.inputCount = validInputCount
        self.encoding = encoding
        self.threshold = threshold
        self.task = task
        self.seed = seed
        self.wiring = wiring
        self.classLayers = classLayers
    }

    /// Bytes per image the model predicts: `inputCount` unless its encoding adds bits.
    public var featureCount: Int {
        encoding.featureCount(inputCount: inputCount) ?? { preconditionFailure("checked when the model was built") }()
    }

    /// Number of classes.
    public var classCount: Int { classLayers.count }
    /// LUT fan-in.
    public var k: Int { classLayers[0][0].k }
    /// Total number of LUTs.
    public var lutCount: Int { classLayers.reduce(0) { $0 + $1.reduce(0) { $0 + $1.width } } }

    /// The votes of every class for every example: how many LUTs of the class network's last layer
    /// say 1.
    ///
    /// - Parameters:
    ///   - inputs: The input bits: one row per input bit, one column per example.
    ///   - threads: The worker threads; nil for one per core.
    /// - Returns: `votes[c * n + e]`, the votes of class c for example e of n.
    /// - Throws: ``ConfigurationError/inputSizeMismatch(modelInputs:dataFeatures:source:)`` when
    ///   `inputs` does not have one row per input bit of the model.
    public func votes(for inputs: BitMatrix, threads: Int? = nil) throws(ConfigurationError) -> [UInt32] {
        guard inputs.rowCount == inputCount else {
            throw .inputSizeMismatch(modelInputs: inputCount, dataFeatures: inputs.rowCount, source: "input")
        }
        let n = inputs.columnCount, threads = threads ?? ParallelWork.defaultThreads
        var votes = [UInt32](repeating: 0, count: classCount * n)
        guard classCount >= 2 * threads, n > 0 else {
            // Few classes for the threads: each layer's LUTs are spread over them.
            for (c, layers) in classLayers.enumerated() {
                var current = inputs
                for layer in layers { current = layer.evaluate(current, threads: threads) }
                Self.addVotes(of: current, to: &votes, offset: c * n)
            }
            return votes
        }
        // Whole class networks spread over the threads: no hand-over between layers, and each
        // network's outputs stay in the cache of the core that reads them.
        let classLayers = self.classLayers
        votes.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedBuffer(buffer)
            ParallelWork.forEach(count: classCount, threads: threads, chunk: 1) { _, classes in
                for c in classes {
                    var current = inputs
                    for layer in classLayers[c] { current = layer.evaluate(current, threads: 1) }
                    Self.addVotes(of: current, to: shared.base + c * n)
                }
            }
        }
        return votes
    }

    /// Adds each example's count of 1 bits over the rows of `outputs` to `votes[offset + e]`.
    static func addVotes(of outputs: BitMatrix, to votes: inout [UInt32], offset: Int) {
        guard outputs.columnCount > 0 else { return }
        votes.withUnsafeMutableBufferPointer { votes in
            addVotes(of: outputs, to: votes.baseAddress! + offset)
        }
    }

    /// Adds each example's count of 1 bits over the rows of `outputs` to `votes[e]` (one entry per
    /// column of `outputs`).
    static func addVotes(of outputs: BitMatrix, to votes: UnsafeMutablePointer<UInt32>) {
        let n = outputs.columnCount
        guard n > 0 else { return }
        outputs.words.withUnsafeBufferPointer { rows in
            lutnet_add_votes(rows.baseAddress, outputs.rowCount, outputs.wordsPerRow, n, votes)
        }
    }

    /// The best-voted class of every example from `votes` laid out as `votes(for:)` returns them;
    /// a tie goes to the lowest class.
    static func readout(_ votes: [UInt32], classCount: Int, examples n: Int) -> [UInt8] {
        var best = [UInt8](repeating: 0, count: n)
        var bestVotes = Array(votes.prefix(n))
        for c in 1..<max(classCount, 1) {
            for e in 0..<n where votes[c * n + e] > bestVotes[e] {
                bestVotes[e] = votes[c * n + e]
                best[e] = UInt8(c)
            }
        }
        return best
    }

    /// The predicted class of every example of binarized inputs.
    ///
    /// - Parameters:
    ///   - inputs: The input bits: one row per input bit, one column per example.
    ///   - threads: The worker threads; nil for one per core.
    /// - Returns: The best-voted class of every example, a tie going to the lowest class.
    /// - Throws: ``ConfigurationError/inputSizeMismatch(modelInputs:dataFeatures:source:)`` when
    ///   `inputs` does not have one row per input bit of the model.
    public func predict(inputs: BitMatrix, threads: Int? = nil) throws(ConfigurationError) -> [UInt8] {
        Self.readout(try votes(for: inputs, threads: threads), classCount: classCount, examples: inputs.columnCount)
    }

    /// The predicted class of every image; their labels are not read.
    ///
    /// - Parameters:
    ///   - images: The images, of ``featureCount`` bytes each.
    ///   - threads: The worker threads; nil for one per core.
    /// - Returns: The best-voted class of every image, a tie going to the lowest class.
    /// - Throws: ``ConfigurationError`` when the images are not of the model's size or are more
    ///   than ``LUTNetLimits/maxExamples``.
    public func predict(_ images: ImageSet, threads: Int? = nil) throws(ConfigurationError) -> [UInt8] {
        try predict(inputs: try binarize(images), threads: threads)
    }

    /// The input bits of every image: encoded by the model's input bits, binarized at its threshold.
    ///
    /// - Parameter images: The images, of ``featureCount`` bytes each.
    /// - Returns: One row per input bit, one column per image.
    /// - Throws: ``ConfigurationError`` when the images are not of the model's size or are more
    ///   than ``LUTNetLimits/maxExamples``.
    public func binarize(_ images: ImageSet) throws(ConfigurationError) -> BitMatrix {
        guard images.featureCount == featureCount else {
            throw .inputSizeMismatch(modelInputs: featureCount, dataFeatures: images.featureCount, source: images.source)
        }
        try BitMatrix.checkSize(rows: inputCount, columns: images.count)
        return try BitMatrix(binarizing: try encoding.encode(images), indices: (0..<UInt32(images.count)).map { $0 }, threshold: threshold)
    }

    /// The predicted class of one example.
    ///
    /// - Parameter pixels: The example's bytes, ``featureCount`` of them (encoded by the model's
    ///   input bits).
    /// - Returns: The best-voted class, a tie going to the lowest class.
    /// - Throws: ``ConfigurationError/inputSizeMismatch(modelInputs:dataFeatures:source:)`` when
    ///   `pixels` does not hold ``featureCount`` bytes.
    public func predict(pixels: [UInt8]) throws(ConfigurationError) -> UInt8 {
        guard pixels.count == featureCount else {
            throw .inputSizeMismatch(modelInputs: featureCount, dataFeatures: pixels.count, source: "pixels")
        }
        var bits = BitMatrix(rowCount: inputCount, columnCount: 1)
        for (feature, byte) in encoding.encode(pixels: pixels).enumerated() where byte >= threshold { bits[feature, 0] = true }
        return try predict(inputs: bits, threads: 1)[0]
    }

    /// The confusion matrix of the model on binarized examples.
    ///
    /// - Parameters:
    ///   - examples: Examples of the model's task and input size.
    ///   - threads: The worker threads; nil for one per core.
    /// - Returns: How often each class was predicted as each class.
    /// - Throws: ``ConfigurationError`` when the examples are of another task or input size.
    public func confusion(on examples: MultiClassExamples, threads: Int? = nil) throws(ConfigurationError) -> ConfusionMatrix {
        guard examples.task == task else {
            throw .invalidValue(option: "examples", reason: "they are labeled for task \(examples.task), the model for \(task)")
        }
        return ConfusionMatrix(actual: examples.classes, predicted: try predict(inputs: examples.inputs, threads: threads),
                               classCount: classCount)
    }
}
