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
