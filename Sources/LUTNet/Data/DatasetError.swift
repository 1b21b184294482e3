/// Why a dataset could not be loaded or used. Each description names the file or folder at fault.
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An IDX file could not be decoded.
    case unreadable(IDXReadError)
    /// The path does not exist.
    case notFound(path: String)
    /// A dataset folder lacks a file it needs.
    case missingFile(folder: String, expected: String)
    /// A file holds elements of a type LUTNet cannot use there.
    case wrongElementType(path: String, found: IDXElementType, expected: IDXElementType)
    /// A file has the wrong number of dimensions.
    case wrongRank(path: String, shape: [Int], expected: String)
    /// An image file and its label file disagree on the number of examples.
    case countMismatch(imagesPath: String, imageCount: Int, labelsPath: String, labelCount: Int)
    /// The training and test images differ in size.
    case shapeMismatch(trainPath: String, trainShape: [Int], testPath: String, testShape: [Int])
    /// A data file is malformed in a way specific to its format.
    case malformed(path: String, reason: String)
    /// A CIFAR-10 binary archive or folder could not be loaded.
    case cifar(CIFARBinaryError)
    /// An Espresso PLA file could not be loaded.
    case pla(PLAError)

    /// A sentence that names the file or folder at fault and what is wrong.
    public var description: String {
        switch self {
        case .unreadable(let error):
            error.message
        case .notFound(let path):
            "\(path): no such file or folder"
        case .missingFile(let folder, let expected):
            "\(folder): no \(expected) in this folder"
        case .wrongElementType(let path, let found, let expected):
            "\(path): holds \(found) elements, expected \(expected)"
        case .wrongRank(let path, let shape, let expected):
            "\(path): has shape \(Self.format(shape)), expected \(expected)"
        case .countMismatch(let imagesPath, let imageCount, let labelsPath, let labelCount):
            "\(labelsPath): has \(labelCount) labels but \(imagesPath) has \(imageCount) images"
        case .shapeMismatch(let trainPath, let trainShape, let testPath, let testShape):
            "\(testPath): images are \(Self.format(testShape)) but \(trainPath) has \(Self.format(trainShape))"
        case .malformed(let path, let reason):
            "\(path): \(reason)"
        case .cifar(let error):
            error.description
        case .pla(let error):
            error.description
        }
    }

    static func format(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }
}
