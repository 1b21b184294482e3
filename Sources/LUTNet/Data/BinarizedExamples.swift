import CSupport

/// The examples of a binary task, binarized for a LUT network: input bits (feature-major), one
/// label bit per example, and the task, threshold and input encoding they were made with, which a
/// network trained on them keeps. At most `LUTNetLimits.maxExamples` examples.
public struct BinarizedExamples: Sendable {
    /// Input bits: one row per feature, one column per example.
    public let inputs: BitMatrix
    /// Labels: one row, one bit per example (0: the task's first group, 1: its second).
    public let labels: BitMatrix
    /// The task the labels answer.
    public let task: BinaryTask
    /// The binarization threshold: an input bit is 1 when its byte was >= threshold.
    public let threshold: UInt8
    /// The bits read of each pixel (the bytes at the threshold unless more were asked for).
    public let encoding: InputEncoding

    /// Number of examples.
    public var count: Int { labels.columnCount }

    /// Binarizes the examples of `images` that take part in `task`, bit = (byte >= `threshold`), after
    /// `encoding` has made each pixel's bytes.
    ///
    /// - Parameters:
    ///   - images: The examples.
    ///   - task: The task: which classes take part, and their labels.
    ///   - threshold: The binarization threshold, 1...255.
    ///   - encoding: The bits read of each pixel; by default its bytes at the threshold.
    ///   - split: The split's name in messages.
    /// - Throws: ``ConfigurationError`` when the threshold is 0, a group of the task has no examples
    ///   in `split`, there are more than ``LUTNetLimits/maxExamples`` examples, or the images do not
    ///   have the encoding's channels.
    public init(images: ImageSet, task: BinaryTask, threshold: UInt8, encoding: InputEncoding = .threshold,
                split: String) throws(ConfigurationError) {
        let (indices, labels) = try Self.select(labels: images.labels, task: task, threshold: threshold, split: split)
        let encoded = try encoding.encode(images)
        self.init(validInputs: try BitMatrix(binarizing: encoded, indices: indices, threshold: threshold),
                  labels: labels, task: task, threshold: threshold, encoding: encoding)
    }

    /// The training and (when the dataset has one) test examples of a task, each made as
    /// ``init(images:task:threshold:encoding:split:)`` makes them and named by their files.
    ///
    /// - Parameters:
    ///   - dataset: The data.
    ///   - task: The task: which classes take part, and their labels.
    ///   - threshold: The binarization threshold, 1...255.
    ///   - encoding: The bits read of each pixel; by default its bytes at the threshold.
    /// - Returns: The binarized training split, and the test split or nil.
    /// - Throws: ``ConfigurationError`` as ``init(images:task:threshold:encoding:split:)`` does, for
    ///   either split.
    public static func splits(of dataset: Dataset, task: BinaryTask, threshold: UInt8, encoding: InputEncoding = .threshold)
        throws(ConfigurationError) -> (train: BinarizedExamples, test: BinarizedExamples?) {
        let train = try BinarizedExamples(images: dataset.train, task: task, threshold: threshold, encoding: encoding,
                                          split: dataset.train.source)
        let test = try dataset.test.map { (split) throws(ConfigurationError) in
            try BinarizedExamples(images: split, task: task, threshold: threshold, encoding: encoding, split: split.source)
        }
        return (train, test)
    }

    /// The examples of `labels` that take part in `task` (ascending indices) and their label bits.
    /// Throws when the threshold is 0 or a group has no examples (naming `split`).
    static func select(labels: [UInt8], task: BinaryTask, threshold: UInt8, split: String) throws(ConfigurationError)
        -> (indices: [UInt32], labels: BitMatrix) {
        _ = try Threshold.checked(threshold)
        let (indices, binary) = task.select(from: labels)
        let bits = try BitMatrix(bits: binary)
        let ones = Int(lutnet_popcount_variant(KernelVariant.active.cValue, bits.words, binary.count))
        if ones == binary.count { throw .emptyTaskGroup(task: task.description, group: 0, split: split) }
        if ones == 0 { throw .emptyTaskGroup(task: task.description, group: 1, split: split) }
        return (indices, bits)
    }

    /// Examples from ready-made bits.
    ///
    /// - Parameters:
    ///   - inputs: The input bits: one row per input bit, one column per example.
    ///   - labels: One row holding one label bit per column of `inputs`.
    ///   - task: The task the labels answer.
    ///   - threshold: The threshold the bits were made at, 1...255.
    ///   - encoding: How the bits were made of images; by default each byte at the threshold.
    /// - Throws: ``ConfigurationError`` when the threshold is 0, `labels` is not one row of one bit
    ///   per example, or the input bits are not whole pixels of `encoding`.
    public init(inputs: BitMatrix, labels: BitMatrix, task: BinaryTask, threshold: UInt8,
                encoding: InputEncoding = .threshold) throws(ConfigurationError) {
        _ = try Threshold.checked(threshold)
        guard labels.rowCount == 1, labels.columnCount == inputs.columnCount else {
            throw .invalidValue(option: "labels", reason: "\(labels.rowCount) × \(labels.columnCount) bits; "
                                + "need one row of one label per example (\(inputs.columnCount))")
        }
        guard encoding.featureCount(inputCount: inputs.rowCount) != nil else {
            throw .invalidValue(option: "inputs", reason: "\(inputs.rowCount) input bits, not whole pixels of input bits "
                                + "\(encoding) (\(encoding.encodedChannels) bits each)")
        }
        self.init(validInputs: inputs, labels: labels, task: task, threshold: threshold, encoding: encoding)
    }

    /// Examples whose parts the caller has checked.
    init(validInputs inputs: BitMatrix, labels: BitMatrix, task: BinaryTask, threshold: UInt8,
         encoding: InputEncoding = .threshold) {
        self.inputs = inputs
        self.labels = labels
        self.task = task
        self.threshold = threshold
        self.encoding = encoding
    }

    /// Other inputs and labels of the same task and threshold (a subset of these examples, say);
    /// the caller keeps one label per example.
    package func replacing(inputs: BitMatrix, labels: BitMatrix) -> BinarizedExamples {
        precondition(labels.rowCount == 1 && labels.columnCount == inputs.columnCount, "one label per example")
        return BinarizedExamples(validInputs: inputs, labels: labels, task: task, threshold: threshold, encoding: encoding)
    }

    /// The same inputs with labels replaced by seeded fair coin flips (the memorization experiment).
    package func withRandomLabels(seed: UInt64) -> BinarizedExamples {
        withRandomLabels(seed: seed, firstExample: 0)
    }

    /// The same inputs with the coin flips of `withRandomLabels(seed:)` that fall to these examples
    /// when they are examples `firstExample` ..< `firstExample + count` of a larger set (a shard of
    /// a data-parallel run).
    package func withRandomLabels(seed: UInt64, firstExample: Int) -> BinarizedExamples {
        var generator = SeededGenerator(seed: seed, stream: 3)
        generator.skip(UInt64(firstExample))
        var random = BitMatrix(rowCount: 1, columnCount: count)
        for i in 0..<count where generator.next() >> 63 == 1 { random[0, i] = true }
        return replacing(inputs: inputs, labels: random)
    }

    /// The same inputs with the coin flips that stand in for a test split's labels in the
    /// memorization experiment of `seed` (a stream of their own, apart from the training flips).
    package func withRandomTestLabels(seed: UInt64) -> BinarizedExamples {
        withRandomLabels(seed: seed &+ 1)
    }

    /// Fraction of examples whose label equals their answer in `answers` (0 or 1, one per example,
    /// as a circuit answers them).
    package func agreement(withAnswers answers: [UInt8]) -> Double {
        precondition(answers.count == count, "one answer per example")
        guard count > 0 else { return 0 }
        return Double(zip(answers, labels.unpackedRow(0)).filter { $0 == $1 }.count) / Double(count)
    }

    /// Fraction of examples whose label equals the bit in `predictions` (a bit row).
    func agreement(with predictions: [UInt64]) -> Double {
        precondition(predictions.count >= labels.wordsPerRow, "one prediction per example")
        guard count > 0 else { return 0 }
        let agreements = labels.words.withUnsafeBufferPointer { labels in
            predictions.withUnsafeBufferPointer { lutnet_count_agreements_variant(KernelVariant.active.cValue, labels.baseAddress, $0.baseAddress, count) }
        }
        return Double(agreements) / Double(count)
    }
}
