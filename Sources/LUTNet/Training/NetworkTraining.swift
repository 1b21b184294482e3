/// How to train a LUT network: its topology, the seed of its wiring and tie-breaking, and the
/// worker threads.
public struct TrainingOptions: Sendable, Equatable {
    /// The topology: k and the hidden layers' widths.
    public var shape: NetworkShape
    /// The seed of the wiring and tie-breaking: the same seed and data give a bit-identical network
    /// whatever the number of threads.
    public var seed: UInt64
    /// Worker threads (LUTs are spread across them, at most one per LUT of a layer), 1 or more;
    /// nil for one per core. Training needs one set of counters per worker, which its memory
    /// check counts.
    public var threads: Int?
    /// How the LUTs choose their inputs: the paper's random wiring by default.
    public var wiring: WiringSpec
    /// The images' shape for spatial wiring, when the data does not tell it (a PLA file whose
    /// input count is not a square) or to override it; nil to take it from the data.
    public var imageShape: ImageGeometry?
    /// The copies of every training image memorized beside it (``Augmentation/none`` by
    /// default), on images of `imageShape` or the data's shape: the training examples become
    /// ``Augmentation/copyCount`` times as many, and the training accuracies count them all. Test
    /// examples are not augmented.
    public var augmentation = Augmentation.none

    /// Options for a network.
    ///
    /// - Parameters:
    ///   - shape: The topology; by default the paper's k = 8, 5 × 1024.
    ///   - seed: The seed of the wiring and tie-breaking.
    ///   - threads: The worker threads, 1 or more; nil for one per core.
    ///   - wiring: How the LUTs choose their inputs; by default the paper's random wiring.
    ///   - imageShape: The images' shape for spatial wiring; nil to take it from the data.
    public init(shape: NetworkShape = .paper, seed: UInt64 = 0, threads: Int? = nil, wiring: WiringSpec = .random,
                imageShape: ImageGeometry? = nil) {
        self.shape = shape
        self.seed = seed
        self.threads = threads
        self.wiring = wiring
        self.imageShape = imageShape
    }
}

/// A trained network and the figures of its training.
public struct TrainingResult: Sendable {
    /// The network, ready to predict or to save with `ModelFile.save`.
    public let network: LUTNetwork
    /// Per-layer and overall accuracies and times.
    public let report: TrainingReport
}

extension LUTNetwork {
    /// Trains a network by memorization on the examples of a task in a dataset's training split, and
    /// measures it on the test split when the dataset has one.
    ///
    /// - Parameters:
    ///   - dataset: The data.
    ///   - task: The task: which classes take part, and their labels.
    ///   - threshold: The binarization threshold, 1...255: a byte is 1 when it is >= threshold.
    ///   - inputBits: The bits read of each pixel; by default each byte at the threshold.
    ///   - options: The shape, seed, threads, wiring and augmentation of the training split.
    ///   - progress: Called after each layer with its figures.
    /// - Returns: The network and the figures of its training.
    /// - Throws: ``ConfigurationError`` when the threshold is 0, a task group has no examples in a
    ///   split, a split has more than ``LUTNetLimits/maxExamples`` examples, the input bits do not fit
    ///   the images (opponents of gray pixels), the wiring or augmentation does not fit the images or
    ///   the shape, the thread count is out of range, or training would need more memory than the
    ///   machine has.
    public static func train(on dataset: Dataset, task: BinaryTask, threshold: UInt8 = 128,
                             inputBits: [InputBitFamily] = [.threshold], options: TrainingOptions = TrainingOptions(),
                             progress: ((LayerReport) -> Void)? = nil) throws(ConfigurationError) -> TrainingResult {
        let encoding = try InputEncoding(families: inputBits, for: dataset.train)
        let (train, test) = try BinarizedExamples.splits(of: dataset, task: task, threshold: threshold, encoding: encoding)
        return try Self.train(on: train, test: test, options: options, dataShape: encoding.encodedShape(dataset.train.imageShape),
                              progress: progress)
    }

    /// Trains a network by memorization on binarized examples, for their task and threshold, and
    /// measures every layer on `test` when given. Spatial wiring takes the images' shape from
    /// `options.imageShape`, else from `dataShape`, else from a square input count.
    ///
    /// - Parameters:
    ///   - train: The training examples.
    ///   - test: The test examples, of the same task, threshold, input bits and input size; nil for
    ///     none.
    ///   - options: The shape, seed, threads, wiring and augmentation of `train`.
    ///   - dataShape: The shape of one (encoded) example, e.g. `[28, 28]`; nil for none.
    ///   - progress: Called after each layer with its figures.
    /// - Returns: The network and the figures of its training.
    /// - Throws: ``ConfigurationError`` when the examples have no input bits, `test` differs from
    ///   `train` in task, threshold, input bits or input size, the wiring does not fit the images or
    ///   the shape, the thread count is out of range, the augmentation does not fit the examples
    ///   (no image shape, too many examples), or training would need more memory than the machine
    ///   has.
    public static func train(on train: BinarizedExamples, test: BinarizedExamples? = nil,
                             options: TrainingOptions = TrainingOptions(), dataShape: [Int]? = nil,
                             progress: ((LayerReport) -> Void)? = nil) throws(ConfigurationError) -> TrainingResult {
        let threads = options.threads ?? ParallelWork.defaultThreads
        guard threads >= 1 else { throw .invalidValue(option: "threads", reason: "\(threads) threads; use 1 or more") }
        guard train.inputs.rowCount >= 1 else {
            throw .invalidValue(option: "training examples", reason: "they have no input bits; a LUT needs at least one to read")
        }
        if let test {
            guard test.task == train.task else {
                throw .invalidValue(option: "test examples", reason: "they are labeled for task \(test.task), "
                                    + "the training examples for \(train.task)")
            }
            guard test.threshold == train.threshold else {
                throw .invalidValue(option: "test examples", reason: "they are binarized at threshold \(test.threshold), "
                                    + "the training examples at \(train.threshold)")
            }
            guard test.encoding == train.encoding else {
                throw .invalidValue(option: "test examples", reason: "they read input bits \(test.encoding), "
                                    + "the training examples \(train.encoding)")
            }
            guard test.inputs.rowCount == train.inputs.rowCount else {
                throw .inputSizeMismatch(modelInputs: train.inputs.rowCount, dataFeatures: test.inputs.rowCount,
                                         source: "test examples")
            }
        }
        let wiring = try WiringPlan(spec: options.wiring, shape: options.shape, inputCount: train.inputs.rowCount,
                                    dataShape: dataShape ?? [train.inputs.rowCount], imageShape: options.imageShape)
        let trainer = MemorizationTrainer(shape: options.shape, seed: options.seed, threads: threads, wiring: wiring)
        let augmentation = options.augmentation
        let trainCount = try augmentation.trainingCount(train.count, inputCount: train.inputs.rowCount, encoding: train.encoding,
                                                        dataShape: dataShape, given: options.imageShape)
        try trainer.checkMemory(trainExamples: trainCount, testExamples: test?.count ?? 0)
        let examples = augmentation.isNone ? train : try train.augmented(
            by: augmentation, image: try Augmentation.image(dataShape: dataShape, inputCount: train.inputs.rowCount, given: options.imageShape),
            threads: threads)
        return trainer.train(on: examples, test: test, progress: progress)
    }
}
