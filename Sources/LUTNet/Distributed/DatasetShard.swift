import Foundation

/// One rank's part of a dataset: the contiguous shard of each split's examples that a rank of a
/// data-parallel run counts. Shard r of R holds the examples N·r/R ..< N·(r+1)/R of a split of N, so
/// the shards of ranks 0, 1, … hold every example once, in order (a shard may be empty).
public struct DatasetShard: Sendable {
    /// The shard of the training split.
    public let train: ImageSet
    /// The shard of the test split, when the data has one.
    public let test: ImageSet?
    /// The folder or file the dataset was loaded from.
    public let location: String
    /// What every rank knows of the whole dataset: each split's count and example shape, and a
    /// checksum of a split read whole (the ranks of a run compare it).
    package let fingerprint: DatasetFingerprint

    /// The training examples of each class over all ranks' shards, indexed by class up to the
    /// largest class present (`ImageSet.classCounts()` of the whole training split).
    package func classCounts(communicator: RankCommunicator) throws(DistributedError) -> [Int] {
        var counts = [UInt64](repeating: 0, count: 256)
        for (label, count) in train.classCounts().enumerated() { counts[label] = UInt64(count) }
        let sums = try communicator.summed(counts)
        let last = sums.lastIndex { $0 > 0 } ?? -1
        return sums.prefix(last + 1).map(Int.init)
    }

    /// Loads one rank's shard of a dataset. From a folder of IDX files only the shard's rows are
    /// decoded into memory; other forms are read whole and cut.
    ///
    /// - Parameters:
    ///   - path: The dataset, in any form ``DatasetLoader/load(path:)`` reads.
    ///   - testPath: A dataset whose test split (or, when it has none, its examples) is the test
    ///     split; nil for `path`'s own.
    ///   - shard: This rank's shard, 0..<`shards`.
    ///   - shards: The number of shards (ranks).
    /// - Returns: The shard of the training split and of the test split, when there is one.
    /// - Throws: ``DatasetError`` naming the file or folder at fault, as loading the whole dataset
    ///   would.
    public static func load(path: String, test testPath: String? = nil, shard: Int, of shards: Int)
        throws(DatasetError) -> DatasetShard {
        precondition((0..<shards).contains(shard), "shard \(shard) of \(shards)")
        let (train, test) = try loadSplits(path: path, shard: shard, of: shards)
        guard let testPath else {
            return DatasetShard(train: train.images, test: test?.images, location: path,
                                fingerprint: DatasetFingerprint(train: train.fingerprint, test: test?.fingerprint))
        }
        let source = try loadSplits(path: testPath, shard: shard, of: shards)
        let testSplit = source.test ?? source.train
        return DatasetShard(train: train.images, test: testSplit.images, location: path,
                            fingerprint: DatasetFingerprint(train: train.fingerprint, test: testSplit.fingerprint))
    }

    /// A shard of one split and the identity of the whole split.
    typealias SplitShard = (images: ImageSet, fingerprint: DatasetFingerprint.Split)

    /// The shards of the training and (when present) test split at `path`.
    static func loadSplits(path: String, shard: Int, of shards: Int) throws(DatasetError) -> (train: SplitShard, test: SplitShard?) {
        if let folder = idxFolderNames(path) {
            guard let train = try loadSplitShard(prefixes: ["train"], folder: path, names: folder, shard: shard, of: shards) else {
                throw .missingFile(folder: path, expected: "train-images-idx3-ubyte[.gz] (or idx4) with train-labels-idx1-ubyte[.gz]")
            }
            let test = try loadSplitShard(prefixes: ["t10k", "test"], folder: path, names: folder, shard: shard, of: shards)
            let dataset = try Dataset(train: train.images, test: test?.images, location: path)
            return ((dataset.train, train.fingerprint), test.flatMap { split in dataset.test.map { ($0, split.fingerprint) } })
        }
        // Read whole: every rank can check all of it.
        let dataset = try DatasetLoader.load(path: path)
        return ((try cut(dataset.train, shard: shard, of: shards), DatasetFingerprint.Split(whole: dataset.train)),
                try dataset.test.map { (split) throws(DatasetError) in
                    (try cut(split, shard: shard, of: shards), DatasetFingerprint.Split(whole: split))
                })
    }

    /// The file names in `path` when it is a folder of IDX files, else nil.
    static func idxFolderNames(_ path: String) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.contains(where: { $0.hasPrefix("train-images") }) ? names : nil
    }

    /// The shard of the IDX split whose image file starts with one of `prefixes`, reading only its
    /// rows, and the whole split's identity (its count from the header).
    static func loadSplitShard(prefixes: [String], folder: String, names: [String], shard: Int, of shards: Int)
        throws(DatasetError) -> SplitShard? {
        guard let files = try DatasetLoader.splitFiles(prefixes: prefixes, folder: folder, names: names) else { return nil }
        let images: (tensor: IDXTensor, firstRow: Int, totalRows: Int)
        let labels: (tensor: IDXTensor, firstRow: Int, totalRows: Int)
        do {
            images = try IDXTensor.readShard(path: files.images, shard: shard, of: shards)
            labels = try IDXTensor.readShard(path: files.labels, shard: shard, of: shards)
        } catch {
            throw .unreadable(error)
        }
        guard images.totalRows == labels.totalRows else {
            throw .countMismatch(imagesPath: files.images, imageCount: images.totalRows,
                                 labelsPath: files.labels, labelCount: labels.totalRows)
        }
        let split = try ImageSet(images: images.tensor, labels: labels.tensor)
        return (split, DatasetFingerprint.Split(count: images.totalRows, exampleShape: split.imageShape))
    }

    /// The examples N·shard/shards ..< N·(shard+1)/shards of `images`, copied.
    static func cut(_ images: ImageSet, shard: Int, of shards: Int) throws(DatasetError) -> ImageSet {
        let rows = shardRows(total: images.count, shard: shard, of: shards)
        let width = images.featureCount
        let pixels = images.withPixels { Array($0[rows.lowerBound * width ..< rows.upperBound * width]) }
        return try ImageSet(pixels: pixels, imageShape: images.imageShape, labels: Array(images.labels[rows]),
                            source: images.source)
    }

    /// The rows of shard `shard` of `shards` of `total` rows (the split the IDX shard reader makes).
    package static func shardRows(total: Int, shard: Int, of shards: Int) -> Range<Int> {
        total * shard / shards ..< total * (shard + 1) / shards
    }
}
