import CSupport
import Foundation
import XCTest
@testable import LUTNet

/// Model format version 2: the seen-pattern section, version-1 files, and a reader that checks the
/// size the header declares before reading anything else.
final class ModelFileVersionTests: XCTestCase {
    func testVersionOneFixtureLoadsAndPredictsAsTheBuildThatWroteIt() throws {
        let network = try ModelFile.load(from: Fixtures.path("models/v1-tiny-k6.lut"))
        XCTAssertEqual(network.shape.description, "k=6, 2x16 + 1 output LUT")
        XCTAssertTrue(network.layers.allSatisfy { $0.seenPatterns == nil })
        let images = try ImageSet(unlabeled: try IDXTensor.read(path: Fixtures.path("tiny/t10k-images-idx3-ubyte.gz")))
        let expected = try String(contentsOfFile: Fixtures.path("models/v1-tiny-k6.t10k-predictions.txt"), encoding: .utf8)
            .split(separator: "\n").map { UInt8($0) }
        XCTAssertEqual(expected.count, 200)
        XCTAssertEqual(try network.predict(images).map { Optional($0) }, expected)
        // Written again it becomes version 2, still without seen patterns, and reads back equal.
        let again = ModelFile.encode(network)
        XCTAssertEqual(again[8], 2)
        XCTAssertEqual(try ModelFile.decode(again, path: "again.lut"), network)
    }

    func testSeenPatternsAreThePatternsTrainingShowedEachLUT() throws {
        let inputs = ReferenceMemorization.randomMatrix(rows: 12, columns: 150, seed: 8)
        let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: 150, seed: 9)
        let examples = try BinarizedExamples(inputs: inputs, labels: labels, task: try BinaryTask(parsing: "0:1"), threshold: 128)
        let network = MemorizationTrainer(shape: try NetworkShape(k: 8, hiddenWidths: [6]), seed: 1, threads: 2)
            .train(on: examples).network
        let layer = network.layers[0]
        for lut in 0..<layer.width {
            let shown = Set(layer.patterns(of: lut, on: inputs).map(Int.init))
            for pattern in 0..<256 {
                XCTAssertEqual(layer.wasSeen(lut: lut, pattern: pattern), shown.contains(pattern), "LUT \(lut) pattern \(pattern)")
            }
        }
        // 150 examples show at most 150 of a LUT's 256 patterns.
        XCTAssertLessThanOrEqual(layer.seenPatterns?.map(\.nonzeroBitCount).max() ?? 0, 6 * 150)
    }

    func testSeenPatternKernelMarksEveryCountedPattern() {
        // k = 3: patterns 0 (label 0 twice), 5 (label 1 once) and 7 (both) were seen.
        var counts = [UInt32](repeating: 0, count: 16)
        counts[0] = 2; counts[11] = 1; counts[14] = 1; counts[15] = 3
        var seen: [UInt64] = [.max]
        lutnet_seen_patterns(counts, 3, &seen)
        XCTAssertEqual(seen, [0b1010_0001])
        // k = 7: 128 patterns over two words.
        var wide = [UInt32](repeating: 0, count: 256)
        wide[2 * 64 + 1] = 4; wide[2 * 127] = 1
        var seenWide: [UInt64] = [.max, .max]
        lutnet_seen_patterns(wide, 7, &seenWide)
        XCTAssertEqual(seenWide, [0, 1 | 1 << 63])
    }

    /// A version-2 header: one 1-input LUT reading `inputs` bits, with the given widths and sections.
    func header(k: UInt32 = 1, widths: [UInt32] = [1], sections: [(UInt32, UInt64)] = []) -> [UInt8] {
        var out = ByteWriter()
        out.bytes(ModelFile.magic); out.u32(2); out.u32(4); out.u32(128)
        out.u32(3); out.bytes(Array("0:1".utf8))
        out.u32(k); out.u32(UInt32(widths.count)); out.u32s(widths); out.u64(0)
        out.u32(UInt32(sections.count))
        for (tag, length) in sections { out.u32(tag); out.u64(length) }
        return out.data
    }

    func sealed(_ bytes: [UInt8]) -> [UInt8] {
        var out = ByteWriter(); out.bytes(bytes); out.u32(ModelFile.crc(bytes[...])); return out.data
    }

    func testHeaderDeclaringAnEnormousModelIsRefusedBeforeReadingIt() throws {
        let widths = [UInt32](repeating: UInt32(LUTNetLimits.maxWidth), count: LUTNetLimits.maxHiddenLayers) + [1]
        let huge = header(k: 16, widths: widths)
        XCTAssertThrowsError(try ModelFile.decode(huge, path: "huge.lut")) { error in
            XCTAssertEqual(error as? ModelFileError, .truncated(path: "huge.lut"))
        }
        let folder = try Fixtures.temporaryFolder(for: self)
        let path = folder.appendingPathComponent("huge.lut").path
        try Data(huge).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ModelFile.load(from: path)) { error in
            XCTAssertEqual(error as? ModelFileError, .truncated(path: path))
        }
        var tooManyLayers = header()
        tooManyLayers[8 + 4 * 4 + 3 + 4] = 0xff; tooManyLayers[8 + 4 * 4 + 3 + 7] = 0x7f
        XCTAssertThrowsError(try ModelFile.decode(tooManyLayers, path: "layers.lut")) { error in
            XCTAssertTrue("\(error)".contains("layers (at most 1001)"), "\(error)")
        }
        let hugeSection = header(sections: [(5, 1 << 60)])
        XCTAssertThrowsError(try ModelFile.decode(hugeSection, path: "section.lut")) { error in
            XCTAssertTrue("\(error)".contains("section 5 of 1152921504606846976 bytes"), "\(error)")
        }
    }

    func testSectionsTheReaderDoesNotKnowAreSkippedUnlessRequired() throws {
        // One LUT of k = 1 reading input 0 with table 0b10 (the identity), and a 3-byte section.
        var body = header(sections: [(7, 3)])
        var out = ByteWriter(); out.u32(0); out.u64(0b10); body += out.data + [1, 2, 3]
        let network = try ModelFile.decode(sealed(body), path: "optional.lut")
        XCTAssertEqual(network.layers[0].tables, [0b10])
        XCTAssertNil(network.layers[0].seenPatterns)

        var required = header(sections: [(7 | ModelFileHeader.requiredBit, 3)])
        required += out.data + [1, 2, 3]
        XCTAssertThrowsError(try ModelFile.decode(sealed(required), path: "required.lut")) { error in
            XCTAssertTrue("\(error)".contains("section 7 is required"), "\(error)")
        }
        XCTAssertThrowsError(try ModelFile.decode(sealed(body) + [0], path: "long.lut")) { error in
            XCTAssertTrue("\(error)".contains("1 bytes after the end of the model"), "\(error)")
        }
    }

    func testCompressedFilesAndFoldersAreNotModels() throws {
        let gzip = Fixtures.path("pla/small.pla.gz")
        XCTAssertThrowsError(try ModelFile.load(from: gzip)) { error in
            XCTAssertEqual(error as? ModelFileError, .compressed(path: gzip))
            XCTAssertTrue("\(error)".contains("gzip-compressed"))
        }
        XCTAssertThrowsError(try ModelFile.load(from: Fixtures.path("models"))) { error in
            XCTAssertTrue("\(error)".contains("not a regular file"), "\(error)")
        }
    }
}
