import Foundation
import XCTest
@testable import LUTNet

final class ModelFileTests: XCTestCase {
    func makeNetwork() throws -> (LUTNetwork, BinarizedExamples) {
        let inputs = ReferenceMemorization.randomMatrix(rows: 49, columns: 300, seed: 5)
        let labels = ReferenceMemorization.randomMatrix(rows: 1, columns: 300, seed: 6)
        let examples = try BinarizedExamples(inputs: inputs, labels: labels, task: BinaryTask(parsing: "1,3:0,2,4-6"),
                                             threshold: 77)
        let shape = try NetworkShape(k: 9, hiddenWidths: [20, 10])
        let network = try LUTNetwork.train(on: examples, options: TrainingOptions(shape: shape, seed: 3, threads: 2)).network
        return (network, examples)
    }

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lutnet-\(UUID().uuidString)-\(name)").path
    }

    func testSavedAndReloadedModelPredictsExactlyLikeTheOriginal() throws {
        let (network, examples) = try makeNetwork()
        let path = temporaryPath("model.lut")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.save(network, to: path)
        let loaded = try ModelFile.load(from: path)
        XCTAssertEqual(loaded, network)
        XCTAssertEqual(loaded.threshold, 77)
        XCTAssertEqual(loaded.task.description, "1,3:0,2,4-6")
        XCTAssertNotNil(loaded.layers[0].seenPatterns)
        XCTAssertEqual(loaded.layers.map(\.seenPatterns), network.layers.map(\.seenPatterns))
        XCTAssertEqual(try loaded.outputs(for: examples.inputs), try network.outputs(for: examples.inputs))
    }

    func assertRefused(_ bytes: [UInt8], _ check: (ModelFileError) -> Bool, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try ModelFile.decode(bytes, path: "bad.lut")
            XCTFail("a damaged model was accepted", file: file, line: line)
        } catch {
            XCTAssertTrue(check(error), "unexpected error \(error)", file: file, line: line)
            XCTAssertTrue(error.description.contains("bad.lut"), file: file, line: line)
        }
    }

    func testAModelFileIsCheckedBlockByBlockBeforeItIsRead() throws {
        // 2,100 LUTs of k = 12 over 49 inputs: about 1.1 MB, more than one block of the checksum.
        var generator = SeededGenerator(seed: 9)
        let wiring = (0..<2100).flatMap { lut in (0..<12).map { UInt32((lut * 7 + $0) % 49) } }
        let tables = (0..<2100 * LUTLayer.tableWords(k: 12)).map { _ in generator.next() }
        let layers = [try LUTLayer(k: 12, width: 2100, sourceCount: 49, inputs: wiring, tables: tables),
                      try LUTLayer(k: 2, width: 1, sourceCount: 2100, inputs: [0, 1], tables: [generator.next()])]
        let network = try LUTNetwork(inputCount: 49, threshold: 77, task: try BinaryTask(parsing: "0:1"), seed: 1, layers: layers)
        let path = temporaryPath("large.lut")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.save(network, to: path)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertGreaterThan(bytes.count, 1 << 20)
        XCTAssertEqual(try ModelFile.loadModel(from: path), .binary(network))
        bytes[bytes.count - 100] ^= 1
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ModelFile.loadModel(from: path)) { error in
            guard case .badChecksum(path, let stored, let computed)? = error as? ModelFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(stored, ModelFile.crc(ModelFile.encode(network).dropLast(4)))
            XCTAssertEqual(computed, ModelFile.crc(bytes.dropLast(4)))
        }
    }

    func testDamagedModelFilesAreRefusedWithTheirOwnError() throws {
        let good = ModelFile.encode(try makeNetwork().0)
        var magic = good; magic[0] = UInt8(ascii: "X")
        assertRefused(magic) { if case .badMagic = $0 { true } else { false } }
        var version = good; version[8] = 99
        assertRefused(version) { if case .unsupportedVersion(_, 99) = $0 { true } else { false } }
        var flipped = good; flipped[good.count / 2] ^= 0x10
        assertRefused(flipped) { if case .badChecksum = $0 { true } else { false } }
        for cut in [3, 10, 40, good.count - 1] {
            assertRefused(Array(good.prefix(cut))) {
                switch $0 { case .truncated, .badChecksum: true; default: false }
            }
        }
        assertRefused([]) { if case .truncated = $0 { true } else { false } }
        XCTAssertThrowsError(try ModelFile.load(from: "/nonexistent/model.lut")) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/model.lut"))
        }
    }

    func testInputSizeMismatchIsAnError() throws {
        let (network, _) = try makeNetwork()
        let wrong = BitMatrix(rowCount: 48, columnCount: 10)
        XCTAssertThrowsError(try network.outputs(for: wrong)) { error in
            XCTAssertEqual(error as? ConfigurationError, .inputSizeMismatch(modelInputs: 49, dataFeatures: 48, source: "input"))
        }
    }
}
