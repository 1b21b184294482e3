import Dispatch
import Foundation

/// Finds and loads datasets in the forms users have them:
/// - MNIST-style IDX folders: `train-images-idx3-ubyte.gz`, `train-labels-idx1-ubyte.gz` and
///   optionally `t10k-…` (or `test-…`) files; `idx4` image files hold color images (N×H×W×C). Files
///   may be gzip-compressed (`.gz`) or plain.
/// - CIFAR-10 in its official binary form: the `cifar-10-binary.tar.gz` archive (any `.tar.gz`,
///   `.tgz` or `.tar` holding `cifar-10-batches-bin/`) or the unpacked folder (see `CIFARBinaryLoader`).
/// - Espresso PLA files (`.pla`, `.pla.gz`), one split per file (see `PLALoader`).
public enum DatasetLoader {
    /// Where the Debian package dataset-fashion-mnist installs Fashion-MNIST: the default data.
    package static let defaultLocation = "/usr/share/datasets/fashion-mnist"

    /// Loads a dataset whatever its form: a folder of IDX files, a CIFAR-10 binary folder (holding
    /// `data_batch_1.bin` …, or holding `cifar-10-batches-bin/`), a CIFAR-10 binary archive (`.tar.gz`,
    /// `.tgz`, `.tar`), or a PLA file (`.pla`, `.pla.gz`), which gives a training split and no test
    /// split.
    ///
    /// - Parameter path: The folder or file.
    /// - Returns: The training split and, when the source has one, the test split.
    /// - Throws: ``DatasetError`` naming the file or folder at fault: it does not exist, is none of
    ///   these forms, lacks a file, or holds damaged or inconsistent data.
    public static func load(path: String) throws(DatasetError) -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(path: path)
        }
        if isDirectory.boolValue {
            if isIDXFolder(path) { return try load(folder: path) }
            if CIFARBinaryLoader.isBatchFolder(path) { return try CIFARBinaryLoader.load(folder: path) }
            let nested = path + "/" + CIFARBinaryLoader.folderName
            if CIFARBinaryLoader.isBatchFolder(nested) { return try CIFARBinaryLoader.load(folder: nested) }
            return try load(folder: path)
        }
        if PLALoader.isPLAPath(path) {
            return try Dataset(train: PLALoader.load(path: path), test: nil, location: path)
        }
        if isArchivePath(path) { return try CIFARBinaryLoader.load(archive: path) }
        throw .malformed(path: path, reason: "not a dataset: expected a folder of IDX files, a CIFAR-10 "
                         + "binary folder or archive (.tar.gz, .tgz, .tar), or a PLA file (.pla, .pla.gz)")
    }

    /// True if `path` is a folder that `load(path:)` reads as IDX files: it holds a `train-images…`
    /// file.
    package static func isIDXFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.contains { $0.hasPrefix("train-images") }
    }

    /// Pairs a training PLA file with a test PLA file.
    ///
    /// - Parameters:
    ///   - trainPLA: The training split's PLA file (`.pla` or `.pla.gz`).
    ///   - testPLA: The test split's PLA file.
    /// - Returns: Both splits, located at `trainPLA`.
    /// - Throws: ``DatasetError`` naming the file at fault when either cannot be read as a PLA file
    ///   or the two have different numbers of inputs.
    public static func load(trainPLA: String, testPLA: String) throws(DatasetError) -> Dataset {
        let train = try PLALoader.load(path: trainPLA)
        let test = try PLALoader.load(path: testPLA)
        return try Dataset(train: train, test: test, location: trainPLA)
    }

    /// True if `path` names a tar archive: it ends in `.tar.gz`, `.tgz` or `.tar`.
    package static func isArchivePath(_ path: String) -> Bool {
        path.hasSuffix(".tar.gz") || path.hasSuffix(".tgz") || path.hasSuffix(".tar")
    }

    /// Loads the dataset folder at `path`.
    package static func load(folder path: String) throws(DatasetError) -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(path: path)
        }
        guard isDirectory.boolValue else {
            throw .malformed(path: path, reason: "not a dataset folder (expected a folder of IDX files)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        // The training and test splits are decoded at the same time, each on its own thread.
        let prefixes = [["train"], ["t10k", "test"]]
        var splits = [Result<ImageSet?, DatasetError>](repeating: .success(nil), count: prefixes.count)
        splits.withUnsafeMutableBufferPointer { buffer in
            let results = SharedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: prefixes.count) { split in
                results.base[split] = Result { () throws(DatasetError) -> ImageSet? in
                    try loadSplit(prefixes: prefixes[split], folder: path, names: names)
                }
            }
        }
        guard let train = try splits[0].get() else {
            throw .missingFile(folder: path, expected: "train-images-idx3-ubyte[.gz] (or idx4) with train-labels-idx1-ubyte[.gz]")
        }
        return try Dataset(train: train, test: try splits[1].get(), location: path)
    }

    /// The split whose image file starts with one of `prefixes`, or nil if there is none.
    static func loadSplit(prefixes: [String], folder: String, names: [String]) throws(DatasetError) -> ImageSet? {
        guard let files = try splitFiles(prefixes: prefixes, folder: folder, names: names) else { return nil }
        return try loadPair(images: files.images, labels: files.labels)
    }

    /// The image and label files of the split whose image file starts with one of `prefixes`, or
    /// nil if there is none; throws when its label file is missing.
    static func splitFiles(prefixes: [String], folder: String, names: [String]) throws(DatasetError)
        -> (images: String, labels: String)? {
        for prefix in prefixes {
            let imageCandidates = ["idx3", "idx4"].flatMap { kind in
                ["-images-\(kind)-ubyte", "-images.\(kind)-ubyte"].flatMap { [prefix + $0 + ".gz", prefix + $0] }
            }
            guard let imageName = imageCandidates.first(where: names.contains) else { continue }
            let labelCandidates = ["-labels-idx1-ubyte", "-labels.idx1-ubyte"].flatMap { [prefix + $0 + ".gz", prefix + $0] }
            guard let labelName = labelCandidates.first(where: names.contains) else {
                throw .missingFile(folder: folder, expected: "\(prefix)-labels-idx1-ubyte[.gz] for \(imageName)")
            }
            return (folder + "/" + imageName, folder + "/" + labelName)
        }
        return nil
    }

    /// Loads one IDX image file and its label file (each gzip-compressed or plain).
    ///
    /// - Parameters:
    ///   - images: The image file: unsigned bytes, N×H×W or N×H×W×C.
    ///   - labels: The label file: N unsigned bytes.
    /// - Returns: The labeled examples.
    /// - Throws: ``DatasetError`` naming the file at fault when either cannot be decoded, has the
    ///   wrong element type or rank, or the two disagree on the number of examples.
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
