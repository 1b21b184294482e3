import CSupport
import Foundation

/// Loads CIFAR-10 in its official binary form: the `cifar-10-binary.tar.gz` archive as downloaded, or
/// its unpacked `cifar-10-batches-bin` folder. The training split is `data_batch_1.bin` …
/// `data_batch_5.bin` in that order, the test split `test_batch.bin`. Images become 32×32×3 examples,
/// interleaved (height, width, channel) like IDX color images.
///
/// An archive is read in one streaming pass and never held in memory: each batch is decompressed in
/// chunks of 1,024 records and converted straight into its interleaved pixel buffer (members may come
/// in any order; the archive's header gives each batch's size). The training split then joins the
/// five batches in order; the test split is its batch's buffer.
package enum CIFARBinaryLoader {
    /// The folder of batch files, inside the archive or unpacked.
    package static let folderName = "cifar-10-batches-bin"
    /// The training batches, in training order.
    package static let trainingBatches = (1...5).map { "data_batch_\($0).bin" }
    /// The test batch.
    package static let testBatch = "test_batch.bin"
    /// Bytes of a record: a label byte, then 1,024 red, 1,024 green and 1,024 blue values.
    package static let recordBytes = Int(LUTNET_CIFAR_RECORD_BYTES)
    /// Pixel bytes of an image.
    package static let imageBytes = Int(LUTNET_CIFAR_IMAGE_BYTES)
    /// The shape of one example: height, width, channels.
    package static let imageShape = [Int(LUTNET_CIFAR_SIDE), Int(LUTNET_CIFAR_SIDE), Int(LUTNET_CIFAR_CHANNELS)]
    /// The largest label (10 classes).
    package static let maxLabel: UInt8 = 9
    /// The largest batch accepted: ten times the 30,730,000 bytes (10,000 records) of an official batch.
    package static let maxBatchBytes: UInt64 = 10 * 30_730_000
    /// Records decoded per chunk while streaming an archive (about 3 MB of scratch).
    static let chunkRecords = 1024

    /// True if the folder at `path` holds at least one CIFAR-10 batch file.
    package static func isBatchFolder(_ path: String) -> Bool {
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
        return !names.isDisjoint(with: trainingBatches + [testBatch])
    }

    /// Loads the unpacked folder at `path` (the one holding `data_batch_1.bin` …).
    package static func load(folder path: String) throws(DatasetError) -> Dataset {
        let names = trainingBatches + [testBatch]
        let missing = names.filter { !FileManager.default.fileExists(atPath: path + "/" + $0) }
        guard missing.isEmpty else { throw .cifar(.missingBatches(location: path, batches: missing)) }
        var batches: [String: DecodedBatch] = [:]
        for name in names {
            let file = path + "/" + name
            let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.uint64Value ?? 0
            guard size <= maxBatchBytes else {
                throw .cifar(.oversizedBatch(file: file, member: nil, byteCount: size))
            }
            let contents: FileContents
            do {
                contents = try FileContents.read(path: file, maxLength: maxBatchBytes)
            } catch {
                throw .cifar(.unreadable(error))
            }
            batches[name] = try contents.withUnsafeBytes { bytes throws(DatasetError) in
                var batch = try DecodedBatch(byteCount: UInt64(bytes.count), file: file, member: nil)
                try batch.decode(UnsafeRawBufferPointer(bytes), file: file, member: nil)
                return batch
            }
        }
        return try assemble(batches, location: path)
    }

    /// Loads the archive at `path` (`cifar-10-binary.tar.gz` or any gzipped or plain tar holding a
    /// `cifar-10-batches-bin` folder), in one streaming pass.
    package static func load(archive path: String) throws(DatasetError) -> Dataset {
        let reader: TarArchiveReader
        do { reader = try TarArchiveReader(path: path) } catch { throw .cifar(.archive(error)) }
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkRecords * recordBytes,
                                                             alignment: 64)
        defer { scratch.deallocate() }
        var batches: [String: DecodedBatch] = [:]
        var holdsFolder = false
        while true {
            let next: TarEntry?
            do { next = try reader.next() } catch { throw .cifar(.archive(error)) }
            guard let entry = next else { break }
            let components = entry.name.split(separator: "/").filter { $0 != "." }
            guard let folderIndex = components.lastIndex(where: { $0 == folderName }) else { continue }
            holdsFolder = true
            guard entry.kind == .regularFile, folderIndex == components.count - 2, let last = components.last,
                  trainingBatches.contains(String(last)) || last == testBatch else { continue }
            let name = String(last)
            guard batches[name] == nil else { throw .cifar(.duplicateBatch(file: path, member: entry.name)) }
            var batch = try DecodedBatch(byteCount: entry.size, file: path, member: entry.name)
            var decoded = 0
            while decoded < batch.count {
                let records = min(chunkRecords, batch.count - decoded)
                let chunk = UnsafeMutableRawBufferPointer(rebasing: scratch[..<(records * recordBytes)])
                do { try reader.read(into: chunk) } catch { throw .cifar(.archive(error)) }
                try batch.decode(UnsafeRawBufferPointer(chunk), at: decoded, file: path, member: entry.name)
                decoded += records
            }
            batches[name] = batch
        }
        guard holdsFolder else { throw .cifar(.notCIFARArchive(path: path)) }
        return try assemble(batches, location: path)
    }

    /// Joins the training batches in order and pairs them with the test batch.
    static func assemble(_ batches: [String: DecodedBatch], location: String) throws(DatasetError) -> Dataset {
        let missing = (trainingBatches + [testBatch]).filter { batches[$0] == nil }
        guard missing.isEmpty, let test = batches[testBatch] else {
            throw .cifar(.missingBatches(location: location, batches: missing))
        }
        let training = trainingBatches.compactMap { batches[$0] }
        var pixels: [UInt8] = []
        var labels: [UInt8] = []
        pixels.reserveCapacity(training.reduce(0) { $0 + $1.pixels.count })
        labels.reserveCapacity(training.reduce(0) { $0 + $1.labels.count })
        for batch in training {
            pixels.append(contentsOf: batch.pixels)
            labels.append(contentsOf: batch.labels)
        }
        // Each split names its batches, so that a message about a split says which one.
        let train = try ImageSet(pixels: pixels, imageShape: imageShape, labels: labels,
                                 source: "\(location) (data_batch_1-5)")
        let testSet = try ImageSet(pixels: test.pixels, imageShape: imageShape, labels: test.labels,
                                   source: "\(location) (\(testBatch))")
        return try Dataset(train: train, test: testSet, location: location)
    }
}

/// The records of one batch in their final layout: labels, and pixels interleaved per image.
struct DecodedBatch {
    /// Number of records.
    let count: Int
    var pixels: [UInt8]
    var labels: [UInt8]

    /// Room for a batch of `byteCount` bytes, refused if that is not a whole number of records.
    init(byteCount: UInt64, file: String, member: String?) throws(DatasetError) {
        let recordBytes = UInt64(CIFARBinaryLoader.recordBytes)
        guard byteCount > 0 else { throw .cifar(.emptyBatch(file: file, member: member)) }
        guard byteCount <= CIFARBinaryLoader.maxBatchBytes else {
            throw .cifar(.oversizedBatch(file: file, member: member, byteCount: byteCount))
        }
        guard byteCount % recordBytes == 0 else {
            throw .cifar(.partialRecord(file: file, member: member, byteCount: byteCount))
        }
        count = Int(byteCount / recordBytes)
        pixels = [UInt8](repeating: 0, count: count * CIFARBinaryLoader.imageBytes)
        labels = [UInt8](repeating: 0, count: count)
    }

    /// Converts whole records into place, starting at record `first`; refuses labels above 9.
    mutating func decode(_ records: UnsafeRawBufferPointer, at first: Int = 0, file: String,
                         member: String?) throws(DatasetError) {
        let recordCount = records.count / CIFARBinaryLoader.recordBytes
        precondition(first + recordCount <= count, "more records than the batch holds")
        guard let source = records.bindMemory(to: UInt8.self).baseAddress, recordCount > 0 else { return }
        let bad = pixels.withUnsafeMutableBufferPointer { pixels in
            labels.withUnsafeMutableBufferPointer { labels in
                lutnet_cifar_decode_records(source, recordCount, CIFARBinaryLoader.maxLabel,
                                            pixels.baseAddress! + first * CIFARBinaryLoader.imageBytes,
                                            labels.baseAddress! + first)
            }
        }
        if bad < recordCount {
            throw .cifar(.labelOutOfRange(file: file, member: member, record: first + bad,
                                          label: labels[first + bad]))
        }
    }
}
