import CSupport

/// A trained LUT network: hidden layers of LUTs and a single output LUT whose bit is the answer,
/// with everything needed to apply it to new images (input size, threshold, task).
public struct LUTNetwork: Sendable, Equatable {
    /// Input bits per example (pixels × channels).
    public let inputCount: Int
    /// Binarization threshold: an input bit is 1 when its byte is >= threshold.
    public let threshold: UInt8
    /// The task the network was trained on.
    public let task: BinaryTask
    /// The seed its wiring and tie-breaking came from.
    public let seed: UInt64
    /// All layers, the output LUT last.
    public let layers: [LUTLayer]

    /// A network from its parts; layers must chain (each reads the previous one's outputs) and
    /// end in one LUT.
    public init(inputCount: Int, threshold: UInt8, task: BinaryTask, seed: UInt64, layers: [LUTLayer]) {
        precondition(!layers.isEmpty && layers.last?.width == 1, "a network ends in one output LUT")
        precondition(layers.first?.sourceCount == inputCount, "the first layer must read the inputs")
        for (below, above) in zip(layers, layers.dropFirst()) {
            precondition(above.sourceCount == below.width, "layers must chain")
        }
        self.inputCount = inputCount
        self.threshold = threshold
        self.task = task
        self.seed = seed
        self.layers = layers
    }

    /// LUT fan-in.
    public var k: Int { layers[0].k }

    /// The topology.
    public var shape: NetworkShape {
        // Validated when the network was built or loaded.
        (try? NetworkShape(k: k, hiddenWidths: layers.dropLast().map(\.width)))
            ?? { preconditionFailure("a network always has a valid shape") }()
    }

    /// Total number of LUTs.
    public var lutCount: Int { layers.reduce(0) { $0 + $1.width } }

    /// The network's answer (one bit per example) for binarized inputs.
    public func outputs(for inputs: BitMatrix, threads: Int = ParallelWork.defaultThreads) throws(ConfigurationError) -> BitMatrix {
        guard inputs.rowCount == inputCount else {
            throw .inputSizeMismatch(modelInputs: inputCount, dataFeatures: inputs.rowCount, source: "input")
        }
        var current = inputs
        for layer in layers { current = layer.evaluate(current, threads: threads) }
        return current
    }

    /// Predicted labels (0 or 1) for every image of `images`.
    public func predict(_ images: ImageSet, threads: Int = ParallelWork.defaultThreads) throws(ConfigurationError) -> [UInt8] {
        guard images.featureCount == inputCount else {
            throw .inputSizeMismatch(modelInputs: inputCount, dataFeatures: images.featureCount, source: images.source)
        }
        let all = (0..<UInt32(images.count)).map { $0 }
        let bits = BitMatrix(binarizing: images, indices: all, threshold: threshold)
        return try outputs(for: bits, threads: threads).unpackedRow(0)
    }

    /// Fraction of `examples` whose label the network predicts.
    public func accuracy(on examples: BinarizedExamples, threads: Int = ParallelWork.defaultThreads) throws(ConfigurationError) -> Double {
        let predicted = try outputs(for: examples.inputs, threads: threads)
        return examples.agreement(with: predicted.words)
    }
}
