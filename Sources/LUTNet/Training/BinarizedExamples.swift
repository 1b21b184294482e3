import CSupport

/// The examples of a binary task, binarized for a LUT network: input bits (feature-major) and
/// one label bit per example.
public struct BinarizedExamples: Sendable {
    /// Input bits: one row per feature, one column per example.
    public let inputs: BitMatrix
    /// Labels: one row, one bit per example.
    public let labels: BitMatrix

    /// Number of examples.
    public var count: Int { labels.columnCount }

    /// Binarizes the examples of `images` that take part in `task`. Both groups must have examples.
    public init(images: ImageSet, task: BinaryTask, threshold: UInt8, split: String) throws(ConfigurationError) {
        let (indices, binary) = task.select(from: images.labels)
        let labels = BitMatrix(bits: binary)
        let ones = Int(lutnet_popcount_variant(KernelVariant.active.cValue, labels.words, binary.count))
        if ones == binary.count { throw .emptyTaskGroup(task: task.description, group: 0, split: split) }
        if ones == 0 { throw .emptyTaskGroup(task: task.description, group: 1, split: split) }
        self.inputs = BitMatrix(binarizing: images, indices: indices, threshold: threshold)
        self.labels = labels
    }

    /// Examples from ready-made bits.
    public init(inputs: BitMatrix, labels: BitMatrix) {
        precondition(labels.rowCount == 1 && labels.columnCount == inputs.columnCount, "one label per example")
        self.inputs = inputs
        self.labels = labels
    }

    /// The same inputs with labels replaced by seeded fair coin flips (the memorization experiment).
    public func withRandomLabels(seed: UInt64) -> BinarizedExamples {
        var generator = SeededGenerator(seed: seed, stream: 3)
        var random = BitMatrix(rowCount: 1, columnCount: count)
        for i in 0..<count where generator.next() >> 63 == 1 { random[0, i] = true }
        return BinarizedExamples(inputs: inputs, labels: random)
    }

    /// The same inputs with the coin flips that stand in for a test split's labels in the
    /// memorization experiment of `seed` (a stream of their own, apart from the training flips).
    public func withRandomTestLabels(seed: UInt64) -> BinarizedExamples {
        withRandomLabels(seed: seed &+ 1)
    }

    /// Fraction of examples whose label equals the bit in `predictions` (a bit row).
    public func agreement(with predictions: [UInt64]) -> Double {
        precondition(predictions.count >= labels.wordsPerRow, "one prediction per example")
        guard count > 0 else { return 0 }
        let agreements = labels.words.withUnsafeBufferPointer { labels in
            predictions.withUnsafeBufferPointer { lutnet_count_agreements_variant(KernelVariant.active.cValue, labels.baseAddress, $0.baseAddress, count) }
        }
        return Double(agreements) / Double(count)
    }
}
