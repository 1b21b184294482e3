import CLUTNetAPI
import XCTest
@testable import LUTNet

/// The C API on multi-class tasks: training on "all", the class count, predictions as class
/// bytes that agree with the Swift model, accuracy, and a saved model that loads the same.
final class CAPIMultiClassTests: XCTestCase {
    /// A model the C API hands around is one reference to its network, whatever its kind: stored
    /// inline, a multi-class model left the words only a binary network fills uninitialized, and
    /// every copy branched on them (valgrind's memcheck, optimized library; see
    /// CAPIExampleTests.testExamplesRunCleanUnderValgrind, which runs a multi-class model).
    func testAModelIsOneReferenceWhateverItsKind() {
        XCTAssertEqual(MemoryLayout<TrainedModel>.size, MemoryLayout<UnsafeRawPointer>.size)
    }

    func testMultiClassModelThroughTheCAPI() throws {
        var error = lutnet_error()
        var data: OpaquePointer?
        XCTAssertEqual(lutnet_dataset_load(Fixtures.path("tiny"), &data, &error), LUTNET_OK)
        defer { lutnet_dataset_free(data) }
        var model: OpaquePointer?
        XCTAssertEqual(CAPIThreadingTests.train(data, "all", k: 6, widths: [64, 64], &model, &error), LUTNET_OK)
        defer { lutnet_model_free(model) }
        XCTAssertEqual(lutnet_model_class_count(model), 10)
        XCTAssertEqual(lutnet_model_class_count(nil), 0)
        XCTAssertEqual(String(cString: try XCTUnwrap(lutnet_model_task(model))), "0:1:2:3:4:5:6:7:8:9")

        let count = lutnet_dataset_count(data, LUTNET_SPLIT_TEST)
        var answers = [UInt8](repeating: 255, count: count)
        XCTAssertEqual(lutnet_predict_dataset(model, data, LUTNET_SPLIT_TEST, &answers, count, &error), LUTNET_OK)
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let test = try XCTUnwrap(dataset.test)
        let correct = zip(answers, test.labels).filter { $0.0 == $0.1 }.count
        var accuracy = 0.0
        XCTAssertEqual(lutnet_accuracy(model, data, LUTNET_SPLIT_TEST, nil, &accuracy, &error), LUTNET_OK)
        XCTAssertEqual(accuracy, Double(correct) / Double(count), accuracy: 1e-12)
        XCTAssertGreaterThan(accuracy, 0.5)
        XCTAssertTrue(answers.allSatisfy { $0 < 10 })

        let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("c.lut").path
        XCTAssertEqual(lutnet_model_save(model, path, &error), LUTNET_OK)
        guard case .multiClass(let saved) = try ModelFile.loadModel(from: path) else { return XCTFail("a multi-class file") }
        XCTAssertEqual(try saved.predict(test), answers)
        var loaded: OpaquePointer?
        XCTAssertEqual(lutnet_model_load(path, &loaded, &error), LUTNET_OK)
        defer { lutnet_model_free(loaded) }
        XCTAssertEqual(lutnet_model_class_count(loaded), 10)

        var binary: OpaquePointer?
        XCTAssertEqual(CAPIThreadingTests.train(data, "0-4:5-9", k: 6, widths: [64, 64], &binary, &error), LUTNET_OK)
        defer { lutnet_model_free(binary) }
        XCTAssertEqual(lutnet_model_class_count(binary), 2)
    }

    func testMultiClassWiringThroughTheCAPI() throws {
        var error = lutnet_error()
        var data: OpaquePointer?
        XCTAssertEqual(lutnet_dataset_load(Fixtures.path("tiny"), &data, &error), LUTNET_OK)
        defer { lutnet_dataset_free(data) }
        func message() -> String { withUnsafeBytes(of: error.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } }
        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        guard case .multiClass(let task) = try ClassTask(parsing: "all", for: dataset) else { return XCTFail("ten classes") }
        let shape = try NetworkShape(k: 6, hiddenWidths: [48, 32])
        var parameters = lutnet_parameters()
        lutnet_default_parameters_sized(&parameters, MemoryLayout<lutnet_parameters>.size)
        parameters.k = 6
        parameters.layers = UnsafePointer(strdup("48,32"))
        defer { free(UnsafeMutablePointer(mutating: parameters.layers)) }
        // NULL: the default 6 × 6 windows; a text: that wiring, random meaning no windows.
        for text in [nil, "random", "local:4", "hier:4,12,2", "hier:4,12,2,grid"] as [String?] {
            let copy = text.map { strdup($0) } ?? nil
            defer { free(copy) }
            parameters.wiring = UnsafePointer(copy)
            var model: OpaquePointer?
            XCTAssertEqual(lutnet_train_sized(data, "all", &parameters, &model, &error), LUTNET_OK, message())
            defer { lutnet_model_free(model) }
            let path = try Fixtures.temporaryFolder(for: self).appendingPathComponent("wired.lut").path
            XCTAssertEqual(lutnet_model_save(model, path, &error), LUTNET_OK)
            guard case .multiClass(let saved) = try ModelFile.loadModel(from: path) else { return XCTFail("a multi-class file") }
            let wiring = try text.map { try WiringSpec(parsing: $0) } ?? .windowOnly(6)
            let engine = try MultiClassNetwork.train(on: dataset, task: task, options: MultiClassTrainingOptions(
                shape: shape, seed: 0, wiring: wiring, threads: 1)).network
            XCTAssertEqual(saved, engine, "\(text ?? "NULL")")
            XCTAssertEqual(saved.wiring, wiring)
            var loaded: OpaquePointer?
            XCTAssertEqual(lutnet_model_load(path, &loaded, &error), LUTNET_OK, message())
            lutnet_model_free(loaded)
        }
        let bad = strdup("hier:4,3,2")
        defer { free(bad) }
        parameters.wiring = UnsafePointer(bad)
        var model: OpaquePointer?
        XCTAssertEqual(lutnet_train_sized(data, "all", &parameters, &model, &error), LUTNET_ERROR_INVALID_PARAMETERS)
        XCTAssertNil(model)
        XCTAssertTrue(message().contains("NEAR = 3 is fewer than k = 6"), message())
    }
}
