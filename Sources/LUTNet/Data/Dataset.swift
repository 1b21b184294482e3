import Foundation

/// A training split and, when the source has one, a test split of labeled images.
public struct Dataset: Sendable {
    /// The training examples.
    public let train: ImageSet
    /// The test examples, if the dataset has them.
    public let test: ImageSet?
    /// The folder or file the dataset was loaded from.
    public let location: String

    /// Pairs a training split with an optional test split.
    ///
    /// - Parameters:
    ///   - train: The training examples.
    ///   - test: The test examples, or nil.
    ///   - location: The folder or file the dataset came from.
    /// - Throws: ``DatasetError/shapeMismatch(trainPath:trainShape:testPath:testShape:)`` when the
    ///   splits' examples differ in shape.
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
