import Foundation

/// The multi-class model format, versions 3, 5, 8 and 11 of LUTNet's model files (all integers
/// little-endian):
///
/// | field | size |
/// | --- | --- |
/// | magic `LUTNETM\0` | 8 bytes |
/// | format version (11 for a model whose input bits need the images' height and width, else 8 for a model that records the patterns training showed or has sections, else 5 for a wiring other than `local:S` and random, else 3) | u32 |
/// | input bits per example | u32 |
/// | binarization threshold | u32 |
/// | task, canonical text (e.g. `0:1:2`) | u32 length (at most 4096) + UTF-8 bytes |
/// | k | u32 |
/// | first-layer window side S, 0 for none (S × S at most the input bits) | u32 |
/// | versions 5, 8 and 11: the wiring's text (e.g. `hier:6,32,2`; versions 8 and 11 any wiring), its window side the one above | u32 length (at most 256) + UTF-8 bytes |
/// | versions 8 and 11: section count S (0 to 8), then per section its tag, byte length (at most 4096) and bytes | u32 + S × (u32 + u32 + bytes) |
/// | seed | u64 |
/// | number of classes K (3 to 256) | u32 |
/// | per class: number of layers L, then L widths | K × (u32 + L × u32) |
/// | per class: its wiring then its tables, as in version 1; versions 8 and 11: then its layers' seen patterns, packed as the tables | |
/// | CRC-32 (zlib's) of everything above | u32 |
///
/// Version 8's sections: tag 1, the input bits (as a binary network's version 7 section: the
/// families' text, u32 length + UTF-8, and the images' bytes per pixel, u32), written when the
/// model reads more than its bytes at the threshold; tag 2, the binary task whose groups the model
/// answers (its text, e.g. `0-4:5-9`), written for a binary task read through its classes. A model
/// without sections is written as version 3 or 5, which every earlier reader reads. Version 11 is
/// version 8 whose input-bits section also holds the images' height and width (2 × u32 after the
/// bytes per pixel), which `deskew` and `neighbours:D` need; it is written only for a model that
/// reads one of them.
extension ModelFile {
    /// The format version of multi-class models wired by a window side alone (`local:S`) or at
    /// random, which every earlier reader reads.
    package static let multiClassVersion: UInt32 = 3
    /// The format version of multi-class models of any other wiring (`hier:S,NEAR,L`, `,grid`).
    package static let multiClassWiringVersion: UInt32 = 5
    /// The format version of multi-class models that record the patterns training showed each LUT
    /// (what `lutnet export --dont-care unseen` needs), whatever their wiring, and may hold
    /// sections (input bits beyond the threshold, the binary task whose groups the model answers).
    package static let multiClassSeenPatternsVersion: UInt32 = 8
    /// The format version of multi-class models whose input bits need the images' height and width
    /// (`deskew`, `neighbours:D`): version 8 with those sides in the input-bits section.
    package static let multiClassSpatialEncodingVersion: UInt32 = 11
    /// The format versions of multi-class models.
    static let multiClassVersions: Set<UInt32> = [multiClassVersion, multiClassWiringVersion, multiClassSeenPatternsVersion,
                                                  multiClassSpatialEncodingVersion]
    /// The tag of a multi-class model's input-bits section.
    static let multiClassEncodingTag: UInt32 = 1
    /// The tag of a multi-class model's section naming the binary task whose groups it answers.
    static let multiClassGroupsTag: UInt32 = 2
    /// The most sections a multi-class model file holds.
    static let maxMultiClassSections = 8
    /// The most bytes one section of a multi-class model file holds.
    static let maxMultiClassSectionBytes = 4096

    /// The sections of `network`'s file, tag and bytes, in writing order (none for a model of the
    /// threshold bits answering its own task).
    static func multiClassSections(of network: MultiClassNetwork) -> [(tag: UInt32, bytes: [UInt8])] {
        (network.encoding.isThresholdOnly ? [] : [(multiClassEncodingTag, InputEncodingSection(network.encoding).bytes)])
            + (network.groups.map { [(multiClassGroupsTag, Array($0.description.utf8))] } ?? [])
    }

    /// A multi-class model's bytes in the file format: what `save(_:to:)`
    /// writes.
    ///
    /// - Parameter network: The model.
    /// - Returns: The file's bytes.
    public static func encode(_ network: MultiClassNetwork) -> [UInt8] {
        var out = ByteWriter()
        out.bytes(magic)
        let sections = multiClassSections(of: network)
        let recordsSeen = network.classLayers.allSatisfy { $0.allSatisfy { $0.seenPatterns != nil } }
        // Version 8 records seen patterns; a model that has sections but no record (one read from
        // an older file) is written as having seen every pattern.
        let version8 = recordsSeen || !sections.isEmpty
        let recordsWiring = version8 || !network.wiring.isWindowOnly
        out.u32(network.encoding.isSpatial ? multiClassSpatialEncodingVersion : version8 ? multiClassSeenPatternsVersion
                : recordsWiring ? multiClassWiringVersion : multiClassVersion)
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
        if version8 {
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
        for layers in network.classLayers {
            writeWiringAndTables(layers, to: &out)
            if version8 {
                for layer in layers {
                    out.u64s(layer.seenPatterns ?? [UInt64](repeating: ~0, count: layer.width * LUTLayer.tableWords(k: layer.k)))
                }
            }
        }
        out.u32(crc(out.data[...]))
        return out.data
    }

    /// Writes a multi-class model to a file, atomically.
    ///
    /// - Parameters:
    ///   - network: The model.
    ///   - path: The file; its folder must exist and be writable.
    /// - Throws: ``ModelFileError/io(path:reason:)`` naming `path` when it is a folder, its folder
    ///   does not exist or is not writable, or the file cannot be written.
    public static func save(_ network: MultiClassNetwork, to path: String) throws(ModelFileError) {
        try writeAtomically(encode(network), to: path, what: "the model")
    }

    /// Decodes a model of either kind from a model file's bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - path: The source's name in errors.
    /// - Returns: The model.
    /// - Throws: ``ModelFileError`` naming `path` when the bytes are not a model file: a wrong magic,
    ///   an unknown version, another size than the header declares, a bad checksum or inconsistent
    ///   contents.
    public static func decodeModel(_ bytes: [UInt8], path: String) throws(ModelFileError) -> TrainedModel {
        isMultiClass(bytes) ? .multiClass(try decodeMultiClass(bytes, path: path)) : .binary(try decode(bytes, path: path))
    }

    /// Whether `bytes` start as a multi-class model file: the magic, then version 3, 5, 8 or 11.
    static func isMultiClass(_ bytes: [UInt8]) -> Bool {
        bytes.count >= magic.count + 4 && bytes.starts(with: magic)
            && multiClassVersions.contains(bytes[magic.count..<magic.count + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) })
    }

    /// Decodes a multi-class model (version 3, 5, 8 or 11) from its bytes: its header first, which fixes
    /// the file's exact size, then the checksum, then the class networks.
    static func decodeMultiClass(_ bytes: [UInt8], path: String) throws(ModelFileError) -> MultiClassNetwork {
        let header = try MultiClassModelHeader.parse(bytes[...], path: path)
        try checkSize(bytes.count, declared: header.fileSize, path: path)
        try checkCRC(bytes, path: path)
        var reader = ByteReader(bytes: bytes[..<(bytes.count - 4)], path: path)
        try reader.skip(header.byteCount)
        var classLayers: [[LUTLayer]] = []
        for widths in header.classWidths {
            let ks = widths.map { _ in header.k }
            let parts = try readWiringAndTables(&reader, ks: ks, widths: widths)
            let seen = header.recordsSeenPatterns
                ? try widths.map { (width) throws(ModelFileError) in try reader.u64s(width * LUTLayer.tableWords(k: header.k)) } : nil
            classLayers.append(try chain(parts, ks: ks, inputCount: header.inputCount, seenPatterns: seen, path: path))
        }
        let network: MultiClassNetwork
        do {
            network = try MultiClassNetwork(inputCount: header.inputCount, threshold: header.threshold, task: header.task,
                                            seed: header.seed, wiring: header.wiring, classLayers: classLayers,
                                            encoding: header.encoding)
        } catch {
            throw .malformed(path: path, reason: error.description)
        }
        guard let groups = header.groups else { return network }
        do { return try network.readingGroups(of: groups) } catch { throw .malformed(path: path, reason: error.description) }
    }
}
