/// Why layers or a network cannot be built from the given parts: each description names the layer
/// (and LUT) at fault and what is wrong. A wiring or table that passed these checks is safe to hand
/// to the C kernels.
public enum NetworkError: Error, CustomStringConvertible, Equatable, Sendable {
    /// k outside 1...`LUTNetLimits.maxK`.
    case invalidK(Int)
    /// A layer of no LUTs, or more than `LUTNetLimits.maxWidth`.
    case invalidWidth(Int)
    /// A layer reading from no sources, or more than `LUTNetLimits.maxSources`.
    case invalidSourceCount(Int)
    /// A wiring array whose length is not width × k.
    case wiringCount(found: Int, width: Int, k: Int)
    /// A table array whose length is not width × table words.
    case tableCount(found: Int, width: Int, tableWords: Int)
    /// A LUT input that names a source past the layer below.
    case wiringOutOfRange(lut: Int, input: Int, source: UInt32, sourceCount: Int)
    /// A network without layers.
    case noLayers
    /// More layers than `LUTNetLimits.maxHiddenLayers` + 1.
    case tooManyLayers(Int)
    /// A last layer of more than one LUT: a network's answer is one output LUT.
    case outputWidth(Int)
    /// A layer whose fan-in differs from the first layer's.
    case mixedK(layer: Int, k: Int, expected: Int)
    /// A layer that does not read the outputs of the layer below (or, first, the inputs).
    case layersDoNotChain(layer: Int, sourceCount: Int, expected: Int)
    /// A binarization threshold outside 1...255.
    case invalidThreshold(Int)
    /// A multi-class model whose number of class networks differs from its task's classes.
    case classCountMismatch(networks: Int, classes: Int)
    /// An image shape whose size differs from the network's input count.
    case imageSize(image: String, inputCount: Int)
    /// An input encoding whose encoded pixels do not divide the network's input count.
    case encodingSize(encoding: String, encodedChannels: Int, inputCount: Int)
    /// A problem in one layer of a network (index 0 is the first hidden layer).
    indirect case inLayer(Int, NetworkError)

    /// A sentence that names the layer or LUT at fault and what is wrong.
    public var description: String {
        switch self {
        case .invalidK(let k): ConfigurationError.invalidK(k).description
        case .invalidWidth(let width): "a layer of \(width) LUTs: a layer has 1 to \(LUTNetLimits.maxWidth)"
        case .invalidSourceCount(let count):
            "a layer reading \(count) sources: a layer reads 1 to \(LUTNetLimits.maxSources)"
        case .wiringCount(let found, let width, let k):
            "\(found) wiring entries for \(width) LUTs of \(k) inputs (need \(width * k))"
        case .tableCount(let found, let width, let tableWords):
            "\(found) table words for \(width) LUTs of \(tableWords) words each (need \(width * tableWords))"
        case .wiringOutOfRange(let lut, let input, let source, let sourceCount):
            "input \(input) of LUT \(lut) reads source \(source), but the layer below has \(sourceCount)"
        case .noLayers: "a network needs at least its output LUT"
        case .tooManyLayers(let count):
            "\(count) layers: a network has at most \(LUTNetLimits.maxHiddenLayers) hidden layers and its output LUT"
        case .outputWidth(let width): "the last layer has \(width) LUTs; a network ends in one output LUT"
        case .mixedK(let layer, let k, let expected):
            "layer \(layer) has k = \(k) but the first layer has k = \(expected); every layer has the same k"
        case .layersDoNotChain(let layer, let sourceCount, let expected):
            "layer \(layer) reads \(sourceCount) sources but the layer below it gives \(expected)"
        case .invalidThreshold(let threshold): ConfigurationError.invalidThreshold(threshold).description
        case .classCountMismatch(let networks, let classes):
            "\(networks) class networks for a task of \(classes) classes; a multi-class model has one per class"
        case .imageSize(let image, let inputCount):
            "images of \(image) for a network of \(inputCount) inputs; the image shape must hold every input"
        case .encodingSize(let encoding, let encodedChannels, let inputCount):
            "input bits \(encoding) make \(encodedChannels) bits per pixel, which do not divide the network's \(inputCount) inputs"
        case .inLayer(let layer, let error): "layer \(layer): \(error)"
        }
    }
}
