import CSupport

/// A trained LUT network: hidden layers of LUTs and a single output LUT whose bit is the answer,
/// with everything needed to apply it to new images (input size, threshold, input encoding, task).
public struct LUTNetwork: Sendable, Equatable {
    /// Input bits per example (pixels × channels, or pixels × encoded channels).
    public let inputCount: Int
    /// Binarization threshold: an input bit is 1 when its byte is >= threshold.
    public let threshold: UInt8
    /// The task the network was trained on.
    public let task: BinaryTask
    /// The seed its wiring and tie-breaking came from.
    public let seed: UInt64
    /// All layers, the output LUT last.
    public let layers: [LUTLayer]
    /// How its LUTs chose their inputs (the wiring itself is in `layers`).
    public let wiring: WiringSpec
    /// The shape of the images it reads, when its wiring is spatial (or it was given): of the
    /// encoded images when the encoding adds bits.
    public let image: ImageGeometry?
    /// The bits it reads of each pixel: each byte at `threshold` unless more were asked for.
    public let encoding: InputEncoding

    /// A network from its parts.
    ///
    /// - Parameters:
    ///   - inputCount: Input bits per example.
    ///   - threshold: The binarization threshold, 1...255.
    ///   - task: The task the network answers.
    ///   - seed: The seed its wiring and tie-breaking came from.
    ///   - layers: Its layers, the output LUT last: the first reads `inputCount` inputs, each other
    ///     one the outputs of the layer below; at most ``LUTNetLimits/maxHiddenLayers`` + 1.
    ///   - wiring: How the wiring was chosen; random by default.
    ///   - image: The shape of the images it reads, of `inputCount` inputs; nil when not recorded.
    ///   - encoding: How the input bits are made of an image's bytes; its encoded pixels must divide
    ///     `inputCount`.
    /// - Throws: ``NetworkError`` naming what is wrong when the threshold is 0, the layers do not
    ///   chain or do not end in one output LUT, there are too many, or the image or encoding does
    ///   not fit `inputCount`.
    public init(inputCount: Int, threshold: UInt8, task: BinaryTask, seed: UInt64, layers: [LUTLayer],
                wiring: WiringSpec = .random, image: ImageGeometry? = nil,
                encoding: InputEncoding = .threshold) throws(NetworkError) {
        guard Threshold.isValid(Int(threshold)) else { throw .invalidThreshold(Int(threshold)) }
        guard let last = layers.last else { throw .noLayers }
        guard layers.count <= LUTNetLimits.maxHiddenLayers + 1 else { throw .tooManyLayers(layers.count) }
        guard last.width == 1 else { throw .outputWidth(last.width) }
        var sources = inputCount
        for (index, layer) in layers.enumerated() {
            guard layer.sourceCount == sources else {
                throw .layersDoNotChain(layer: index, sourceCount: layer.sourceCount, expected: sources)
            }
            sources = layer.width
        }
        if let image, image.inputCount != inputCount { throw .imageSize(image: image.description, inputCount: inputCount) }
        guard encoding.featureCount(inputCount: inputCount) != nil else {
            throw .encodingSize(encoding: encoding.description, encodedChannels: encoding.encodedChannels, inputCount: inputCount)
        }
        self.init(validInputCount: inputCount, threshold: threshold, task: task, seed: seed, layers: layers,
                  wiring: wiring, image: image, encoding: encoding)
    }

    /// A network whose layers the trainer made and knows to chain.
    init(validInputCount inputCount: Int, threshold: UInt8, task: BinaryTask, seed: UInt64, layers: [LUTLayer],
         wiring: WiringSpec = .random, image: ImageGeometry? = nil, encoding: InputEncoding = .threshold) {
        self.inputCount = inputCount
        self.threshold = threshold
        self.task = task
        self.seed = seed
        self.layers = layers
        self.wiring = wiring
        self.image = image
        self.encoding = encoding
    }

    /// Bytes per image the network predicts: `inputCount` unless its encoding adds bits.
    public var featureCount: Int {
        encoding.featureCount(inputCount: inputCount) ?? { preconditionFailure("checked when the network was built") }()
    }

    /// LUT fan-in of the first layer (of every layer unless the layers' ks differ: see `layerKs`).
    public var k: Int { layers[0].k }

    /// LUT fan-in of every layer, the output LUT last.
    public var layerKs: [Int] { layers.map(\.k) }

    /// The topology.
    public var shape: NetworkShape {
        // Validated when the network was built or loaded.
        (try? NetworkShape(ks: LayerKs(layerKs), hiddenWidths: layers.dropLast().map(\.width)))
            ?? { preconditionFailure("a network always has a valid shape") }()
    }

    /// Total number of LUTs.
    public var lutCount: Int { layers.reduce(0) { $0 + $1.width } }

    /// The network's answer for binarized inputs. Only the LUTs the answer depends on are evaluated
    /// (``answerLUTCount`` of them).
    ///
    /// - Parameters:
    ///   - inputs: The input bits: one row per input bit, one column per example.
    ///   - threads: The worker threads; nil for one per core.
    /// - Returns: One row: the answer bit of every example.
    /// - Throws: ``ConfigurationError/inputSizeMismatch(modelInputs:dataFeatures:source:)`` when
    ///   `inputs` does not have ``inputCount`` rows.
    public func outputs(for inputs: BitMatrix, threads: Int? = nil) throws(ConfigurationError) -> BitMatrix {
        guard inputs.rowCount == inputCount else {
            throw .inputSizeMismatch(modelInputs: inputCount, dataFeatures: inputs.rowCount, source: "input")
        }
        var current = inputs
        for (layer, selection) in zip(layers, OutputCone(of: layers).layers) {
            current = layer.evaluate(current, only: selection, threads: threads ?? ParallelWork.defaultThreads)
        }
        return current
    }

    /// Number of LUTs the answer depends on: the output LUT, the LUTs it reads, those they read,
    /// and so on to the first layer. The other LUTs only count in per-layer accuracies.
    public var answerLUTCount: Int { OutputCone(of: layers).lutCount }

    /// The predicted label of one example.
    ///
    /// - Parameter pixels: The example's bytes, ``featureCount`` of them, pixels and channels in the
    ///   order of the training images.
    /// - Returns: 0 for the task's first group, 1 for its second.
    /// - Throws: ``ConfigurationError/inputSizeMismatch(modelInputs:dataFeatures:source:)`` when
    ///   `pixels` does not hold ``featureCount`` bytes.
    public func predict(pixels: [UInt8]) throws(ConfigurationError) -> UInt8 {
        guard pixels.count == featureCount else {
            throw .inputSizeMismatch(modelInputs: featureCount, dataFeatures: pixels.count, source: "pixels")
        }
        var bits = BitMatrix(rowCount: inputCount, columnCount: 1)
        for (feature, byte) in encoding.encode(pixels: pixels).enumerated() where byte >= threshold { bits[feature, 0] = true }
        return try outputs(for: bits, threads: 1).unpackedRow(0)[0]
    }

    /// The predicted labels of every image; their labels are not read.
    ///
    /// - Parameters:
    ///   - images: The images, of ``featureCount`` bytes each.
    ///   - threads: The worker threads; nil for one per core.
    /// - Returns: 0 or 1 for every image.
    /// - Throws: ``ConfigurationError`` when the images are not of the network's size or are more
    ///   than ``LUTNetLimits/maxExamples``.
    public func predict(_ images: ImageSet, threads: Int? = nil) throws(ConfigurationError) -> [UInt8] {
        return try outputs(for: try binarize(images), threads: threads).unpackedRow(0)
    }

    /// The input bits of every image: encoded as the network was trained, binarized at its threshold.
    ///
    /// - Parameter images: The images, of ``featureCount`` bytes each.
    /// - Returns: One row per input bit, one column per image.
    /// - Throws: ``ConfigurationError`` when the images are not of the network's size or are more
    ///   than ``LUTNetLimits/maxExamples``.
    public func binarize(_ images: ImageSet) throws(ConfigurationError) -> BitMatrix {
        guard images.featureCount == featureCount else {
            throw .inputSizeMismatch(modelInputs: featureCount, dataFeatures: images.featureCount, source: images.source)
        }
        try BitMatrix.checkSize(rows: inputCount, columns: images.count)
        let all = (0..<UInt32(images.count)).map { $0 }
        return try BitMatrix(binarizing: try encoding.encode(images), indices: all, threshold: threshold)
    }

    /// The fraction of examples whose label the network predicts.
    ///
    /// - Parameters:
    ///   - examples: Binarized examples of the network's input size; their labels may be of another
    ///     task, to measure the network on it.
    ///   - threads: The worker threads; nil for one per core.
    /// - Returns: The accuracy, 0...1.
    /// - Throws: ``ConfigurationError/inputSizeMismatch(modelInputs:dataFeatures:source:)`` when the
    ///   examples are not of the network's input size.
    public func accuracy(on examples: BinarizedExamples, threads: Int? = nil) throws(ConfigurationError) -> Double {
        let predicted = try outputs(for: examples.inputs, threads: threads)
        return examples.agreement(with: predicted.words)
    }
}
