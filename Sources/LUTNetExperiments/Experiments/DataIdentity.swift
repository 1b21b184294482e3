import Foundation

/// What an experiment's results were measured on: the data's location as given and a CRC-32 of its
/// decoded examples, so that two datasets of the same name but different content (a user's own
/// copy, a subset, a newer version) are told apart and their results never mixed.
package struct DataIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The folder or file as given (`--data`, or a benchmark's training file).
    package let path: String
    /// CRC-32 (zlib's) of every split in order — training, test, then validation — each as its
    /// example shape (32-bit little-endian numbers), its bytes and its labels.
    package let crc32: UInt32

    /// An identity from its parts.
    package init(path: String, crc32: UInt32) {
        self.path = path
        self.crc32 = crc32
    }

    /// The identity of `dataset` with its optional `validation` split (one pass of zlib's crc32
    /// over the examples).
    package init(dataset: Dataset, validation: ImageSet? = nil) {
        var crc: UInt32 = 0
        for split in [dataset.train, dataset.test, validation].compactMap({ $0 }) {
            let shape = split.imageShape.map { UInt32(truncatingIfNeeded: $0).littleEndian }
            shape.withUnsafeBytes { crc = CRC32.update(crc, $0) }
            split.withPixels { crc = CRC32.update(crc, UnsafeRawBufferPointer($0)) }
            split.labels.withUnsafeBytes { crc = CRC32.update(crc, $0) }
        }
        self.init(path: dataset.location, crc32: crc)
    }

    /// The column of results files that holds `path`.
    package static let pathColumn = "data_path"
    /// The column of results files that holds `checksumText`.
    package static let checksumColumn = "data_crc32"
    /// Both, as results files end their records with them.
    package static let columns = [pathColumn, checksumColumn]

    /// The checksum as eight hexadecimal digits, as results files write it.
    package var checksumText: String { String(format: "%08x", crc32) }

    /// `PATH (CRC-32 1a2b3c4d)`.
    package var description: String { "\(path) (CRC-32 \(checksumText))" }

    /// Reads a checksum written by `checksumText`; nil unless eight hexadecimal digits.
    static func checksum(parsing text: String) -> UInt32? {
        guard text.count == 8, text.allSatisfy(\.isHexDigit) else { return nil }
        return UInt32(text, radix: 16)
    }

    /// The default output folder of an experiment on data named `name` with these identities:
    /// `results/NAME-CHECKSUM`, the checksum that of the single data or a CRC-32 of all of theirs,
    /// so that two datasets of one name never share a folder.
    package static func resultsFolder(name: String, identities: [DataIdentity]) -> String {
        let checksum: UInt32
        if identities.count == 1 {
            checksum = identities[0].crc32
        } else {
            let all = identities.map { $0.crc32.littleEndian }
            checksum = all.withUnsafeBytes { CRC32.update(0, $0) }
        }
        return "results/\(name)-" + String(format: "%08x", checksum)
    }
}

/// The identities of the data an experiment runs on, by the name its runs give
/// (`ExperimentRun.data`, `BaselineRun.data`).
package struct DataIdentities: Sendable {
    private let named: [String: DataIdentity]
    private let fallback: DataIdentity?

    /// The identities `named`, and `fallback` for every other name.
    package init(named: [String: DataIdentity] = [:], fallback: DataIdentity? = nil) {
        self.named = named
        self.fallback = fallback
    }

    /// No identity known: results files then record none and check none.
    package static let unknown = DataIdentities()

    /// The identity of the data named `name`, if known.
    package func identity(of name: String) -> DataIdentity? { named[name] ?? fallback }
}
