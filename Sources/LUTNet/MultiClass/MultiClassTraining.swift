/// How to train a multi-class model: the topology of every class's network, the seed, its wiring
/// (the first layer's image windows, and nearest wiring above) and the worker threads.
public struct MultiClassTrainingOptions: Sendable, Equatable {
    /// k and the widths of every class's layers (its last layer's LUTs vote).
    public var shape: NetworkShape
    /// The seed of the wiring: the same seed and data give a bit-identical model whatever the
    /// number of threads.
    public var seed: UInt64
    /// How every class's LUTs choose their inputs: `local:S` (each first-layer LUT reads k inputs of
    /// one random S × S window of the image, the layers above read anywhere in the class's layer
    /// below), `hier:S,NEAR,L` (layers 2 to L of every class read k of the NEAR nearest LUTs of the
    /// class's layer below), or random (the first layer reads anywhere in the input).
    public var wiring: WiringSpec
    /// The side S of the first layer's windows, nil to wire the first layer over the whole input.
    /// Setting it makes the wiring `local:S` (random for nil).
    public var window: Int? {
        get { wiring.window }
        set { wiring = .windowOnly(newValue) }
    }
    /// Worker threads, 1 or more; nil for one per core.
    public var threads: Int?
    /// Whether the first layer is shared by all classes: each class's second layer reads the first
    /// layers of every class (its model holds that joined layer, once per class). Off by default:
    /// measured worse on MNIST (EXPERIMENTS.md).
    public var sharedFirstLayer = false
    /// Whether the layers count alternate halves of the training examples (even layers the first
    /// half, odd layers the second), each layer learning from the outputs of the layer below on
    /// examples that layer did not memorize.
    public var alternateHalves = false
    /// The copies of every training image memorized beside it (``Augmentation/none`` by
    /// default): the training examples become ``Augmentation/copyCount`` times as many, and the
    /// training figures (the layers' training accuracies, the training confusion matrix) count
    /// them all. Test examples are not augmented.
    public var augmentation = Augmentation.none

    /// Options for first-layer windows of one side.
    ///
    /// - Parameters:
    ///   - shape: k and the widths of every class's layers; by default ``TrainingPolicy``'s, k = 10
    ///     and 3 × 500.
    ///   - seed: The seed of the wiring.
    ///   - window: The side of the first layer's windows, by default
    ///     ``TrainingPolicy/multiClassWindow``; nil to wire the first layer over the whole input.
    ///   - threads: The worker threads, 1 or more; nil for one per core.
    public init(shape: NetworkShape = .oneVsRest, seed: UInt64 = 0, window: Int? = TrainingPolicy.multiClassWindow,
                threads: Int? = nil) {
        self.init(shape: shape, seed: seed, wiring: .windowOnly(window), threads: threads)
    }

    /// Options for any wiring.
    ///
    /// - Parameters:
    ///   - shape: k and the widths of every class's layers; by default k = 10, 3 × 500.
    ///   - seed: The seed of the wiring.
    ///   - wiring: How every class's LUTs choose their inputs.
    ///   - threads: The worker threads, 1 or more; nil for one per core.
    public init(shape: NetworkShape = .oneVsRest, seed: UInt64 = 0, wiring: WiringSpec, threads: Int? = nil) {
        self.shape = shape
        self.seed = seed
        self.wiring = wiring
        self.threads = threads
    }
}

extension NetworkShape {
    /// The shape as every class's network of a multi-class model has it (no output LUT):
    /// `k=10, 500,500,500 per class`.
    package var perClassDescription: String {
        "k=\(ks), " + hiddenWidths.map(String.init).joined(separator: ",") + " per class"
    }

    /// The default shape of each class's network in a multi-class model: k = 10, 3 × 500 (on
    /// MNIST's ten classes the best of the shapes measured for its training time).
    public static var oneVsRest: NetworkShape {
        (try? NetworkShape(k: TrainingPolicy.multiClassK, layers: TrainingPolicy.multiClassLayers))
            ?? { preconditionFailure("a valid shape") }()
    }
}

/// The figures of one layer of a multi-class model: the accuracy of the readout from that layer's
/// votes.
public struct MultiClassLayerReport: Sendable, Equatable {
    /// Layer index, 0 for the first.
    public let index: Int
    /// LUTs per class in the layer.
    public let width: Int
    /// Accuracy on the training examples when this layer votes.
    public let trainAccuracy: Double
    /// Accuracy on the test examples when this layer votes (nil without test examples).
    public let testAccuracy: Double?
    /// Test accuracy when the votes of this layer and of every layer below are summed (the
    /// readout the model does not use, measured to compare; nil without test examples).
    public let summedVotesTestAccuracy: Double?
    /// Seconds to train the layer of every class.
    public let seconds: Double
}

/// A trained multi-class model and the figures of its training.
public struct MultiClassTrainingResult: Sendable {
    /// The model.
    public let network: MultiClassNetwork
    /// Per layer, the readout's accuracies.
    public let layers: [MultiClassLayerReport]
    /// The model's confusion matrix on the training examples.
    public let trainConfusion: ConfusionMatrix
    /// Its confusion matrix on the test examples, when given.
    public let testConfusion: ConfusionMatrix?
    /// Seconds of training, the per-layer readouts included.
    public let seconds: Double
}

extension MultiClassNetwork {
    /// Trains a model on the examples of a task in a dataset's training split and measures it on the
    /// test split when there is one.
    ///
    /// - Parameters:
    ///   - dataset: The data.
    ///   - task: The task: which classes take part, and their groups.
    ///   - threshold: The binarization threshold, 1...255: a byte is 1 when it is >= threshold.
    ///   - inputBits: The bits read of every pixel (by default each byte at the threshold).
    ///   - options: The shape, seed, wiring, threads and augmentation of the training split.
    ///   - progress: Called after each layer with its figures.
    /// - Returns: The model and the figures of its training.
    /// - Throws: ``ConfigurationError`` for a threshold of 0, input bits that do not fit the images,
    ///   a class without training examples, an impossible shape, wiring, window, thread count or
    ///   augmentation, or a model too large for the machine's memory.
    public static func train(on dataset: Dataset, task: MultiClassTask, threshold: UInt8 = 128,
                             inputBits: [InputBitFamily] = [.threshold],
                             options: MultiClassTrainingOptions = MultiClassTrainingOptions(),
                             progress: ((MultiClassLayerReport) -> Void)? = nil) throws(ConfigurationError) -> MultiClassTrainingResult {
        let encoding = try InputEncoding(families: inputBits, for: dataset.train)
        let train = try MultiClassExamples(images: dataset.train, task: task, threshold: threshold, split: dataset.train.source,
                                           encoding: encoding)
        let test = try dataset.test.map { (split) throws(ConfigurationError) in
            try MultiClassExamples(images: split, task: task, threshold: threshold, split: split.source, everyClass: false,
                                   encoding: encoding)
        }
        return try Self.train(on: train, test: test, options: options, progress: progress)
    }

    /// Trains a model on binarized examples and measures every layer's readout on `test` when given.
    ///
    /// - Parameters:
    ///   - train: The training examples.
    ///   - test: The test examples, of the same task, threshold, input bits and input size; nil for
    ///     none.
    ///   - options: The shape, seed, wiring, threads and augmentation of `train`.
    ///   - progress: Called after each layer with its figures.
    /// - Returns: The model and the figures of its training.
    /// - Throws: ``ConfigurationError`` when `test` differs from `train` in task, threshold, input
    ///   bits or input size, the shape, wiring, window or thread count is impossible, the
    ///   augmentation does not fit the examples (no image shape, too many examples), or the model
    ///   would need more memory than the machine has.
    public static func train(on train: MultiClassExamples, test: MultiClassExamples? = nil,
                             options: MultiClassTrainingOptions = MultiClassTrainingOptions(),
                             progress: ((MultiClassLayerReport) -> Void)? = nil) throws(ConfigurationError) -> MultiClassTrainingResult {
        let threads = try ParallelWork.validated(threads: options.threads ?? ParallelWork.defaultThreads)
        guard !options.shape.hiddenWidths.isEmpty else {
            throw .invalidLayers("", reason: "a multi-class model needs at least one layer per class to vote")
        }
        _ = try options.shape.ks.single(option: "--k", why: LayerKs.multiClassReason)
        guard train.inputs.rowCount >= 1 else {
            throw .invalidValue(option: "training examples", reason: "they have no input bits; a LUT needs at least one to read")
        }
        if let test {
            guard test.task == train.task, test.threshold == train.threshold, test.encoding == train.encoding else {
                throw .invalidValue(option: "test examples", reason: "task \(test.task) at threshold \(test.threshold), input bits "
                                    + "\(test.encoding); the training examples are of \(train.task) at \(train.threshold), \(train.encoding)")
            }
            guard test.inputs.rowCount == train.inputs.rowCount else {
                throw .inputSizeMismatch(modelInputs: train.inputs.rowCount, dataFeatures: test.inputs.rowCount,
                                         source: "test examples")
            }
        }
        var trainer = OneVsRestTrainer(shape: options.shape, seed: options.seed, wiring: options.wiring, threads: threads)
        if options.wiring.isLearned {
            throw .invalidValue(option: "--wiring", reason: "\(options.wiring) wiring learns from one label, so it trains binary tasks only")
        }
        if !options.wiring.isWindowOnly {
            if options.sharedFirstLayer {
                throw .invalidValue(option: "--shared-first-layer", reason: "it works with random or local:S wiring, not \(options.wiring)")
            }
            trainer.plan = try WiringPlan(spec: options.wiring, shape: options.shape, inputCount: train.inputs.rowCount,
                                          dataShape: train.imageShape)
        }
        trainer.sharedFirstLayer = options.sharedFirstLayer
        trainer.alternateHalves = options.alternateHalves
        let trainCount = try options.augmentation.trainingCount(train.count, inputCount: train.inputs.rowCount, encoding: train.encoding,
                                                                   dataShape: train.imageShape)
        try trainer.checkMemory(classes: train.task.classCount, trainExamples: trainCount, testExamples: test?.count ?? 0)
        return try trainer.train(on: train.augmented(by: options.augmentation, threads: threads), test: test, progress: progress)
    }
}
