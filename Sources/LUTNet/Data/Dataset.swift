import Foundation

/// A training split and, when the source has one, a test split of labeled images.
public struct Dataset: Sendable {
    /// The training examples.
    public let train: ImageSet
    /// The test examples, if the dataset has them.
    public let test: ImageSet?
    /// The folder or file the dataset was loaded from.
    public let location: String

    /// Pairs a training and an optional test split; both must have the same example shape.
    public init(train: ImageSet, test: ImageSet?, location: String) throws(DatasetError) {
        if let test, test.imageShape != train.imageShape {
            throw .shapeMismatch(trainPath: train.source, trainShape: train.imageShape,
                                 testPath: test.source, testShape: test.imageShape)
        }
        self.train = train
        self.test = test
        self.location = location
    }
}

/// Finds and loads MNIST-style datasets: a folder with `train-images-idx3-ubyte.gz`,
/// `train-labels-idx1-ubyte.gz` and optionally `t10k-…` (or `test-…`) files; `idx4` image files hold
/// color images (N×H×W×C). Files may be gzip-compressed (`.gz`) or plain.
public enum DatasetLoader {
    /// Where the Debian package dataset-fashion-mnist installs Fashion-MNIST: the default data.
    public static let defaultLocation = "/usr/share/datasets/fashion-mnist"

    /// Loads a dataset from `path`, whatever its form: today a folder of IDX files.
    public static func load(path: String) throws(DatasetError) -> Dataset {
        try load(folder: path)
    }

    /// Loads the dataset folder at `path`.
    public static func load(folder path: String) throws(DatasetError) -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(path: path)
        }
        guard isDirectory.boolValue else {
            throw .malformed(path: path, reason: "not a dataset folder (expected a folder of IDX files)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard let train = try loadSplit(prefixes: ["train"], folder: path, names: names) else {
            throw .missingFile(folder: path, expected: "train-images-idx3-ubyte[.gz] (or idx4) with train-labels-idx1-ubyte[.gz]")
        }
        let test = try loadSplit(prefixes: ["t10k", "test"], folder: path, names: names)
        return try Dataset(train: train, test: test, location: path)
    }

    /// The split whose image file starts with one of `prefixes`, or nil if there is none.
    static func loadSplit(prefixes: [String], folder: String, names: [String]) throws(DatasetError) -> ImageSet? {
        for prefix in prefixes {
            let imageCandidates = ["idx3", "idx4"].flatMap { kind in
                ["-images-\(kind)-ubyte", "-images.\(kind)-ubyte"].flatMap { [prefix + $0 + ".gz", prefix + $0] }
            }
            guard let imageName = imageCandidates.first(where: names.contains) else { continue }
            let labelCandidates = ["-labels-idx1-ubyte", "-labels.idx1-ubyte"].flatMap { [prefix + $0 + ".gz", prefix + $0] }
            guard let labelName = labelCandidates.first(where: names.contains) else {
                throw .missingFile(folder: folder, expected: "\(prefix)-labels-idx1-ubyte[.gz] for \(imageName)")
            }
            return try loadPair(images: folder + "/" + imageName, labels: folder + "/" + labelName)
        }
        return nil
    }

    /// Loads one image file and its label file.
    public static func loadPair(images: String, labels: String) throws(DatasetError) -> ImageSet {
        let imageTensor: IDXTensor
        let labelTensor: IDXTensor
        do {
            imageTensor = try IDXTensor.read(path: images)
            labelTensor = try IDXTensor.read(path: labels)
        } catch {
            throw .unreadable(error)
        }
        return try ImageSet(images: imageTensor, labels: labelTensor)
    }
}
