/// The part of a multi-class model file (versions 3, 5, 8 and 11) before the class networks' wiring: the
/// fields that fix the model's shape and, from them, the file's exact size. Every count is bounded
/// before anything its size depends on is read, so a reader parses it from at most `maxBytes`
/// bytes and checks the file's size before reading the rest.
struct MultiClassModelHeader: Equatable {
    /// The most bytes any header takes: the fixed fields, the longest task and wiring texts, and
    /// `MultiClassTask.maxGroups` classes of `LUTNetLimits.maxHiddenLayers` layers each.
    static let maxBytes = 8 + 4 * 4 + ModelFileHeader.maxTaskBytes + 4 * 2 + 4 + WiringSection.maxTextBytes
        + 4 + ModelFile.maxMultiClassSections * (8 + ModelFile.maxMultiClassSectionBytes) + 8 + 4
        + MultiClassTask.maxGroups * 4 * (1 + LUTNetLimits.maxHiddenLayers)

    let inputCount: Int
    let threshold: UInt8
    let task: MultiClassTask
    let k: Int
    let wiring: WiringSpec
    let seed: UInt64
    /// Every class's layer widths, bottom first.
    let classWidths: [[Int]]
    /// Whether every LUT's table is followed by the patterns training showed it (versions 8 and 11).
    let recordsSeenPatterns: Bool
    /// The input bits the model reads of each pixel (a version-8 or 11 section; the bytes at the
    /// threshold otherwise).
    let encoding: InputEncoding
    /// The binary task whose groups the model answers (a version-8 or 11 section), if any.
    let groups: BinaryTask?
    /// Bytes of the header itself.
    let byteCount: Int

    /// The exact size of the file: header, every class's wiring and tables, and the CRC-32.
    var fileSize: Int {
        let perLUT = k * 4 + LUTLayer.tableWords(k: k) * 8 * (recordsSeenPatterns ? 2 : 1)
        return byteCount + classWidths.reduce(0) { $0 + $1.reduce(0, +) } * perLUT + 4
    }

    /// Parses the header at the start of `bytes` (which may end after it), which must start with the
    /// magic and version 3, 5, 8 or 11; `path` names the file in errors.
    static func parse(_ bytes: ArraySlice<UInt8>, path: String) throws(ModelFileError) -> MultiClassModelHeader {
        var reader = ByteReader(bytes: bytes, path: path)
        try reader.skip(ModelFile.magic.count)
        let version = try reader.u32()
        let inputCount = Int(try reader.u32())
        guard inputCount >= 1 else { throw .malformed(path: path, reason: "input size 0") }
        let threshold = try reader.u32()
        guard Threshold.isValid(Int(threshold)) else { throw .malformed(path: path, reason: "threshold \(threshold)") }
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
        // A window of S × S pixels lies inside the image, whose pixels are at most the input bits.
        guard window == 0 || window <= inputCount / window else {
            throw .malformed(path: path, reason: "a first-layer window side of \(window): an image of \(inputCount) input bits has no \(window) × \(window) window")
        }
        var wiring = WiringSpec.windowOnly(window == 0 ? nil : window)
        let recordsSeen = version == ModelFile.multiClassSeenPatternsVersion || version == ModelFile.multiClassSpatialEncodingVersion
        var sections = Sections()
        if recordsSeen || version == ModelFile.multiClassWiringVersion {
            wiring = try readWiring(&reader, window: window, anyWiring: recordsSeen, path: path)
        }
        if recordsSeen { sections = try readSections(&reader, version: version, path: path) }
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
            let widths = try reader.u32s(layerCount).map { Int($0) }
            guard widths.allSatisfy({ (1...LUTNetLimits.maxWidth).contains($0) }) else {
                throw .malformed(path: path, reason: "layer widths \(widths.count > 8 ? "\(widths.prefix(8))…" : "\(widths)")")
            }
            classWidths.append(widths)
        }
        return MultiClassModelHeader(inputCount: inputCount, threshold: UInt8(threshold), task: task, k: k, wiring: wiring,
                                     seed: seed, classWidths: classWidths, recordsSeenPatterns: recordsSeen,
                                     encoding: sections.encoding, groups: sections.groups, byteCount: reader.consumed)
    }

    /// The wiring text of a version-5 or 8 file, which must agree with the file's window side
    /// `window` and, unless `anyWiring` (versions 8 and 11), not be one version 3 writes.
    private static func readWiring(_ reader: inout ByteReader, window: Int, anyWiring: Bool,
                                   path: String) throws(ModelFileError) -> WiringSpec {
        let length = Int(try reader.u32())
        guard length <= WiringSection.maxTextBytes else { throw .malformed(path: path, reason: "a wiring text of \(length) bytes") }
        let text = String(decoding: try reader.bytes(length), as: UTF8.self)
        let wiring = try WiringSection.spec(parsing: text, path: path)
        guard anyWiring || !wiring.isWindowOnly, (wiring.window ?? 0) == window else {
            let version = anyWiring ? ModelFile.multiClassSeenPatternsVersion : ModelFile.multiClassWiringVersion
            throw .malformed(path: path, reason: "wiring '\(text)' with a window side of \(window) in a version \(version) file")
        }
        return wiring
    }

    /// What a version-8 or 11 file's sections say.
    private struct Sections {
        var encoding = InputEncoding.threshold
        var groups: BinaryTask?
    }

    /// The sections of a version-8 or 11 file. Unknown tags are refused: every section shapes the answers.
    private static func readSections(_ reader: inout ByteReader, version: UInt32, path: String) throws(ModelFileError) -> Sections {
        let count = Int(try reader.u32())
        guard (0...ModelFile.maxMultiClassSections).contains(count) else { throw .malformed(path: path, reason: "\(count) sections") }
        var sections = Sections(), seen = Set<UInt32>()
        for _ in 0..<count {
            let tag = try reader.u32(), length = Int(try reader.u32())
            guard length <= ModelFile.maxMultiClassSectionBytes else {
                throw .malformed(path: path, reason: "a section of \(length) bytes")
            }
            guard length <= reader.remaining else { throw .truncated(path: path) }
            guard seen.insert(tag).inserted else { throw .malformed(path: path, reason: "a section of tag \(tag) twice") }
            switch tag {
            case ModelFile.multiClassEncodingTag:
                sections.encoding = try InputEncodingSection(reading: &reader, length: length, version: version,
                                                             spatialVersion: ModelFile.multiClassSpatialEncodingVersion, path: path).encoding
            case ModelFile.multiClassGroupsTag:
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
