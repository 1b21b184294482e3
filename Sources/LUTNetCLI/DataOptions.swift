import ArgumentParser
import LUTNet

/// Options that pick the data and the binary task, shared by the commands that train or evaluate.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Dataset: a folder of gzipped IDX files (MNIST layout) or another supported source.")
    var data: String = DatasetLoader.defaultLocation

    @Option(name: .long, help: "Test data, when --data holds only a training split (e.g. a PLA file).")
    var test: String?

    @Option(name: .long, help: "Binary task: classes of label 0, then of label 1 (e.g. 0-4:5-9, 3:8, 1,3,5:0,2,4); default 0-4:5-9, or 0:1 for two-class data such as PLA files.")
    var task: String?

    @Option(name: .long, help: "Binarization threshold: a byte is 1 when it is >= this (1-255; default 128, or a saved model's).")
    var threshold: Int?

    /// The parsed task; without --task, 0:1 for data with two classes and 0-4:5-9 otherwise.
    func binaryTask(for dataset: Dataset) throws -> BinaryTask {
        if let task { return try BinaryTask(parsing: task) }
        return BinaryTask.defaultTask(for: dataset)
    }

    /// The validated threshold, `defaultValue` when none is given.
    func binarizationThreshold(default defaultValue: UInt8 = 128) throws -> UInt8 {
        guard let threshold else { return defaultValue }
        guard (1...255).contains(threshold) else { throw ConfigurationError.invalidThreshold(threshold) }
        return UInt8(threshold)
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

    /// The training and (when present) test examples of the task, binarized.
    func binarizedSplits(of dataset: Dataset, task: BinaryTask, threshold: UInt8) throws
        -> (train: BinarizedExamples, test: BinarizedExamples?) {
        let train = try BinarizedExamples(images: dataset.train, task: task, threshold: threshold,
                                          split: dataset.train.source)
        let test = try dataset.test.map {
            try BinarizedExamples(images: $0, task: task, threshold: threshold, split: $0.source)
        }
        return (train, test)
    }
}

/// Options of the LUT network's topology and training.
struct NetworkOptions: ParsableArguments {
    @Option(name: .long, help: "Inputs per LUT (1-16).")
    var k: Int = 8

    @Option(name: .long, help: "Hidden layers as DEPTHxWIDTH (e.g. 5x1024) or widths (e.g. 1024,512,256).")
    var layers: String = "5x1024"

    @Option(name: .long, help: "Seed of the wiring, tie-breaking and random labels.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Worker threads (default: every core).")
    var threads: Int = ParallelWork.defaultThreads

    /// The validated topology.
    func shape() throws -> NetworkShape { try NetworkShape(k: k, layers: layers) }

    /// The validated thread count.
    func threadCount() throws -> Int {
        try ParallelWork.validated(threads: threads)
    }
}
