/// The binarized training and test examples of one task of a dataset: what every run on that
/// task shares, binarized once.
package struct TaskData: Sendable {
    /// The task.
    package let task: BinaryTask
    /// The binarization threshold.
    package let threshold: UInt8
    /// Training examples of the task.
    package let train: BinarizedExamples
    /// Test examples of the task, when the dataset has a test split.
    package let test: BinarizedExamples?
    /// Validation examples of the task, when there is a validation split.
    package let validation: BinarizedExamples?

    /// Binarizes the examples of `task` in both splits of `dataset`, and in `validation` when given.
    package init(dataset: Dataset, task: BinaryTask, threshold: UInt8, validation: ImageSet? = nil) throws(ConfigurationError) {
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

/// The binarized examples of one multi-class task of a dataset, each labelled with its group:
/// what every run on that task shares, binarized once.
struct MultiClassTaskData: Sendable {
    /// Training examples; every group has some.
    let train: MultiClassExamples
    /// Test examples, when the dataset has a test split.
    let test: MultiClassExamples?
    /// Validation examples, when there is a validation split.
    let validation: MultiClassExamples?

    /// Binarizes the examples of `task` in both splits of `dataset`, and in `validation` when
    /// given; throws naming the task when a group has no training example.
    init(dataset: Dataset, task: MultiClassTask, threshold: UInt8, validation: ImageSet? = nil) throws(ConfigurationError) {
        train = try MultiClassExamples(images: dataset.train, task: task, threshold: threshold, split: dataset.train.source)
        test = try dataset.test.map { (split) throws(ConfigurationError) in
            try MultiClassExamples(images: split, task: task, threshold: threshold, split: split.source, everyClass: false)
        }
        self.validation = try validation.map { (split) throws(ConfigurationError) in
            try MultiClassExamples(images: split, task: task, threshold: threshold, split: split.source, everyClass: false)
        }
    }
}
