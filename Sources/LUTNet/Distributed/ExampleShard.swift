/// A rank's binarized examples of one split and where they sit among every rank's: examples
/// `first ..< first + examples.count` of `total`, numbered in rank order.
struct ExampleShard {
    /// This rank's examples.
    var examples: BinarizedExamples
    /// The index of its first example among all ranks' examples.
    let first: Int
    /// The number of examples of all ranks together.
    let total: Int

    /// The examples of `images` that take part in `task`, binarized at `threshold`, with no check
    /// that both groups have examples (a shard may lack one; the ranks check their sum).
    static func binarize(_ images: ImageSet, task: BinaryTask, threshold: UInt8) throws(ConfigurationError) -> BinarizedExamples {
        let (indices, binary) = task.select(from: images.labels)
        let labels = try BitMatrix(bits: binary)
        return BinarizedExamples(validInputs: try BitMatrix(binarizing: images, indices: indices, threshold: threshold),
                                 labels: labels, task: task, threshold: threshold)
    }
}

/// What the ranks learn about each other's shards in one sum: every rank's example counts, the
/// label-1 examples, and the input sizes, which must agree.
struct ShardCensus {
    /// This rank's training shard.
    let train: ExampleShard
    /// This rank's test shard, when the data has a test split.
    let test: ExampleShard?

    /// Sums the ranks' counts and checks them as the single-process trainer checks one split: both
    /// task groups have training (and test) examples (`trainSource` and `testSource` name the
    /// splits), every rank reads the same input size, and every rank has a test split or none does.
    init(train: BinarizedExamples, trainSource: String, test: BinarizedExamples?, testSource: String?,
         communicator: RankCommunicator) throws(DistributedError) {
        let ranks = communicator.rankCount, rank = communicator.rank
        // [train counts by rank | test counts by rank | train ones, test ones, has test, train rows, test rows]
        var fields = [UInt64](repeating: 0, count: 2 * ranks + 5)
        fields[rank] = UInt64(train.count)
        fields[2 * ranks] = Self.ones(train)
        if let test {
            fields[ranks + rank] = UInt64(test.count)
            fields[2 * ranks + 1] = Self.ones(test)
            fields[2 * ranks + 2] = 1
            fields[2 * ranks + 4] = UInt64(test.inputs.rowCount)
        }
        fields[2 * ranks + 3] = UInt64(train.inputs.rowCount)
        let sums = try communicator.summed(fields)
        let testRanks = Int(sums[2 * ranks + 2])
        guard testRanks == 0 || testRanks == ranks else {
            throw .inconsistent("\(testRanks) of \(ranks) ranks have a test split")
        }
        guard sums[2 * ranks + 3] == UInt64(ranks * train.inputs.rowCount),
              sums[2 * ranks + 4] == UInt64(ranks * (test?.inputs.rowCount ?? 0)) else {
            throw .inconsistent("they read examples of different sizes (rank \(rank): \(train.inputs.rowCount) input bits)")
        }
        self.train = try Self.place(train, counts: sums[0..<ranks], ones: sums[2 * ranks], rank: rank, split: trainSource)
        if let test {
            self.test = try Self.place(test, counts: sums[ranks..<2 * ranks], ones: sums[2 * ranks + 1], rank: rank,
                                       split: testSource ?? "the test split")
        } else {
            self.test = nil
        }
    }

    /// Label-1 examples of `examples`.
    static func ones(_ examples: BinarizedExamples) -> UInt64 {
        examples.labels.words.reduce(0) { $0 + UInt64($1.nonzeroBitCount) }
    }

    /// This rank's shard among all ranks' `counts`, after checking that both groups of the task
    /// have examples among all ranks' (as `BinarizedExamples(images:task:threshold:split:)` does).
    static func place(_ examples: BinarizedExamples, counts: ArraySlice<UInt64>, ones: UInt64, rank: Int,
                      split: String) throws(DistributedError) -> ExampleShard {
        let total = counts.reduce(0, +)
        let task = examples.task.description
        if ones == total { throw .invalid(.emptyTaskGroup(task: task, group: 0, split: split)) }
        if ones == 0 { throw .invalid(.emptyTaskGroup(task: task, group: 1, split: split)) }
        let first = counts.prefix(rank).reduce(0, +)
        return ExampleShard(examples: examples, first: Int(first), total: Int(total))
    }
}
