import ArgumentParser
import LUTNet

/// Options that pick the data and the binary task, shared by the commands that train or evaluate.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Dataset: a folder of gzipped IDX files (MNIST layout) or another supported source.")
    var data: String = DatasetLoader.defaultLocation

    @Option(name: .long, help: "Test data, when --data holds only a training split (e.g. a PLA file).")
    var test: String?

    @Option(name: .long, help: "Task: groups of classes separated by ':' (e.g. 0-4:5-9, 3:8, 1,3,5:0,2,4); three or more groups (0:1:2:3:4:5:6:7:8:9) or 'all' make a multi-class task; default 0-4:5-9, or 0:1 for two-class data such as PLA files.")
    var task: String?

    @Option(name: .long, help: "Binarization threshold: a byte is 1 when it is >= this (1-255; default 128, or a saved model's).")
    var threshold: Int?

    /// Whether `--task` names a multi-class task (`all`, or three groups or more), from its text alone.
    var namesMultiClassTask: Bool {
        guard let task else { return false }
        return Substring(task).trimmingWhitespace() == "all" || task.split(separator: ":", omittingEmptySubsequences: false).count > 2
    }

    /// The parsed task; without --task, 0:1 for data with two classes and 0-4:5-9 otherwise.
    func binaryTask(for dataset: Dataset) throws -> BinaryTask {
        if let task { return try BinaryTask(parsing: task) }
        return BinaryTask.defaultTask(for: dataset)
    }

    /// The parsed task of either kind (`all`, two groups or more); without --task, the default
    /// binary task.
    func classTask(for dataset: Dataset) throws -> ClassTask { try Self.classTask(task, for: dataset) }

    /// The task of either kind that `text` names for `dataset`; without one, the default binary task.
    static func classTask(_ text: String?, for dataset: Dataset) throws -> ClassTask {
        if let text { return try ClassTask(parsing: text, for: dataset) }
        return .binary(BinaryTask.defaultTask(for: dataset))
    }

    /// These options with the threshold of `network` (a preset's) when none is given.
    func resolvingPreset(_ network: Preset.Network?) -> DataOptions {
        var options = self
        options.threshold = threshold ?? network?.threshold
        return options
    }

    /// The validated threshold, `defaultValue` when none is given.
    func binarizationThreshold(default defaultValue: UInt8 = TrainingPolicy.threshold) throws -> UInt8 {
        guard let threshold else { return defaultValue }
        return try Threshold(threshold).byte
    }

    /// The dataset, with the separate test file when one is given.
    func loadDataset() throws -> Dataset {
        let dataset = try DatasetLoader.load(path: data)
        guard let test else { return dataset }
        // A source with its own test split (a dataset folder) gives that split; a PLA file its examples.
        let source = try DatasetLoader.load(path: test)
        if dataset.test != nil { Console.progress("note: --test \(test) replaces the test split of \(data)") }
        return try Dataset(train: dataset.train, test: source.test ?? source.train, location: dataset.location)
    }

    /// For commands that need only a binary task's bits: when --data is a folder of IDX files, no
    /// --test is given and --task names two groups (or is absent), the folder with its labels read
    /// and its images not yet, and the task (without --task, as `binaryTask(for:)` chooses it);
    /// otherwise nil, and the caller loads the dataset.
    func openForTaskBits() throws -> (folder: IDXTaskFolder, task: BinaryTask)? {
        guard test == nil, DatasetLoader.isIDXFolder(data) else { return nil }
        if let task {
            let groups = task.split(separator: ":", omittingEmptySubsequences: false).count
            guard Substring(task).trimmingWhitespace() != "all", groups <= 2 else { return nil }
        }
        let folder = try IDXTaskFolder.open(folder: data)
        if let task { return (folder, try BinaryTask(parsing: task)) }
        return (folder, BinaryTask.defaultTask(classCount: folder.train.classCounts().count))
    }
}

/// Options of the LUT network's topology and training.
struct NetworkOptions: ParsableArguments {
    /// What a binary task's model learns: the task's two groups, or the classes inside them.
    enum Readout: String, ExpressibleByArgument, CaseIterable {
        case groups, classes
    }

    @Option(name: .long, help: "Inputs per LUT (1-\(LUTNetLimits.maxK); default \(TrainingPolicy.binaryK), or \(TrainingPolicy.multiClassK) for a multi-class task). Binary tasks: per layer with '/', first hidden layer first, the last value repeating upward (12/8: k 12 in the first layer, 8 above).")
    var k: String?

    @Option(name: .long, help: "Hidden layers as DEPTHxWIDTH (e.g. 5x1024) or widths (e.g. 1024,512,256); default 5x1024, or 3x500 per class for a multi-class task.")
    var layers: String?

    @Option(name: .long, help: "Multi-class tasks: each first-layer LUT reads k inputs of one random S × S window of the image (default 6 for images of at least 6 × 6; 0: the whole image); the same as --wiring local:S.")
    var window: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Binary tasks: groups (default) learns the task's two groups; classes learns one class per label of the groups and answers the group of the predicted class.",
        discussion: """
        classes: when the data labels finer classes than the task's groups (digits for 0-4:5-9), a multi-class \
        model of those classes, its options those of a multi-class task (--k, --layers per class, --window, \
        --wiring, --input-bits), answers the group of the class it predicts; saved, evaluated and predicted so.
        """))
    var readout: Readout?

    @Option(name: .long, help: ArgumentHelp(
        "A named configuration: \(Preset.namesText) (default: none, the paper's network); options given beside it win.",
        discussion: Preset.all.map { preset in
            "\(preset.name): \(preset.purpose). Binary tasks: \(preset.binary.summary); options \(preset.binary.commandLine). "
                + "Multi-class tasks: \(preset.multiClass.summary); options \(preset.multiClass.commandLine)."
        }.joined(separator: "\n")))
    var preset: String?

    /// Whether the model reads a binary task through its classes (`--readout classes`).
    var readsClasses: Bool { readout == .classes }

    /// The network `--preset` names for a task of the kind `multiClass` says; nil without
    /// `--preset`. Throws naming `--preset` when there is no such preset.
    func presetNetwork(multiClass: Bool) throws -> Preset.Network? {
        try preset.map { try Preset.named($0).network(multiClass: multiClass) }
    }

    /// These options with `--preset`'s values for every option not given, for a task of the kind
    /// `multiClass` says; the options themselves without `--preset`. Throws naming `--preset` when
    /// there is no such preset.
    func resolvingPreset(multiClass: Bool) throws -> NetworkOptions {
        guard let network = try presetNetwork(multiClass: multiClass) else { return self }
        var options = self
        options.k = k ?? network.k
        options.layers = layers ?? network.layers
        if wiring == nil, window == nil { options.wiring = network.wiring }
        options.inputBits = inputBits ?? network.inputBits
        options.augment = augment ?? network.augment
        if !multiClass { options.readout = readout ?? (network.readout == .classes ? .classes : .groups) }
        options.preset = nil
        return options
    }

    @Flag(name: .long, help: "Multi-class tasks: every class's second layer reads the first layers of all classes (measured, not the default).")
    var sharedFirstLayer = false

    @Flag(name: .long, help: "Multi-class tasks: layers count alternate halves of the training examples, even layers the first, odd layers the second (measured, not the default).")
    var alternateHalves = false

    @Option(name: .long, help: ArgumentHelp(
        "How LUTs choose their inputs: random (the paper), greedy, local:S or hier:S,NEAR,L, optionally followed by ,grid or ,gridT.",
        discussion: """
        random: every LUT reads k inputs drawn anywhere (the default). local:S: every first-layer LUT reads k \
        distinct inputs of one S × S window of the image (every channel of a pixel is a candidate); the layers above \
        are random. hier:S,NEAR,L: the first layer as local:S, and layers 2 to L place each LUT at a point of the image \
        reading k of the NEAR nearest LUTs below; layers above L are random. ,grid places the windows on a grid \
        covering every pixel (,gridT: every T pixels) instead of at random places. Binary tasks on images (IDX, \
        CIFAR-10, PLA files of a square input count, or --image-shape). Multi-class tasks: every class's network is \
        wired so, over its own layers (default local:6 for images of at least 6 × 6, as --window 6; local:S is --window S, random \
        is --window 0). greedy (binary tasks, any data): every LUT of every layer chooses its k inputs by the \
        conditional entropy of the label given them, learned from the training examples; the tables are still \
        set by counting.
        """))
    var wiring: String?

    @Option(name: .long, help: "The images' shape as HxW or HxWxC (e.g. 14x14) for --wiring, when the data does not tell it.")
    var imageShape: String?

    @Option(name: .long, help: ArgumentHelp(
        "Bits read of every pixel: families of threshold, mean, opponents, thermometer:N and neighbours:D, and deskew, separated by ',' (default threshold).",
        discussion: """
        threshold: each byte of the pixel at --threshold (the paper's bits). mean: each byte above the mean of all \
        the image's bytes. opponents: red > green, blue > red and green > blue (RGB images). thermometer:N: each \
        byte at N evenly spaced thresholds (256·i/(N+1), i = 1..N; N 1 to 64). neighbours:D: each byte against the \
        same byte of the pixel's 8 neighbours, 1 where the neighbour's is above the pixel's + D (D 0 to 255). A \
        pixel's bits come in that order, as channels of the pixel for spatial wiring. deskew (with a family, e.g. \
        deskew,threshold): every family reads the image straightened first, its centre of mass moved to the centre \
        and its slant sheared upright. deskew and neighbours:D need images of known height and width (not PLA data). \
        The model records them and applies them when it predicts. Binary and multi-class tasks.
        """))
    var inputBits: String?

    @Option(name: .long, help: ArgumentHelp(
        "Copies of the training images memorized beside them: flip and shift:S separated by ',' (default: none).",
        discussion: """
        flip: every image mirrored left to right. shift:S (S 1 to \(Augmentation.maxShift)): every image moved by 1 to S \
        pixels up, down, left and right (4·S copies), the pixels moved in from outside repeating the edge row or \
        column. Together: every shifted copy and the original, each also mirrored ((1 + 4·S) × 2 copies). The copies \
        are made of the input bits (--input-bits), so memory grows with the copies times the training bits; only \
        the training split is augmented, and the training accuracies count the copies. Data with an image shape \
        (IDX images, CIFAR-10, or --image-shape); binary and multi-class tasks.
        """))
    var augment: String?

    @Option(name: .long, help: "Seed of the wiring, tie-breaking and random labels.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Worker threads (default: every core).")
    var threads: Int = ParallelWork.defaultThreads

    /// The validated topology.
    func shape() throws -> NetworkShape {
        try NetworkShape(ks: try k.map { try LayerKs(parsing: $0, option: "--k") } ?? LayerKs(uniform: TrainingPolicy.binaryK),
                         layers: layers ?? TrainingPolicy.binaryLayers)
    }

    /// The validated topology of every class's network of a multi-class model (one k).
    func multiClassShape() throws -> NetworkShape {
        let k = try k.map { try LayerKs(parsing: $0, option: "--k").single(option: "--k", why: LayerKs.multiClassReason) }
        return try NetworkShape(k: k ?? TrainingPolicy.multiClassK, layers: layers ?? TrainingPolicy.multiClassLayers)
    }

    /// Every class's wiring for a multi-class model of `shape` on `examples`: `--wiring`, checked
    /// against their (encoded) images, or `local:S` for the window side of `--window` (random for
    /// none). Throws naming `--wiring` when it is invalid or its first layer disagrees with `--window`.
    func multiClassWiring(for examples: MultiClassExamples, shape: NetworkShape) throws -> WiringSpec {
        try Self.multiClassWiring(wiring, window: window, inputCount: examples.inputs.rowCount, imageShape: examples.imageShape,
                                  shapes: [shape])
    }

    /// The training and test examples of a multi-class `task` of `dataset`, binarized at
    /// `threshold` with the input bits `--input-bits` names.
    func multiClassSplits(of dataset: Dataset, task: MultiClassTask,
                          threshold: UInt8) throws -> (train: MultiClassExamples, test: MultiClassExamples?) {
        let encoding = try inputEncoding(for: dataset.train)
        let train = try MultiClassExamples(images: dataset.train, task: task, threshold: threshold, split: dataset.train.source,
                                           encoding: encoding)
        let test = try dataset.test.map {
            try MultiClassExamples(images: $0, task: task, threshold: threshold, split: $0.source, everyClass: false, encoding: encoding)
        }
        return (train, test)
    }

    /// The wiring `--wiring` and `--window` give every class's network of multi-class models of
    /// `shapes` on `images`, as `multiClassWiring(_:window:inputCount:imageShape:shapes:)` checks it.
    static func multiClassWiring(_ wiring: String?, window: Int?, for images: ImageSet, shapes: [NetworkShape]) throws -> WiringSpec {
        try multiClassWiring(wiring, window: window, inputCount: images.featureCount, imageShape: images.imageShape, shapes: shapes)
    }

    /// The wiring that `--wiring` (`wiring`) and `--window` (`window`) give every class's network
    /// of multi-class models of `shapes` on images of `inputCount` bits and shape `imageShape`: the
    /// wiring checked against the images, or `local:S` for the window side (0: random; by default
    /// `TrainingPolicy`'s: 6 for images of at least 6 × 6, random for other data). Throws naming
    /// `--wiring` when it is invalid or its first layer disagrees with `--window`.
    static func multiClassWiring(_ wiring: String?, window: Int?, inputCount: Int, imageShape: [Int],
                                 shapes: [NetworkShape]) throws -> WiringSpec {
        guard let wiring else {
            let side = window.map { $0 == 0 ? nil : $0 } ?? TrainingPolicy.multiClassWindow(forImageShape: imageShape)
            return WiringSpec.windowOnly(side)
        }
        let spec = try WiringSpec(parsing: wiring)
        if let window, (window == 0 ? nil : window) != spec.window {
            let first = spec.window.map { "\($0) × \($0) windows" } ?? "no windows"
            throw ConfigurationError.invalidValue(
                option: "--wiring", reason: "\(spec) gives the first layer \(first), but --window \(window) asks for "
                    + (window == 0 ? "none" : "\(window) × \(window)") + "; give one of them")
        }
        if !spec.isRandom {
            for shape in shapes {
                _ = try WiringPlan(spec: spec, shape: shape, inputCount: inputCount, dataShape: imageShape)
            }
        }
        return spec
    }

    /// The families of input bits `--input-bits` names (the threshold bits alone by default).
    func inputBitFamilies() throws -> [InputBitFamily] {
        try inputBits.map { try InputBitFamily.list(parsing: $0) } ?? [.threshold]
    }

    /// Whether the network reads only the bytes at the threshold (no `--input-bits`, or `threshold` alone).
    func readsThresholdBitsOnly() throws -> Bool { try inputBitFamilies() == [.threshold] }

    /// The encoding of `images` that `--input-bits` names.
    func inputEncoding(for images: ImageSet) throws -> InputEncoding {
        try InputEncoding(families: try inputBitFamilies(), for: images)
    }

    /// The copies of the training images `--augment` names (none by default).
    func augmentation() throws -> Augmentation {
        try augment.map { try Augmentation(parsing: $0) } ?? .none
    }

    /// The options of a binary network: its shape, seed, threads, wiring and augmentation, checked.
    func trainingOptions(threads: Int) throws -> TrainingOptions {
        var options = TrainingOptions(shape: try shape(), seed: seed, threads: threads, wiring: try WiringSpec(parsing: wiring ?? "random"),
                                      imageShape: try imageShape.map { (text) throws(ConfigurationError) in try ImageGeometry(parsing: text) })
        options.augmentation = try augmentation()
        return options
    }

    /// The options of every class's network of a multi-class model of `shape` wired by `wiring`:
    /// the seed, the shared first layer, alternate halves and augmentation these options give.
    func multiClassTrainingOptions(shape: NetworkShape, wiring: WiringSpec, threads: Int) throws -> MultiClassTrainingOptions {
        var options = MultiClassTrainingOptions(shape: shape, seed: seed, wiring: wiring, threads: threads)
        options.sharedFirstLayer = sharedFirstLayer
        options.alternateHalves = alternateHalves
        options.augmentation = try augmentation()
        return options
    }

    /// Options of the preset `name` alone, with the seed and threads of `options`.
    static func preset(_ name: String, like options: NetworkOptions) throws -> NetworkOptions {
        try NetworkOptions.parse(["--preset", name, "--seed", String(options.seed), "--threads", String(options.threads)])
    }

    /// Throws naming `--image-shape` when given for a multi-class model, or `--readout classes` for
    /// a multi-class task (`readingClasses` false).
    func checkMultiClass(readingClasses: Bool = false) throws {
        if readsClasses, !readingClasses {
            throw ConfigurationError.invalidValue(option: "--readout", reason: "classes reads a binary task through its classes; "
                                                  + "a multi-class task answers its classes already")
        }
        if imageShape != nil {
            throw ConfigurationError.invalidValue(option: "--image-shape", reason: "it applies to binary tasks; multi-class tasks read the data's image shape")
        }
    }

    /// Throws naming `--window` when it is given for a binary task.
    func checkBinary() throws {
        if window != nil {
            throw ConfigurationError.invalidValue(option: "--window", reason: "windows apply to multi-class tasks (three or more groups, or 'all')")
        }
        for (given, option) in [(sharedFirstLayer, "--shared-first-layer"), (alternateHalves, "--alternate-halves")] where given {
            throw ConfigurationError.invalidValue(option: option, reason: "it applies to multi-class tasks (three or more groups, or 'all')")
        }
    }

    /// The validated thread count.
    func threadCount() throws -> Int {
        try ParallelWork.validated(threads: threads)
    }
}
