import XCTest
@testable import LUTNet

/// Multi-class models in model files (version 3): a saved model loads equal and predicts alike,
/// binary files still load, and damaged files are refused naming the file.
final class MultiClassModelFileTests: XCTestCase {
    private func trained() throws -> (MultiClassNetwork, Dataset) {
        let data = try TinyDataset.make(classes: 4, trainPerClass: 40, testPerClass: 10)
        let options = MultiClassTrainingOptions(shape: try NetworkShape(k: 3, hiddenWidths: [16, 8]), seed: 1, window: 3, threads: 1)
        let result = try MultiClassNetwork.train(on: data, task: try MultiClassTask(parsing: "0:1:2:3"), options: options)
        return (result.network, data)
    }

    func testSavedModelLoadsEqualAndPredictsAlike() throws {
        let (network, data) = try trained()
        let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("four.lut").path
        try ModelFile.save(network, to: path)
        guard case .multiClass(let loaded) = try ModelFile.loadModel(from: path) else { return XCTFail("a multi-class model") }
        XCTAssertEqual(loaded, network)
        XCTAssertEqual(loaded.window, 3)
        let test = try XCTUnwrap(data.test)
        XCTAssertEqual(try TrainedModel.multiClass(loaded).predict(test), try network.predict(test))
        XCTAssertEqual(TrainedModel.multiClass(loaded).classCount, 4)
        XCTAssertThrowsError(try ModelFile.load(from: path)) { error in
            XCTAssertEqual(error as? ModelFileError, .multiClassModel(path: path))
        }
    }

    func testBinaryFilesStillLoadAsBinaryModels() throws {
        let data = try TinyDataset.make(classes: 2)
        let binary = try LUTNetwork.train(on: data, task: try BinaryTask(parsing: "0:1"),
                                          options: TrainingOptions(shape: try NetworkShape(k: 3, hiddenWidths: [8]), threads: 1)).network
        let bytes = ModelFile.encode(binary)
        XCTAssertEqual(try ModelFile.decodeModel(bytes, path: "b.lut"), .binary(binary))
        XCTAssertEqual(Array(bytes[8..<12]), [2, 0, 0, 0], "binary networks are format version 2")
    }

    func testDamagedFilesAreRefusedNamingTheFile() throws {
        let (network, _) = try trained()
        let bytes = ModelFile.encode(network)
        XCTAssertThrowsError(try ModelFile.decodeModel(Array(bytes.dropLast(9)), path: "m.lut")) { error in
            XCTAssertTrue("\(error)".hasPrefix("m.lut: "), "\(error)")
        }
        var flipped = bytes
        flipped[40] ^= 1
        XCTAssertThrowsError(try ModelFile.decodeModel(flipped, path: "m.lut")) { error in
            guard case .badChecksum(let path, _, _)? = error as? ModelFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "m.lut")
        }
        // A header whose class count disagrees with its task, the checksum made right.
        var wrong = Array(bytes.dropLast(4))
        let taskLength = Int(wrong[20])
        let classOffset = 24 + taskLength + 4 + 4 + 8
        wrong[classOffset] = 5
        wrong += withUnsafeBytes(of: ModelFile.crc(wrong[...]).littleEndian) { Array($0) }
        XCTAssertThrowsError(try ModelFile.decodeModel(wrong, path: "m.lut")) { error in
            XCTAssertEqual(error as? ModelFileError, .malformed(path: "m.lut", reason: "5 class networks for task 0:1:2:3"))
        }
    }
}
