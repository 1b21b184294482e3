/// The part of a model file before the wiring: the fields that fix the model's shape and, from
/// them, the file's exact size. Every count is bounded before anything its size depends on is read,
/// so a hostile header costs no more than the bytes it is made of.
struct ModelFileHeader: Equatable {
    /// One optional part after the tables, named in the header's section directory.
    struct Section: Equatable {
        /// What the section holds; a tag with `requiredBit` set must be understood to use the model.
        let tag: UInt32
        /// Its length in bytes.
        let length: Int
    }

    /// The tag of the seen-pattern masks: per layer, per LUT, 2^k bits packed like the tables.
    static let seenPatternsTag: UInt32 = 1
    /// The tag of the wiring section of version 4 (required): how the wiring was chosen.
    static let wiringTag: UInt32 = 0x8000_0002
    /// The tag of the input-encoding section of version 7 (required): the bits read of each pixel.
    static let inputEncodingTag: UInt32 = 0x8000_0003
    /// Set in the tag of a section that a reader must understand (an unknown one is refused);
    /// sections without it are skipped by readers that do not know them.
    static let requiredBit: UInt32 = 0x8000_0000
    /// The longest task text a header may hold.
    static let maxTaskBytes = 4096
    /// The most sections a file may have.
    static let maxSections = 64
    /// The longest section.
    static let maxSectionBytes = 1 << 44
    /// The most bytes any header takes: reading this many (or the whole file, if shorter) is
    /// enough to parse it.
    static let maxBytes = 8 + 4 * 5 + maxTaskBytes + 4 + 8 * (LUTNetLimits.maxHiddenLayers + 1) + 8 + 4 + maxSections * 12

    let version: UInt32
    let inputCount: Int
    let threshold: UInt32
    let taskText: String
    /// Every layer's k (one value per width); all equal unless the version is
    /// `ModelFile.perLayerKVersion` or later.
    let ks: [Int]
    let widths: [Int]
    let seed: UInt64
    let sections: [Section]
    /// Bytes of the header itself.
    let byteCount: Int

    /// Bytes of the wiring (u32 per LUT input).
    var wiringBytes: Int { zip(widths, ks).reduce(0) { $0 + $1.0 * $1.1 } * 4 }
    /// Bytes of all tables (and of a seen-pattern section).
    var tableBytes: Int { zip(widths, ks).reduce(0) { $0 + $1.0 * LUTLayer.tableWords(k: $1.1) } * 8 }
    /// The exact size of the file: header, wiring, tables, sections and the CRC-32.
    var fileSize: Int { byteCount + wiringBytes + tableBytes + sections.reduce(0) { $0 + $1.length } + 4 }

    /// Parses the header at the start of `bytes` (which may end after it); `path` names the file in errors.
    static func parse(_ bytes: ArraySlice<UInt8>, path: String) throws(ModelFileError) -> ModelFileHeader {
        let magic = ModelFile.magic
        if bytes.starts(with: [0x1f, 0x8b]) { throw .compressed(path: path) }
        guard bytes.count >= magic.count else {
            throw magic.starts(with: bytes) ? .truncated(path: path) : .badMagic(path: path)
        }
        guard bytes.starts(with: magic) else { throw .badMagic(path: path) }
        var reader = ByteReader(bytes: bytes, path: path)
        try reader.skip(magic.count)
        let version = try reader.u32()
        if ModelFile.multiClassVersions.contains(version) { throw .multiClassModel(path: path) }
        guard ModelFile.readableVersions.contains(version) else { throw .unsupportedVersion(path: path, version: version) }
        let inputCount = Int(try reader.u32())
        guard inputCount >= 1 else { throw .malformed(path: path, reason: "input size 0") }
        let threshold = try reader.u32()
        guard Threshold.isValid(Int(threshold)) else { throw .malformed(path: path, reason: "threshold \(threshold)") }
        let taskLength = Int(try reader.u32())
        guard taskLength <= maxTaskBytes else {
            throw .malformed(path: path, reason: "a task text of \(taskLength) bytes (at most \(maxTaskBytes))")
        }
        let taskText = String(decoding: try reader.bytes(taskLength), as: UTF8.self)
        let k = Int(try reader.u32())
        guard (1...LUTNetLimits.maxK).contains(k) else { throw .malformed(path: path, reason: "k = \(k)") }
        let layerCount = Int(try reader.u32())
        guard layerCount >= 1, layerCount <= LUTNetLimits.maxHiddenLayers + 1 else {
            throw .malformed(path: path, reason: "\(layerCount) layers (at most \(LUTNetLimits.maxHiddenLayers + 1))")
        }
        let widths = try reader.u32s(layerCount).map { Int($0) }
        guard widths.allSatisfy({ $0 >= 1 && $0 <= LUTNetLimits.maxWidth }), widths.last == 1 else {
            throw .malformed(path: path, reason: "layer widths \(widths.count > 8 ? "\(widths.prefix(8))…" : "\(widths)")")
        }
        var ks = [Int](repeating: k, count: layerCount)
        if version >= ModelFile.perLayerKVersion {
            ks = try reader.u32s(layerCount).map { Int($0) }
            if let bad = ks.first(where: { !(1...LUTNetLimits.maxK).contains($0) }) {
                throw .malformed(path: path, reason: "a layer of k = \(bad)")
            }
            guard ks[0] == k else {
                throw .malformed(path: path, reason: "k = \(k) in the header but \(ks[0]) for the first layer")
            }
        }
        let seed = try reader.u64()
        var sections: [Section] = []
        if version >= 2 {
            let count = Int(try reader.u32())
            guard count <= maxSections else {
                throw .malformed(path: path, reason: "\(count) sections (at most \(maxSections))")
            }
            for _ in 0..<count {
                let tag = try reader.u32()
                let length = try reader.u64()
                guard length <= UInt64(maxSectionBytes) else {
                    throw .malformed(path: path, reason: "section \(tag) of \(length) bytes")
                }
                sections.append(Section(tag: tag, length: Int(length)))
            }
        }
        let header = ModelFileHeader(version: version, inputCount: inputCount, threshold: threshold, taskText: taskText,
                                     ks: ks, widths: widths, seed: seed, sections: sections, byteCount: reader.consumed)
        for section in sections {
            if section.tag == seenPatternsTag, section.length != header.tableBytes {
                throw .malformed(path: path, reason: "seen-pattern section of \(section.length) bytes, the tables have \(header.tableBytes)")
            }
            if section.tag == wiringTag, version < ModelFile.spatialWiringVersion {
                throw .malformed(path: path, reason: "a wiring section in a version \(version) file (it came with version \(ModelFile.spatialWiringVersion))")
            }
            if section.tag == inputEncodingTag, version < ModelFile.inputEncodingVersion {
                throw .malformed(path: path, reason: "an input-encoding section in a version \(version) file (it came with version \(ModelFile.inputEncodingVersion))")
            }
            if section.tag & requiredBit != 0, ![seenPatternsTag, wiringTag, inputEncodingTag].contains(section.tag) {
                throw .malformed(path: path, reason: "section \(section.tag & ~requiredBit) is required to use the model but this build does not know it (a newer LUTNet wrote the file)")
            }
        }
        return header
    }

    /// The header's bytes, as `parse` reads them.
    func encode(into out: inout ByteWriter) {
        out.bytes(ModelFile.magic)
        out.u32(version)
        out.u32(UInt32(inputCount))
        out.u32(threshold)
        let task = Array(taskText.utf8)
        out.u32(UInt32(task.count))
        out.bytes(task)
        out.u32(UInt32(ks[0]))
        out.u32(UInt32(widths.count))
        out.u32s(widths.map { UInt32($0) })
        if version >= ModelFile.perLayerKVersion { out.u32s(ks.map { UInt32($0) }) }
        out.u64(seed)
        if version >= 2 {
            out.u32(UInt32(sections.count))
            for section in sections {
                out.u32(section.tag)
                out.u64(UInt64(section.length))
            }
        }
    }
}
