/// A dataset an experiment trains on, under the name its runs give in `ExperimentRun.data` and
/// `BaselineRun.data`, with an optional validation split that every real-label network and every
/// baseline is measured on as well.
package struct ExperimentData: Sendable {
    /// The name runs refer to it by.
    package let name: String
    /// The training split and, when present, the test split.
    package let dataset: Dataset
    /// A validation split, or nil.
    package let validation: ImageSet?
    /// Where the data came from and a checksum of its examples, recorded with every result.
    package let identity: DataIdentity

    /// Data under `name`; a validation split must have the training split's example shape.
    package init(name: String, dataset: Dataset, validation: ImageSet? = nil) throws(DatasetError) {
        if let validation, validation.imageShape != dataset.train.imageShape {
            throw .shapeMismatch(trainPath: dataset.train.source, trainShape: dataset.train.imageShape,
                                 testPath: validation.source, testShape: validation.imageShape)
        }
        self.name = name
        self.dataset = dataset
        self.validation = validation
        identity = DataIdentity(dataset: dataset, validation: validation)
    }
}
