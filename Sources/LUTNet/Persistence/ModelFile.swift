import CZlib
import Foundation

/// LUTNet's versioned binary model format (all integers little-endian):
///
/// | field | size |
/// | --- | --- |
/// | magic `LUTNETM\0` | 8 bytes |
/// | format version (1) | u32 |
/// | input bits per example | u32 |
/// | binarization threshold | u32 |
/// | task, canonical text (e.g. `0-4:5-9`) | u32 length + UTF-8 bytes |
/// | k | u32 |
/// | number of layers L, output LUT included | u32 |
/// | widths | L × u32 |
/// | seed | u64 |
/// | wiring, layer after layer, LUT after LUT | Σ width·k × u32 |
/// | tables as packed bits, layer after layer | Σ width·⌈2^k/64⌉ × u64 |
/// | CRC-32 (zlib's) of everything above | u32 |
public enum ModelFile {
    /// The format version this build writes and reads.
    public static let version: UInt32 = 1
    static let magic: [UInt8] = Array("LUTNETM\0".utf8)

    /// The model's bytes in the file format.
    public static func encode(_ network: LUTNetwork) -> [UInt8] {
        var out = header(version: version, inputCount: network.inputCount, threshold: network.threshold,
                         task: network.task.description, k: network.k)
        out.u32(UInt32(network.layers.count))
        for layer in network.layers { out.u32(UInt32(layer.width)) }
        out.u64(network.seed)
        writeLayers(network.layers, to: &out)
        out.u32(crc(out.data[...]))
        return out.data
    }

    /// Throws unless a model can be written at `path`: it must not be a folder, and its folder must
    /// exist and be writable. Lets a command refuse a bad path before it trains.
    public static func checkWritable(_ path: String) throws(ModelFileError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .io(path: path, reason: "cannot write the model: this is a folder")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io(path: path, reason: "cannot write the model: the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw .io(path: path, reason: "cannot write the model: the folder \(folder) is not writable")
        }
    }

    /// Writes `network` to `path` (atomically: a reader never sees half a model).
    public static func save(_ network: LUTNetwork, to path: String) throws(ModelFileError) {
        try write(encode(network), to: path)
    }

    /// Writes a model's bytes to `path`, atomically.
    static func write(_ bytes: [UInt8], to path: String) throws(ModelFileError) {
        try checkWritable(path)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .io(path: path, reason: "cannot write the model (\(error.localizedDescription))")
        }
    }

    /// Reads a model file, refusing a wrong magic, an unknown version, a bad checksum, a truncated
    /// file or inconsistent contents.
    public static func load(from path: String) throws(ModelFileError) -> LUTNetwork {
        try decode(read(path), path: path)
    }

    /// The bytes of the model file at `path`.
    static func read(_ path: String) throws(ModelFileError) -> [UInt8] {
        let contents: FileContents
        do {
            contents = try FileContents.read(path: path, maxLength: 1 << 36)
        } catch {
            throw .io(path: path, reason: "cannot read the model file (\(error.message))")
        }
        return contents.withUnsafeBytes { Array($0) }
    }

    /// Decodes a model from its bytes; `path` names the source in errors.
    public static func decode(_ bytes: [UInt8], path: String) throws(ModelFileError) -> LUTNetwork {
        guard bytes.count >= magic.count, Array(bytes.prefix(magic.count)) == magic else {
            throw bytes.count < magic.count && magic.starts(with: bytes) ? .truncated(path: path) : .badMagic(path: path)
        }
        var reader = ByteReader(bytes: bytes[...], path: path)
        reader.skip(magic.count)
        let fileVersion = try reader.u32()
        if fileVersion == multiClassVersion { throw .multiClassModel(path: path) }
        guard fileVersion == version else { throw .unsupportedVersion(path: path, version: fileVersion) }
        try checkCRC(bytes, path: path)
        reader = ByteReader(bytes: bytes[..<(bytes.count - 4)], path: path)
        reader.skip(magic.count + 4)
        return try parseModel(&reader, path: path)
    }

    /// Throws unless the file is long enough for its header and its last four bytes are the
    /// CRC-32 of the others.
    static func checkCRC(_ bytes: [UInt8], path: String) throws(ModelFileError) {
        guard bytes.count >= magic.count + 8 else { throw .truncated(path: path) }
        let body = bytes[..<(bytes.count - 4)]
        var trailer = ByteReader(bytes: bytes[(bytes.count - 4)...], path: path)
        let stored = try trailer.u32()
        let computed = crc(body)
        guard stored == computed else { throw .badChecksum(path: path, stored: stored, computed: computed) }
    }

    private static func parseModel(_ reader: inout ByteReader, path: String) throws(ModelFileError) -> LUTNetwork {
        let inputCount = Int(try reader.u32())
        let threshold = try reader.u32()
        guard (1...255).contains(threshold) else { throw .malformed(path: path, reason: "threshold \(threshold)") }
        let taskLength = Int(try reader.u32())
        let taskText = String(decoding: try reader.bytes(taskLength), as: UTF8.self)
        let task: BinaryTask
        do { task = try BinaryTask(parsing: taskText) } catch {
            throw .malformed(path: path, reason: "task '\(taskText)': \(error)")
        }
        let k = Int(try reader.u32())
        guard (1...LUTNetLimits.maxK).contains(k) else { throw .malformed(path: path, reason: "k = \(k)") }
        let layerCount = Int(try reader.u32())
        guard layerCount >= 1, layerCount <= LUTNetLimits.maxHiddenLayers + 1 else {
            throw .malformed(path: path, reason: "\(layerCount) layers")
        }
        var widths: [Int] = []
        for _ in 0..<layerCount { widths.append(Int(try reader.u32())) }
        guard widths.allSatisfy({ $0 >= 1 && $0 <= LUTNetLimits.maxWidth }), widths.last == 1 else {
            throw .malformed(path: path, reason: "layer widths \(widths)")
        }
        guard inputCount >= 1 else { throw .malformed(path: path, reason: "input size 0") }
        let seed = try reader.u64()
        let layers = try readLayers(&reader, k: k, widths: widths, inputCount: inputCount, path: path)
        guard reader.remaining == 0 else {
            throw .malformed(path: path, reason: "\(reader.remaining) bytes after the last table")
        }
        do {
            return try LUTNetwork(inputCount: inputCount, threshold: UInt8(threshold), task: task, seed: seed, layers: layers)
        } catch {
            throw .malformed(path: path, reason: error.description)
        }
    }

    /// Reads a chain of layers of `widths` over `inputCount` inputs: every layer's wiring, then
    /// every layer's tables, checking the bytes are there before allocating.
    static func readLayers(_ reader: inout ByteReader, k: Int, widths: [Int], inputCount: Int,
                           path: String) throws(ModelFileError) -> [LUTLayer] {
        let wiringCount = widths.reduce(0) { $0 + $1 * k }
        guard reader.remaining >= wiringCount * 4 else { throw .truncated(path: path) }
        var wirings: [[UInt32]] = []
        for width in widths {
            var wiring = [UInt32](repeating: 0, count: width * k)
            for i in wiring.indices { wiring[i] = try reader.u32() }
            wirings.append(wiring)
        }
        let tableWords = LUTLayer.tableWords(k: k)
        var layers: [LUTLayer] = []
        var sources = inputCount
        for (width, wiring) in zip(widths, wirings) {
            guard reader.remaining >= width * tableWords * 8 else { throw .truncated(path: path) }
            var tables = [UInt64](repeating: 0, count: width * tableWords)
            for i in tables.indices { tables[i] = try reader.u64() }
            do {
                layers.append(try LUTLayer(k: k, width: width, sourceCount: sources, inputs: wiring, tables: tables))
            } catch {
                throw .malformed(path: path, reason: NetworkError.inLayer(layers.count, error).description)
            }
            sources = width
        }
        return layers
    }

    /// The fields every version opens with: magic, `version`, input size, threshold, task text, k.
    static func header(version: UInt32, inputCount: Int, threshold: UInt8, task: String, k: Int) -> ByteWriter {
        var out = ByteWriter()
        out.bytes(magic)
        out.u32(version)
        out.u32(UInt32(inputCount))
        out.u32(UInt32(threshold))
        let text = Array(task.utf8)
        out.u32(UInt32(text.count))
        out.bytes(text)
        out.u32(UInt32(k))
        return out
    }

    /// Appends the wiring of every layer of `layers`, then their tables.
    static func writeLayers(_ layers: [LUTLayer], to out: inout ByteWriter) {
        for layer in layers { for input in layer.inputs { out.u32(input) } }
        for layer in layers { for word in layer.tables { out.u64(word) } }
    }

    static func crc(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var value = crc32(0, nil, 0)
            var offset = 0
            while offset < buffer.count {
                let length = min(buffer.count - offset, 1 << 30)
                value = crc32(value, buffer.baseAddress.map { $0 + offset }, uInt(length))
                offset += length
            }
            return UInt32(value)
        }
    }
}

/// Appends little-endian integers to a byte array.
struct ByteWriter {
    var data: [UInt8] = []
    mutating func bytes(_ values: [UInt8]) { data.append(contentsOf: values) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
}

/// Reads little-endian integers from bytes, throwing `truncated` past the end.
struct ByteReader {
    let bytes: ArraySlice<UInt8>
    let path: String
    var offset: Int

    init(bytes: ArraySlice<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
        self.offset = bytes.startIndex
    }

    var remaining: Int { bytes.endIndex - offset }
    mutating func skip(_ count: Int) { offset += count }

    mutating func bytes(_ count: Int) throws(ModelFileError) -> ArraySlice<UInt8> {
        guard count >= 0, remaining >= count else { throw .truncated(path: path) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func u32() throws(ModelFileError) -> UInt32 {
        let b = try bytes(4)
        return b.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func u64() throws(ModelFileError) -> UInt64 {
        let b = try bytes(8)
        return b.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
