/// Why a model file could not be written or read. Each description names the file.
public enum ModelFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// The file does not start with LUTNet's model magic.
    case badMagic(path: String)
    /// The file is gzip-compressed; model files never are.
    case compressed(path: String)
    /// The file's format version is not one this build reads.
    case unsupportedVersion(path: String, version: UInt32)
    /// The stored CRC-32 does not match the contents.
    case badChecksum(path: String, stored: UInt32, computed: UInt32)
    /// The file ends before the model does.
    case truncated(path: String)
    /// The contents are inconsistent (impossible k, widths, wiring or task).
    case malformed(path: String, reason: String)
    /// A multi-class model (format version 3, 5 or 8) where a binary network was expected.
    case multiClassModel(path: String)

    /// A sentence that names the model file and what is wrong.
    public var description: String {
        switch self {
        case .io(let path, let reason): "\(path): \(reason)"
        case .badMagic(let path): "\(path): not a LUTNet model file (bad magic)"
        case .compressed(let path):
            "\(path): not a LUTNet model file: it is gzip-compressed (model files are never compressed; decompress it with gunzip first)"
        case .unsupportedVersion(let path, let version):
            "\(path): model format version \(version) is not supported (this build reads versions \(ModelFile.readableVersions.lowerBound) to \(ModelFile.readableVersions.upperBound))"
        case .badChecksum(let path, let stored, let computed):
            "\(path): model file is corrupt: CRC-32 is \(String(stored, radix: 16)), contents give \(String(computed, radix: 16))"
        case .truncated(let path): "\(path): model file is truncated"
        case .malformed(let path, let reason): "\(path): malformed model file: \(reason)"
        case .multiClassModel(let path):
            "\(path): holds a multi-class model (format version \(ModelFile.multiClassVersion), \(ModelFile.multiClassWiringVersion) or \(ModelFile.multiClassSeenPatternsVersion)), not a binary network"
        }
    }
}
