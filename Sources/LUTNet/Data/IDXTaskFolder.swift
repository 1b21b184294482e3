import Dispatch
import Foundation

/// An IDX dataset folder opened for commands that need only one binary task's bits: the labels of
/// each split are read and its image file's header checked, but no image is decoded until
/// `binarized(task:threshold:)` inflates each image file and packs the task's examples straight
/// into bits, chunk by chunk, so the images' bytes are never held whole. The bits are those that
/// `BinarizedExamples(images:task:threshold:split:)` makes from `DatasetLoader.load(folder:)`'s
/// dataset, and every damaged input gets the error that loading the dataset gives.
package struct IDXTaskFolder: Sendable {
    /// One split: its labels, read, and its image file, open at the start of its data.
    package struct Split: Sendable {
        /// One class label per example.
        package let labels: [UInt8]
        /// Shape of one example: height, width and, for color images, channels.
        package let imageShape: [Int]
        /// The image file (the split's source, as in `ImageSet.source`).
        package let source: String
        let images: IDXBitStream

        /// Number of examples of each class, indexed by class, up to the largest class present.
        package func classCounts() -> [Int] { ImageSet.classCounts(of: labels) }
    }

    /// The folder.
    package let location: String
    /// The training split.
    package let train: Split
    /// The test split, when the folder has one.
    package let test: Split?

    /// Opens the IDX folder at `path`: finds its splits as `DatasetLoader.load(folder:)` does, reads
    /// their labels and checks their image headers (unsigned bytes, N×H×W or N×H×W×C, one label
    /// per image, the same image shape in both splits), throwing the errors loading would throw.
    package static func open(folder path: String) throws(DatasetError) -> IDXTaskFolder {
        guard DatasetLoader.isIDXFolder(path) else {
            throw .malformed(path: path, reason: "not a folder of IDX files")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard let trainFiles = try DatasetLoader.splitFiles(prefixes: ["train"], folder: path, names: names) else {
            throw .missingFile(folder: path, expected: "train-images-idx3-ubyte[.gz] (or idx4) with train-labels-idx1-ubyte[.gz]")
        }
        let train = try openSplit(trainFiles)
        let test = try DatasetLoader.splitFiles(prefixes: ["t10k", "test"], folder: path, names: names).map { (files) throws(DatasetError) in
            try openSplit(files)
        }
        if let test, test.imageShape != train.imageShape {
            throw .shapeMismatch(trainPath: train.source, trainShape: train.imageShape,
                                 testPath: test.source, testShape: test.imageShape)
        }
        return IDXTaskFolder(location: path, train: train, test: test)
    }

    private static func openSplit(_ files: (images: String, labels: String)) throws(DatasetError) -> Split {
        let images: IDXBitStream
        let labels: IDXTensor
        do {
            images = try IDXBitStream(path: files.images)
            labels = try IDXTensor.read(path: files.labels)
        } catch {
            throw .unreadable(error)
        }
        try ImageSet.checkImages(path: images.path, elementType: images.elementType, shape: images.shape)
        try ImageSet.checkLabels(labels, imagesPath: images.path, imageCount: images.shape[0])
        return Split(labels: labels.withUnsignedBytes { Array($0) }, imageShape: Array(images.shape.dropFirst()),
                     source: files.images, images: images)
    }

    /// The examples of `task` in each split, binarized (bit = byte >= `threshold`) while the image
    /// files are inflated, both splits at the same time. Reads each file once: call it once. Throws
    /// `ConfigurationError` as `BinarizedExamples(images:task:threshold:split:)` does (a zero
    /// threshold, a group without examples, too many examples) before any image is inflated,
    /// `DatasetError.malformed` naming the image file when its bits would not fit in the machine's
    /// memory, and `DatasetError.unreadable` for damaged image data.
    package func binarized(task: BinaryTask, threshold: UInt8) throws -> (train: BinarizedExamples, test: BinarizedExamples?) {
        let splits = [train] + (test.map { [$0] } ?? [])
        var selections: [(indices: [UInt32], labels: BitMatrix, inputs: BitMatrix)] = []
        for split in splits {
            let (indices, labels) = try BinarizedExamples.select(labels: split.labels, task: task, threshold: threshold,
                                                                 split: split.source)
            let inputs: BitMatrix
            do { inputs = try BitMatrix(rows: split.imageShape.reduce(1, *), columns: indices.count) } catch {
                throw DatasetError.malformed(path: split.source, reason: "cannot binarize its images: \(error)")
            }
            selections.append((indices, labels, inputs))
        }
        var failures = [IDXReadError?](repeating: nil, count: splits.count)
        selections.withUnsafeMutableBufferPointer { selected in
            failures.withUnsafeMutableBufferPointer { failed in
                let selected = SharedBuffer(selected), failed = SharedBuffer(failed)
                DispatchQueue.concurrentPerform(iterations: splits.count) { index in
                    do throws(IDXReadError) {
                        try splits[index].images.packThreshold(indices: selected.base[index].indices, threshold: threshold,
                                                               into: &selected.base[index].inputs)
                    } catch {
                        failed.base[index] = error
                    }
                }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw DatasetError.unreadable(failure) }
        let examples = selections.map {
            BinarizedExamples(validInputs: $0.inputs, labels: $0.labels, task: task, threshold: threshold)
        }
        return (examples[0], examples.count > 1 ? examples[1] : nil)
    }
}
