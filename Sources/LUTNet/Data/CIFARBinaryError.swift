/// Why a CIFAR-10 binary dataset (the `cifar-10-binary.tar.gz` archive or its unpacked
/// `cifar-10-batches-bin` folder) could not be loaded. Each description names the file at fault and,
/// inside an archive, the batch.
public enum CIFARBinaryError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The archive's gzip or tar structure is damaged (truncated or corrupt gzip, bad header checksum,
    /// archive ending inside an entry).
    case archive(ArchiveReadError)
    /// A batch file of an unpacked folder could not be read.
    case unreadable(FileReadError)
    /// The archive holds no `cifar-10-batches-bin` folder with batch files.
    case notCIFARArchive(path: String)
    /// Batch files that the dataset needs are absent, named in order.
    case missingBatches(location: String, batches: [String])
    /// The archive holds the same batch twice.
    case duplicateBatch(file: String, member: String)
    /// A batch holds no records.
    case emptyBatch(file: String, member: String?)
    /// A batch is larger than LUTNet accepts (the real ones hold 10,000 records).
    case oversizedBatch(file: String, member: String?, byteCount: UInt64)
    /// A batch's size is not a whole number of 3,073-byte records: its last record is short.
    case partialRecord(file: String, member: String?, byteCount: UInt64)
    /// A record's label is not a CIFAR-10 class (0 to 9); `record` counts from 0 within the batch.
    case labelOutOfRange(file: String, member: String?, record: Int, label: UInt8)

    /// A sentence naming the file (and batch) at fault and what is wrong.
    public var description: String {
        switch self {
        case .archive(let error):
            error.message
        case .unreadable(let error):
            error.message
        case .notCIFARArchive(let path):
            "\(path): holds no \(CIFARBinaryLoader.folderName)/ folder with batch files "
                + "(expected the CIFAR-10 binary archive, cifar-10-binary.tar.gz)"
        case .missingBatches(let location, let batches):
            "\(location): missing CIFAR-10 batch\(batches.count == 1 ? "" : "es") "
                + batches.joined(separator: ", ")
        case .duplicateBatch(let file, let member):
            "\(file): \(member) appears twice in the archive"
        case .emptyBatch(let file, let member):
            "\(Self.place(file, member)): the batch holds no records"
        case .oversizedBatch(let file, let member, let byteCount):
            "\(Self.place(file, member)): \(byteCount) bytes is larger than a CIFAR-10 batch can be "
                + "(at most \(CIFARBinaryLoader.maxBatchBytes) bytes)"
        case .partialRecord(let file, let member, let byteCount):
            "\(Self.place(file, member)): \(byteCount) bytes is not a whole number of "
                + "\(CIFARBinaryLoader.recordBytes)-byte records (the last record has only "
                + "\(byteCount % UInt64(CIFARBinaryLoader.recordBytes)) bytes)"
        case .labelOutOfRange(let file, let member, let record, let label):
            "\(Self.place(file, member)): record \(record) has label \(label); "
                + "CIFAR-10 labels are 0 to \(CIFARBinaryLoader.maxLabel)"
        }
    }

    private static func place(_ file: String, _ member: String?) -> String {
        member.map { "\(file): \($0)" } ?? file
    }
}
