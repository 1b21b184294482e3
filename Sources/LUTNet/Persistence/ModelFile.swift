import CZlib
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// LUTNet's versioned binary model format (all integers little-endian):
///
/// | field | size |
/// | --- | --- |
/// | magic `LUTNETM\0` | 8 bytes |
/// | format version (10 when the network's input bits need the images' height and width, else 9 when the wiring was learned from the examples, else 7 when the network reads more input bits than the bytes at the threshold, else 6 when the layers' ks differ, else 4 for a spatially wired network, else 2; 1 is still read) | u32 |
/// | input bits per example | u32 |
/// | binarization threshold | u32 |
/// | task, canonical text (e.g. `0-4:5-9`) | u32 length (at most 4096) + UTF-8 bytes |
/// | k (versions 6 and later: the first layer's) | u32 |
/// | number of layers L, output LUT included | u32 |
/// | widths | L × u32 |
/// | versions 6 and later: every layer's k | L × u32 |
/// | seed | u64 |
/// | versions 2 and later: section count S (at most 64), then per section its tag and byte length | u32 + S × (u32 + u64) |
/// | wiring, layer after layer, LUT after LUT | Σ width·k × u32 |
/// | tables as packed bits, layer after layer | Σ width·⌈2^k/64⌉ × u64 |
/// | versions 2 and later: the sections' bytes, in directory order | Σ lengths |
/// | CRC-32 (zlib's) of everything above | u32 |
///
/// The header fixes the file's exact size, which a reader checks before reading the rest. Section
/// tag 1 holds the seen-pattern masks (packed like the tables); a tag with bit 31 set marks a
/// section a reader must understand, others may be skipped, so later sections can be added
/// without breaking older readers. Version 4 is version 2 with a required section (tag 2 with
/// bit 31 set) naming how the wiring was chosen: the wiring text (u32 length + UTF-8, e.g.
/// `hier:7,64,4`) and the image's height, width and channels (3 × u32). A randomly wired network
/// is written as version 2, which every earlier reader reads. Version 6 is version 4 (the wiring
/// section optional) with every layer's k after the widths; it is written only when the layers' ks
/// differ, so a network of one k is written exactly as before. Version 7 is version 6 with a
/// required section (tag 3 with bit 31 set) naming the input bits read of each pixel: the families'
/// text (u32 length + UTF-8, e.g. `threshold,mean,opponents`) and the images' bytes per pixel
/// (u32); it is written only for a network that reads more than its bytes at the threshold.
/// Version 9 is version 7 written for a network whose wiring was learned from its training examples
/// (`greedy`, named in the wiring section), so that a reader that knows no such wiring refuses the
/// file by its version. Version 10 is version 9 (any wiring) whose input-encoding section also holds
/// the images' height and width (2 × u32 after the bytes per pixel), which `deskew` and
/// `neighbours:D` need; it is written only for a network that reads one of them. Versions 3, 5, 8
/// and 11 are the multi-class format.
public enum ModelFile {
    /// The format version this build writes for a randomly wired network.
    package static let version: UInt32 = 2
    /// The format version this build writes for a spatially wired network.
    package static let spatialWiringVersion: UInt32 = 4
    /// The format version this build writes for a network whose layers' ks differ (wired either way).
    package static let perLayerKVersion: UInt32 = 6
    /// The format version this build writes for a network that reads more input bits than its
    /// bytes at the threshold (`InputEncoding`), whatever its ks and wiring.
    package static let inputEncodingVersion: UInt32 = 7
    /// The format version this build writes for a network whose wiring was learned from its
    /// training examples (`WiringSpec.greedy`), whatever its ks and input bits.
    package static let learnedWiringVersion: UInt32 = 9
    /// The format version this build writes for a network whose input bits need the images' height
    /// and width (`deskew`, `neighbours:D`; `InputEncoding.isSpatial`), whatever its ks and wiring.
    package static let spatialEncodingVersion: UInt32 = 10
    /// The format versions this build reads: 1, 2, 4, 6, 7, 9 and 10 as binary networks, 3, 5, 8
    /// and 11 as a multi-class model.
    package static let readableVersions: ClosedRange<UInt32> = 1...11
    static let magic: [UInt8] = Array("LUTNETM\0".utf8)

    /// A binary network's bytes in the file format: what `save(_:to:)` writes.
    ///
    /// - Parameter network: The network.
    /// - Returns: The file's bytes.
    public static func encode(_ network: LUTNetwork) -> [UInt8] {
        let seen = network.layers.allSatisfy { $0.seenPatterns != nil } ? network.layers.compactMap(\.seenPatterns) : nil
        let tableBytes = network.layers.reduce(0) { $0 + $1.tables.count * 8 }
        let wiring = network.wiring.isRandom && network.image == nil ? nil : WiringSection(network: network)
        var sections: [ModelFileHeader.Section] = seen == nil ? [] : [.init(tag: ModelFileHeader.seenPatternsTag, length: tableBytes)]
        if let wiring { sections.append(.init(tag: ModelFileHeader.wiringTag, length: wiring.bytes.count)) }
        let encoding = network.encoding.isThresholdOnly ? nil : InputEncodingSection(network.encoding)
        if let encoding { sections.append(.init(tag: ModelFileHeader.inputEncodingTag, length: encoding.bytes.count)) }
        let ks = network.layerKs
        let header = ModelFileHeader(
            version: network.encoding.isSpatial ? spatialEncodingVersion : network.wiring.isLearned ? learnedWiringVersion
                : encoding != nil ? inputEncodingVersion : ks.contains { $0 != ks[0] } ? perLayerKVersion
                : wiring == nil ? version : spatialWiringVersion,
            inputCount: network.inputCount, threshold: UInt32(network.threshold), taskText: network.task.description, ks: ks,
            widths: network.layers.map(\.width), seed: network.seed, sections: sections, byteCount: 0)
        var out = ByteWriter()
        out.data.reserveCapacity(header.wiringBytes + 2 * tableBytes + 1024)
        header.encode(into: &out)
        writeWiringAndTables(network.layers, to: &out)
        for masks in seen ?? [] { out.u64s(masks) }
        if let wiring { out.bytes(wiring.bytes) }
        if let encoding { out.bytes(encoding.bytes) }
        out.u32(crc(out.data[...]))
        return out.data
    }

    /// Throws unless a file can be written at `path`: it must not be a folder, and its folder must
    /// exist and be writable. Lets a command refuse a bad path before it trains. `what` names the
    /// file's contents in the message.
    package static func checkWritable(_ path: String, what: String = "the model") throws(ModelFileError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .io(path: path, reason: "cannot write \(what): this is a folder")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io(path: path, reason: "cannot write \(what): the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw .io(path: path, reason: "cannot write \(what): the folder \(folder) is not writable")
        }
    }

    /// Writes a binary network to a file, atomically: a reader never sees half a model.
    ///
    /// - Parameters:
    ///   - network: The network.
    ///   - path: The file; its folder must exist and be writable.
    /// - Throws: ``ModelFileError/io(path:reason:)`` naming `path` when it is a folder, its folder
    ///   does not exist or is not writable, or the file cannot be written.
    public static func save(_ network: LUTNetwork, to path: String) throws(ModelFileError) {
        try writeAtomically(encode(network), to: path, what: "the model")
    }

    /// Writes `bytes` to `path` through a temporary file renamed into place, so that the path holds
    /// either its old contents or all of the new ones; `what` names the contents in errors.
    package static func writeAtomically(_ bytes: [UInt8], to path: String, what: String) throws(ModelFileError) {
        try checkWritable(path, what: what)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .io(path: path, reason: "cannot write \(what) (\(error.localizedDescription))")
        }
    }

    /// Reads a binary network's model file: its header first, which fixes the file's exact size, then
    /// the checksum, then the rest.
    ///
    /// - Parameter path: The model file.
    /// - Returns: The network.
    /// - Throws: ``ModelFileError`` naming `path` when the file cannot be read, is of another size
    ///   than its header declares, has a wrong magic (a gzip-compressed file included), an unknown
    ///   version, a bad checksum or inconsistent contents, or holds a multi-class model.
    public static func load(from path: String) throws(ModelFileError) -> LUTNetwork {
        guard case .binary(let network) = try loadModel(from: path) else { throw .multiClassModel(path: path) }
        return network
    }

    /// Reads a model file of either kind: a binary network (versions 1, 2, 4, 6, 7, 9 and 10) or a
    /// multi-class model (versions 3, 5, 8 and 11). Either kind's header is read first and fixes the file's
    /// exact size, and the checksum is verified a block at a time, before the file is held in memory.
    ///
    /// - Parameter path: The model file.
    /// - Returns: The model.
    /// - Throws: ``ModelFileError`` naming `path` when the file cannot be read, is of another size
    ///   than its header declares, has a wrong magic, an unknown version, an inconsistent header, a
    ///   bad checksum or inconsistent contents.
    public static func loadModel(from path: String) throws(ModelFileError) -> TrainedModel {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot read the model file (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .io(path: path, reason: "cannot read the model file (\(String(cString: strerror(errno))))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .io(path: path, reason: "cannot read the model file: not a regular file") }
        let size = Int(status.st_size)
        // Either kind's header, parsed from its first bytes, declares the file's exact size: a
        // file of any other size is refused before the rest is read.
        let head = try read(descriptor, count: min(size, max(ModelFileHeader.maxBytes, MultiClassModelHeader.maxBytes)), path: path)
        if isMultiClass(head) {
            let header = try MultiClassModelHeader.parse(head[...], path: path)
            try checkSize(size, declared: header.fileSize, path: path)
            try checkCRC(descriptor, size: size, path: path)
            return .multiClass(try decodeMultiClass(try read(descriptor, count: size, path: path), path: path))
        }
        let header = try ModelFileHeader.parse(head[...], path: path)
        try checkSize(size, declared: header.fileSize, path: path)
        try checkCRC(descriptor, size: size, path: path)
        return .binary(try decode(try read(descriptor, count: size, path: path), path: path))
    }

    /// Throws unless the open file's last four bytes are the CRC-32 of the others, reading it a
    /// block at a time, so that a damaged file of any size is refused before it is held whole.
    private static func checkCRC(_ descriptor: Int32, size: Int, path: String) throws(ModelFileError) {
        guard size >= magic.count + 8 else { throw .truncated(path: path) }
        let block = 1 << 20
        var computed: UInt32 = 0
        for offset in stride(from: 0, to: size - 4, by: block) {
            computed = crc(try read(descriptor, count: min(block, size - 4 - offset), at: offset, path: path)[...],
                           continuing: computed)
        }
        var trailer = ByteReader(bytes: try read(descriptor, count: 4, at: size - 4, path: path)[...], path: path)
        let stored = try trailer.u32()
        guard stored == computed else { throw .badChecksum(path: path, stored: stored, computed: computed) }
    }

    /// `count` bytes of the open file from byte `start`.
    private static func read(_ descriptor: Int32, count: Int, at start: Int = 0, path: String) throws(ModelFileError) -> [UInt8] {
        var failure: ModelFileError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress.map { $0 + done }, count - done, off_t(start + done))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    failure = got == 0 ? .truncated(path: path)
                        : .io(path: path, reason: "cannot read the model file (\(String(cString: strerror(errno))))")
                    break
                }
                done += got
            }
            if failure != nil { buffer.baseAddress?.initialize(repeating: 0, count: count) }
            initialized = count
        }
        if let failure { throw failure }
        return bytes
    }

    /// Throws unless a file of `size` bytes is exactly the `declared` size its header gives.
    static func checkSize(_ size: Int, declared: Int, path: String) throws(ModelFileError) {
        guard size >= declared else { throw .truncated(path: path) }
        guard size == declared else {
            throw .malformed(path: path, reason: "\(size - declared) bytes after the end of the model (its header declares \(declared) bytes)")
        }
    }

    /// Decodes a binary network from a model file's bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes, as `encode(_:)` makes them.
    ///   - path: The source's name in errors.
    /// - Returns: The network.
    /// - Throws: ``ModelFileError`` naming `path` when the bytes are not a binary network's model
    ///   file: a wrong magic, an unknown version, another size than the header declares, a bad
    ///   checksum or inconsistent contents.
    public static func decode(_ bytes: [UInt8], path: String) throws(ModelFileError) -> LUTNetwork {
        let header = try ModelFileHeader.parse(bytes[...], path: path)
        try checkSize(bytes.count, declared: header.fileSize, path: path)
        try checkCRC(bytes, path: path)
        var reader = ByteReader(bytes: bytes[..<(bytes.count - 4)], path: path)
        try reader.skip(header.byteCount)
        return try parseModel(header, &reader, path: path)
    }

    /// Throws unless the last four bytes of `bytes` are the CRC-32 of the others.
    static func checkCRC(_ bytes: [UInt8], path: String) throws(ModelFileError) {
        guard bytes.count >= magic.count + 8 else { throw .truncated(path: path) }
        let body = bytes[..<(bytes.count - 4)]
        var trailer = ByteReader(bytes: bytes[(bytes.count - 4)...], path: path)
        let stored = try trailer.u32()
        let computed = crc(body)
        guard stored == computed else { throw .badChecksum(path: path, stored: stored, computed: computed) }
    }

    private static func parseModel(_ header: ModelFileHeader, _ reader: inout ByteReader, path: String) throws(ModelFileError) -> LUTNetwork {
        let task: BinaryTask
        do { task = try BinaryTask(parsing: header.taskText) } catch {
            throw .malformed(path: path, reason: "task '\(header.taskText)': \(error)")
        }
        let wiringAndTables = try readWiringAndTables(&reader, ks: header.ks, widths: header.widths)
        var seen: [[UInt64]]?
        var wiring: WiringSection?
        var encoding: InputEncodingSection?
        for section in header.sections {
            if section.tag == ModelFileHeader.seenPatternsTag {
                seen = try zip(header.widths, header.ks).map { (width, k) throws(ModelFileError) in
                    try reader.u64s(width * LUTLayer.tableWords(k: k))
                }
            } else if section.tag == ModelFileHeader.wiringTag {
                wiring = try WiringSection(reading: &reader, length: section.length, path: path)
            } else if section.tag == ModelFileHeader.inputEncodingTag {
                encoding = try InputEncodingSection(reading: &reader, length: section.length, version: header.version,
                                                    spatialVersion: spatialEncodingVersion, path: path)
            } else {
                try reader.skip(section.length)
            }
        }
        let layers = try chain(wiringAndTables, ks: header.ks, inputCount: header.inputCount, seenPatterns: seen, path: path)
        do {
            return try LUTNetwork(inputCount: header.inputCount, threshold: UInt8(header.threshold), task: task,
                                  seed: header.seed, layers: layers, wiring: wiring?.spec ?? .random, image: wiring?.image,
                                  encoding: encoding?.encoding ?? .threshold)
        } catch {
            throw .malformed(path: path, reason: error.description)
        }
    }

    /// Every layer's wiring, then every layer's tables, for layers of `widths` LUTs of `ks` inputs.
    static func readWiringAndTables(_ reader: inout ByteReader, ks: [Int], widths: [Int])
        throws(ModelFileError) -> [(wiring: [UInt32], tables: [UInt64])] {
        let layers = Array(zip(widths, ks))
        let wirings = try layers.map { (width, k) throws(ModelFileError) in try reader.u32s(width * k) }
        let tables = try layers.map { (width, k) throws(ModelFileError) in try reader.u64s(width * LUTLayer.tableWords(k: k)) }
        return Array(zip(wirings, tables))
    }

    /// The layers of a chain over `inputCount` inputs, layer i of `ks[i]` inputs per LUT, each
    /// checked by `LUTLayer`'s initializer (every input names a source below it); an error names the layer.
    static func chain(_ parts: [(wiring: [UInt32], tables: [UInt64])], ks: [Int], inputCount: Int,
                      seenPatterns: [[UInt64]]? = nil, path: String) throws(ModelFileError) -> [LUTLayer] {
        var layers: [LUTLayer] = []
        var sources = inputCount
        for (index, part) in parts.enumerated() {
            let k = ks[index], width = part.wiring.count / k
            do {
                layers.append(try LUTLayer(k: k, width: width, sourceCount: sources, inputs: part.wiring,
                                           tables: part.tables, seenPatterns: seenPatterns?[index]))
            } catch {
                throw .malformed(path: path, reason: NetworkError.inLayer(index, error).description)
            }
            sources = width
        }
        return layers
    }

    /// Appends the wiring of every layer of `layers`, then their tables.
    static func writeWiringAndTables(_ layers: [LUTLayer], to out: inout ByteWriter) {
        for layer in layers { out.u32s(layer.inputs) }
        for layer in layers { out.u64s(layer.tables) }
    }

    /// The CRC-32 (zlib's) of `bytes`, continuing `value`, the CRC-32 of the bytes before them.
    static func crc(_ bytes: ArraySlice<UInt8>, continuing value: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { CRC32.update(value, $0) }
    }
}
