/// The examples of a multi-class task, binarized for LUT networks: input bits (feature-major), the
/// class (group index) of every example, and the task, threshold, input encoding and image shape
/// they were made with.
public struct MultiClassExamples: Sendable {
    /// Input bits: one row per feature, one column per example.
    public let inputs: BitMatrix
    /// The class of every example: the index of its group in `task`.
    public let classes: [UInt8]
    /// The task the classes answer.
    public let task: MultiClassTask
    /// The binarization threshold: an input bit is 1 when its byte was >= threshold.
    public let threshold: UInt8
    /// The input bits read of every pixel (by default each byte at the threshold).
    public let encoding: InputEncoding
    /// The shape of one encoded example (`[H, W]`, `[H, W, C]`, or one number for data without images).
    public let imageShape: [Int]

    /// Number of examples.
    public var count: Int { classes.count }

    /// Binarizes the examples of `images` that take part in `task`, encoded by `encoding`, bit =
    /// (byte >= `threshold`).
    ///
    /// - Parameters:
    ///   - images: The examples.
    ///   - task: The task: which classes take part, and their groups.
    ///   - threshold: The binarization threshold, 1...255.
    ///   - split: The split's name in messages.
    ///   - everyClass: Whether every class of the task must have an example (true for a training
    ///     split).
    ///   - encoding: The input bits made of each image's bytes (by default the bytes themselves).
    /// - Throws: ``ConfigurationError`` when the threshold is 0, the encoding does not fit the
    ///   images, there are more than ``LUTNetLimits/maxExamples`` examples, or, with `everyClass`, a
    ///   class of the task has no example.
    public init(images: ImageSet, task: MultiClassTask, threshold: UInt8, split: String,
                everyClass: Bool = true, encoding: InputEncoding = .threshold) throws(ConfigurationError) {
        _ = try Threshold.checked(threshold)
        if everyClass { try task.checkClasses(in: images) }
        let (indices, classes) = task.select(from: images.labels)
        let encoded = try encoding.encode(images)
        try BitMatrix.checkSize(rows: encoded.featureCount, columns: indices.count)
        inputs = try BitMatrix(binarizing: encoded, indices: indices, threshold: threshold)
        self.classes = classes
        self.task = task
        self.threshold = threshold
        self.encoding = encoding
        imageShape = encoded.imageShape
    }

    /// Examples whose parts the caller has checked: one class per column of `inputs`, and the
    /// image shape of its rows.
    init(validInputs inputs: BitMatrix, classes: [UInt8], task: MultiClassTask, threshold: UInt8, encoding: InputEncoding,
         imageShape: [Int]) {
        precondition(classes.count == inputs.columnCount, "one class per example")
        self.inputs = inputs
        self.classes = classes
        self.task = task
        self.threshold = threshold
        self.encoding = encoding
        self.imageShape = imageShape
    }

    /// Number of examples of each class.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: task.classCount)
        for c in classes { counts[Int(c)] += 1 }
        return counts
    }

    /// One bit row: bit e is 1 when example e is of class `target` (the label of "target or not").
    func labelRow(for target: UInt8) -> BitMatrix {
        var row = BitMatrix(rowCount: 1, columnCount: count)
        for (e, c) in classes.enumerated() where c == target { row[0, e] = true }
        return row
    }
}
