/// The binarized training and test examples of one task of a dataset: what every run on that
/// task shares, binarized once.
public struct TaskData: Sendable {
    /// The task.
    public let task: BinaryTask
    /// The binarization threshold.
    public let threshold: UInt8
    /// Training examples of the task.
    public let train: BinarizedExamples
    /// Test examples of the task, when the dataset has a test split.
    public let test: BinarizedExamples?
    /// Validation examples of the task, when there is a validation split.
    public let validation: BinarizedExamples?

    /// Binarizes the examples of `task` in both splits of `dataset`, and in `validation` when given.
    public init(dataset: Dataset, task: BinaryTask, threshold: UInt8, validation: ImageSet? = nil) throws(ConfigurationError) {
        self.task = task
        self.threshold = threshold
        train = try BinarizedExamples(images: dataset.train, task: task, threshold: threshold, split: dataset.train.source)
        if let testSet = dataset.test {
            test = try BinarizedExamples(images: testSet, task: task, threshold: threshold, split: testSet.source)
        } else {
            test = nil
        }
        if let validation {
            self.validation = try BinarizedExamples(images: validation, task: task, threshold: threshold, split: validation.source)
        } else {
            self.validation = nil
        }
    }
}
