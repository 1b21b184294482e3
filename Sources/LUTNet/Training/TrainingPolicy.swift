/// The defaults every front end trains with, stated once: the command (`lutnet train`, the
/// experiments) and the C API (`lutnet_default_parameters`, `lutnet_train`) both take them from
/// here.
///
/// - A binary network: the paper's k = 8 and 5 × 1024 hidden LUTs, random wiring.
/// - A multi-class model: k = 10 and 3 × 500 LUTs per class, every class's first layer reading
///   6 × 6 windows of images of at least 6 × 6 pixels (other data: the whole input).
/// - Bytes binarized at 128.
public enum TrainingPolicy {
    /// The binarization threshold: a byte is 1 when it is >= 128.
    public static let threshold: UInt8 = 128

    /// k of a binary network's LUTs.
    public static let binaryK = NetworkShape.paper.layerKs[0]
    /// A binary network's hidden layers, as the command line writes them.
    public static let binaryLayers = NetworkShape.paper.layersText
    /// A binary network's shape: `binaryK`, `binaryLayers` (the paper's network).
    public static var binaryShape: NetworkShape { .paper }

    /// k of every class's LUTs in a multi-class model.
    public static let multiClassK = 10
    /// Every class's hidden layers in a multi-class model, as the command line writes them.
    public static let multiClassLayers = "3x500"
    /// The side of the windows a multi-class model's first layer reads on images.
    public static let multiClassWindow = 6

    /// The window side of a multi-class model on data whose examples have `imageShape` (height,
    /// width and maybe channels) when none is given: `multiClassWindow` on images at least that
    /// large, nil (the whole input) otherwise.
    /// - Parameter imageShape: The data's example shape (`ImageSet.imageShape`).
    /// - Returns: The window side, or nil.
    public static func multiClassWindow(forImageShape imageShape: [Int]) -> Int? {
        guard (2...3).contains(imageShape.count), imageShape[0] >= multiClassWindow, imageShape[1] >= multiClassWindow else {
            return nil
        }
        return multiClassWindow
    }
}
