/// A model read from a model file: a binary network (format versions 1, 2, 4, 6 and 7) or a
/// multi-class model (versions 3, 5 and 8).
///
/// Its cases are `indirect`: the value is one reference to its network. Stored inline, a
/// multi-class model (the smaller payload) left the words only a binary network fills
/// uninitialized while the enum kept its case in a spare bit of one of them, so every copy of a
/// multi-class model branched on partly uninitialized memory (valgrind: "conditional jump depends
/// on uninitialised value").
public indirect enum TrainedModel: Sendable, Equatable {
    /// A network with one output bit.
    case binary(LUTNetwork)
    /// One-vs-rest networks that name a class.
    case multiClass(MultiClassNetwork)

    /// Input bits per example.
    public var inputCount: Int {
        switch self {
        case .binary(let network): network.inputCount
        case .multiClass(let network): network.inputCount
        }
    }

    /// Bytes per image the model predicts: its input bits, unless its input encoding adds bits to
    /// each pixel.
    public var featureCount: Int {
        switch self {
        case .binary(let network): network.featureCount
        case .multiClass(let network): network.featureCount
        }
    }

    /// The input bits of every image, as the model reads them.
    ///
    /// - Parameter images: The images, of ``featureCount`` bytes each.
    /// - Returns: One row per input bit, one column per image.
    /// - Throws: ``ConfigurationError`` when the images are not of the model's size or are more than
    ///   ``LUTNetLimits/maxExamples``.
    public func binarize(_ images: ImageSet) throws(ConfigurationError) -> BitMatrix {
        switch self {
        case .binary(let network): try network.binarize(images)
        case .multiClass(let network): try network.binarize(images)
        }
    }

    /// The binarization threshold.
    public var threshold: UInt8 {
        switch self {
        case .binary(let network): network.threshold
        case .multiClass(let network): network.threshold
        }
    }

    /// Number of classes the model answers with: 2 for a binary network and for a multi-class
    /// model that answers the groups of a binary task.
    public var classCount: Int {
        switch self {
        case .binary: 2
        case .multiClass(let network): network.groups == nil ? network.classCount : 2
        }
    }

    /// The task the model answers, as text: a binary network's, a multi-class model's, or the
    /// binary task a multi-class model answers the groups of.
    public var taskText: String {
        switch self {
        case .binary(let network): network.task.description
        case .multiClass(let network): network.groups?.description ?? network.task.description
        }
    }

    /// The model's answer for every image; their labels are not read.
    ///
    /// - Parameters:
    ///   - images: The images, of ``featureCount`` bytes each.
    ///   - threads: The worker threads; nil for one per core.
    /// - Returns: The class of every image; 0 or 1 for a binary network and for a multi-class model
    ///   that answers the groups of a binary task.
    /// - Throws: ``ConfigurationError`` when the images are not of the model's size or are more than
    ///   ``LUTNetLimits/maxExamples``.
    public func predict(_ images: ImageSet, threads: Int? = nil) throws(ConfigurationError) -> [UInt8] {
        switch self {
        case .binary(let network): try network.predict(images, threads: threads)
        case .multiClass(let network): try network.answers(images, threads: threads)
        }
    }
}
