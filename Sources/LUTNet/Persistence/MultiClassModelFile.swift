import Foundation

/// A model read from a model file: a binary network (format versions 1, 2, 4, 6 and 7) or a
/// multi-class model (versions 3, 5 and 8).
public enum TrainedModel: Sendable, Equatable {
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

    /// Bytes per image the model predicts: its input bits, unless a binary network's input
    /// encoding adds bits to each pixel.
    public var featureCount: Int {
        switch self {
        case .binary(let network): network.featureCount
        case .multiClass(let network): network.featureCount
        }
    }

    /// The input bits of every image of `images` (`featureCount` bytes each), as the model reads them.
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

    /// The model's answer for every image of `images` (the class; 0 or 1 for a binary network and
    /// for a multi-class model that answers the groups of a binary task).
    public func predict(_ images: ImageSet, threads: Int? = nil) throws(ConfigurationError) -> [UInt8] {
        switch self {
        case .binary(let network): try network.predict(images, threads: threads)
        case .multiClass(let network): try network.answers(images, threads: threads)
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
}

/// The multi-class model format, versions 3, 5 and 8 of LUTNet's model files (all integers
/// little-endian):
///
/// | field | size |
/// | --- | --- |
/// | magic `LUTNETM\0` | 8 bytes |
/// | format version (8 for a model with sections, else 5 for a wiring other than `local:S` and random, else 3) | u32 |
/// | input bits per example | u32 |
/// | binarization threshold | u32 |
/// | task, canonical text (e.g. `0:1:2`) | u32 length (at most 4096) + UTF-8 bytes |
/// | k | u32 |
/// | first-layer window side, 0 for none | u32 |
/// | versions 5 and 8: the wiring's text (e.g. `hier:6,32,2`), its window side the one above | u32 length (at most 256) + UTF-8 bytes |
/// | version 8: section count S (1 to 8), then per section its tag, byte length and bytes | u32 + S × (u32 + u32 + bytes) |
/// | seed | u64 |
/// | number of classes K (3 to 256) | u32 |
/// | per class: number of layers L, then L widths | K × (u32 + L × u32) |
/// | per class: its wiring then its tables, as in version 1 | |
/// | CRC-32 (zlib's) of everything above | u32 |
///
/// Version 8's sections: tag 1, the input bits (as a binary network's version 7 section: the
/// families' text, u32 length + UTF-8, and the images' bytes per pixel, u32), written when the
/// model reads more than its bytes at the threshold; tag 2, the binary task whose groups the model
/// answers (its text, e.g. `0-4:5-9`), written for a binary task read through its classes. A model
/// without sections is written as version 3 or 5, which every earlier reader reads.
extension ModelFile {
    /// The format version of multi-class models wired by a window side alone (`local:S`) or at
    /// random, which every earlier reader reads.
    public static let multiClassVersion: UInt32 = 3
    /// The format version of multi-class models of any other wiring (`hier:S,NEAR,L`, `,grid`).
    public static let multiClassWiringVersion: UInt32 = 5
    /// The format version of multi-class models with sections (input bits beyond the threshold).
    public static let multiClassSectionsVersion: UInt32 = 8
    /// The format versions of multi-class models.
    static let multiClassVersions: Set<UInt32> = [multiClassVersion, multiClassWiringVersion, multiClassSectionsVersion]
    /// The tag of a multi-class model's input-bits section.
    static let multiClassEncodingTag: UInt32 = 1
    /// The tag of a multi-class model's section naming the binary task whose groups it answers.
    static let multiClassGroupsTag: UInt32 = 2
    /// The most sections a multi-class model file holds.
    static let maxMultiClassSections = 8

    /// The sections of `network`'s file, tag and bytes, in writing order (none for a model of the
    /// threshold bits).
    static func multiClassSections(of network: MultiClassNetwork) -> [(tag: UInt32, bytes: [UInt8])] {
        (network.encoding.isThresholdOnly ? [] : [(multiClassEncodingTag, InputEncodingSection(network.encoding).bytes)])
            + (network.groups.map { [(multiClassGroupsTag, Array($0.description.utf8))] } ?? [])
    }

    /// The multi-class model's bytes in the file format.
    public static func encode(_ network: MultiClassNetwork) -> [UInt8] {
        var out = ByteWriter()
        out.bytes(magic)
        let sections = multiClassSections(of: network)
        let recordsWiring = !network.wiring.isWindowOnly || !sections.isEmpty
        out.u32(!sections.isEmpty ? multiClassSectionsVersion : recordsWiring ? multiClassWiringVersion : multiClassVersion)
        out.u32(UInt32(network.inputCount))
        out.u32(UInt32(network.threshold))
        let text = Array(network.task.description.utf8)
        out.u32(UInt32(text.count))
        out.bytes(text)
        out.u32(UInt32(network.k))
        out.u32(UInt32(network.window ?? 0))
        if recordsWiring {
            let wiring = Array(network.wiring.description.utf8)
            out.u32(UInt32(wiring.count))
            out.bytes(wiring)
        }
        if !sections.isEmpty {
            out.u32(UInt32(sections.count))
            for section in sections {
                out.u32(section.tag)
                out.u32(UInt32(section.bytes.count))
                out.bytes(section.bytes)
            }
        }
        out.u64(network.seed)
        out.u32(UInt32(network.classCount))
        for layers in network.classLayers {
            out.u32(UInt32(layers.count))
            for layer in layers { out.u32(UInt32(layer.width)) }
        }
        for layers in network.classLayers { writeWiringAndTables(layers, to: &out) }
        out.u32(crc(out.data[...]))
        return out.data
    }

    /// Writes a multi-class model to `path` (atomically).
    public static func save(_ network: MultiClassNetwork, to path: String) throws(ModelFileError) {
        try writeAtomically(encode(network), to: path, what: "the model")
    }

    /// Decodes a model of either kind from its bytes; `path` names the source in errors.
    public static func decodeModel(_ bytes: [UInt8], path: String) throws(ModelFileError) -> TrainedModel {
        isMultiClass(bytes) ? .multiClass(try decodeMultiClass(bytes, path: path)) : .binary(try decode(bytes, path: path))
    }

    /// Whether `bytes` start as a multi-class model file: the magic, then version 3, 5 or 8.
    static func isMultiClass(_ bytes: [UInt8]) -> Bool {
        bytes.count >= magic.count + 4 && bytes.starts(with: magic)
            && multiClassVersions.contains(bytes[magic.count..<magic.count + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) })
    }

    /// Decodes a multi-class model (version 3, 5 or 8) from its bytes.
    static func decodeMultiClass(_ bytes: [UInt8], path: String) throws(ModelFileError) -> MultiClassNetwork {
        try checkCRC(bytes, path: path)
        var reader = ByteReader(bytes: bytes[..<(bytes.count - 4)], path: path)
        try reader.skip(magic.count)
        let version = try reader.u32()
        return try parseMultiClass(&reader, version: version, path: path)
    }

    private static func parseMultiClass(_ reader: inout ByteReader, version: UInt32,
                                        path: String) throws(ModelFileError) -> MultiClassNetwork {
        let inputCount = Int(try reader.u32())
        guard inputCount >= 1 else { throw .malformed(path: path, reason: "input size 0") }
        let threshold = try reader.u32()
        guard (1...255).contains(threshold) else { throw .malformed(path: path, reason: "threshold \(threshold)") }
        let taskLength = Int(try reader.u32())
        guard taskLength <= ModelFileHeader.maxTaskBytes else { throw .malformed(path: path, reason: "a task of \(taskLength) bytes") }
        let taskText = String(decoding: try reader.bytes(taskLength), as: UTF8.self)
        let task: MultiClassTask
        do { task = try MultiClassTask(parsing: taskText) } catch {
            throw .malformed(path: path, reason: "task '\(taskText)': \(error)")
        }
        let k = Int(try reader.u32())
        guard (1...LUTNetLimits.maxK).contains(k) else { throw .malformed(path: path, reason: "k = \(k)") }
        let window = Int(try reader.u32())
        var wiring = WiringSpec.windowOnly(window == 0 ? nil : window)
        var sections = MultiClassSections()
        if version == multiClassWiringVersion {
            wiring = try readMultiClassWiring(&reader, window: window, path: path)
        } else if version == multiClassSectionsVersion {
            wiring = try readMultiClassWiring(&reader, window: window, path: path, anyWiring: true)
            sections = try readMultiClassSections(&reader, path: path)
        }
        let seed = try reader.u64()
        let classCount = Int(try reader.u32())
        guard classCount == task.classCount else {
            throw .malformed(path: path, reason: "\(classCount) class networks for task \(task)")
        }
        var classWidths: [[Int]] = []
        for _ in 0..<classCount {
            let layerCount = Int(try reader.u32())
            guard (1...LUTNetLimits.maxHiddenLayers).contains(layerCount) else {
                throw .malformed(path: path, reason: "\(layerCount) layers in a class network")
            }
            var widths: [Int] = []
            for _ in 0..<layerCount { widths.append(Int(try reader.u32())) }
            guard widths.allSatisfy({ (1...LUTNetLimits.maxWidth).contains($0) }) else {
                throw .malformed(path: path, reason: "layer widths \(widths)")
            }
            classWidths.append(widths)
        }
        // The header fixes the size of the rest: check it before allocating any layer.
        let perLUT = k * 4 + LUTLayer.tableWords(k: k) * 8
        let expected = classWidths.reduce(0) { $0 + $1.reduce(0, +) } * perLUT
        guard reader.remaining >= expected else { throw .truncated(path: path) }
        guard reader.remaining == expected else {
            throw .malformed(path: path, reason: "\(reader.remaining - expected) bytes after the last table")
        }
        var classLayers: [[LUTLayer]] = []
        for widths in classWidths {
            let ks = widths.map { _ in k }
            let parts = try readWiringAndTables(&reader, ks: ks, widths: widths)
            classLayers.append(try chain(parts, ks: ks, inputCount: inputCount, path: path))
        }
        let network: MultiClassNetwork
        do {
            network = try MultiClassNetwork(inputCount: inputCount, threshold: UInt8(threshold), task: task, seed: seed,
                                            wiring: wiring, classLayers: classLayers, encoding: sections.encoding)
        } catch {
            throw .malformed(path: path, reason: error.description)
        }
        guard let groups = sections.groups else { return network }
        do { return try network.readingGroups(of: groups) } catch { throw .malformed(path: path, reason: error.description) }
    }

    /// The wiring text of a version-5 or 8 file, which must agree with the file's window side
    /// `window` and, in version 5 (unless `anyWiring`), not be one version 3 writes.
    private static func readMultiClassWiring(_ reader: inout ByteReader, window: Int, path: String,
                                             anyWiring: Bool = false) throws(ModelFileError) -> WiringSpec {
        let length = Int(try reader.u32())
        guard length <= WiringSection.maxTextBytes else { throw .malformed(path: path, reason: "a wiring text of \(length) bytes") }
        let text = String(decoding: try reader.bytes(length), as: UTF8.self)
        let wiring = try WiringSection.spec(parsing: text, path: path)
        guard anyWiring || !wiring.isWindowOnly, (wiring.window ?? 0) == window else {
            let version = anyWiring ? multiClassSectionsVersion : multiClassWiringVersion
            throw .malformed(path: path, reason: "wiring '\(text)' with a window side of \(window) in a version \(version) file")
        }
        return wiring
    }

    /// What a version-8 file's sections say.
    private struct MultiClassSections {
        var encoding = InputEncoding.threshold
        var groups: BinaryTask?
    }

    /// The sections of a version-8 file. Unknown tags are refused: every section shapes the answers.
    private static func readMultiClassSections(_ reader: inout ByteReader, path: String) throws(ModelFileError) -> MultiClassSections {
        let count = Int(try reader.u32())
        guard (1...maxMultiClassSections).contains(count) else { throw .malformed(path: path, reason: "\(count) sections") }
        var sections = MultiClassSections(), seen = Set<UInt32>()
        for _ in 0..<count {
            let tag = try reader.u32(), length = Int(try reader.u32())
            guard length <= reader.remaining else { throw .truncated(path: path) }
            guard seen.insert(tag).inserted else { throw .malformed(path: path, reason: "a section of tag \(tag) twice") }
            switch tag {
            case multiClassEncodingTag:
                sections.encoding = try InputEncodingSection(reading: &reader, length: length, path: path).encoding
            case multiClassGroupsTag:
                guard length <= ModelFileHeader.maxTaskBytes else { throw .malformed(path: path, reason: "a task of \(length) bytes") }
                let text = String(decoding: try reader.bytes(length), as: UTF8.self)
                do { sections.groups = try BinaryTask(parsing: text) } catch {
                    throw .malformed(path: path, reason: "task '\(text)': \(error)")
                }
            default:
                throw .malformed(path: path, reason: "a section of tag \(tag), unknown to this build")
            }
        }
        return sections
    }
}
