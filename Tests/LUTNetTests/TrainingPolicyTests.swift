import CLUTNetAPI
import Foundation
import XCTest
@testable import LUTNet

/// One training policy for every front end: the C API's defaults are the library's (and so the
/// command's), and lutnet.h's documented limits are the library's limits.
final class TrainingPolicyTests: XCTestCase {
    func testTheCAPIDefaultsAreThePolicys() throws {
        var parameters = lutnet_parameters()
        lutnet_default_parameters_sized(&parameters, MemoryLayout<lutnet_parameters>.size)
        XCTAssertEqual(Int(parameters.k), TrainingPolicy.binaryK)
        XCTAssertEqual(String(cString: try XCTUnwrap(parameters.layers)), TrainingPolicy.binaryLayers)
        XCTAssertEqual(try NetworkShape(k: TrainingPolicy.binaryK, layers: TrainingPolicy.binaryLayers), TrainingPolicy.binaryShape)
        XCTAssertEqual(UInt8(parameters.threshold), TrainingPolicy.threshold)
        XCTAssertEqual(try NetworkShape(k: TrainingPolicy.multiClassK, layers: TrainingPolicy.multiClassLayers), .oneVsRest)
        XCTAssertEqual(MultiClassTrainingOptions().window, TrainingPolicy.multiClassWindow)
        // Windows on images at least as large as they are, the whole input otherwise.
        XCTAssertEqual(TrainingPolicy.multiClassWindow(forImageShape: [28, 28]), 6)
        XCTAssertEqual(TrainingPolicy.multiClassWindow(forImageShape: [6, 6, 3]), 6)
        XCTAssertNil(TrainingPolicy.multiClassWindow(forImageShape: [5, 8]))
        XCTAssertNil(TrainingPolicy.multiClassWindow(forImageShape: [784]))
    }

    /// A multi-class model trained through the C API on the default parameters is the library's
    /// default model (k = 10, 3 × 500 per class, 6 × 6 windows), byte for byte; parameters whose
    /// shape is set (even to the same text in another buffer) train that shape.
    func testAMultiClassModelOnTheCAPIDefaultsIsTheLibrarysDefaultModel() throws {
        var error = lutnet_error()
        var data: OpaquePointer?
        XCTAssertEqual(lutnet_dataset_load(Fixtures.path("tiny"), &data, &error), LUTNET_OK)
        defer { lutnet_dataset_free(data) }
        var parameters = lutnet_parameters()
        lutnet_default_parameters_sized(&parameters, MemoryLayout<lutnet_parameters>.size)
        parameters.threads = 2
        parameters.seed = 4
        var model: OpaquePointer?
        XCTAssertEqual(lutnet_train_sized(data, "all", &parameters, &model, &error), LUTNET_OK)
        let folder = try Fixtures.temporaryFolder(for: self)
        let path = folder.appendingPathComponent("c.lut").path
        XCTAssertEqual(lutnet_model_save(model, path, &error), LUTNET_OK)
        lutnet_model_free(model)

        let dataset = try DatasetLoader.load(path: Fixtures.path("tiny"))
        let task = try MultiClassTask(parsing: "0:1:2:3:4:5:6:7:8:9")
        let expected = try MultiClassNetwork.train(on: dataset, task: task, options: MultiClassTrainingOptions(seed: 4, threads: 2)).network
        guard case .multiClass(let trained) = try ModelFile.loadModel(from: path) else { return XCTFail("a multi-class model file") }
        XCTAssertEqual(trained.k, 10)
        XCTAssertEqual(trained.classLayers[0].map(\.width), [500, 500, 500])
        XCTAssertEqual(trained.window, 6)
        XCTAssertEqual(trained, expected)

        let layers = strdup(TrainingPolicy.binaryLayers)
        defer { free(layers) }
        parameters.layers = UnsafePointer(layers)
        parameters.k = 4
        XCTAssertEqual(lutnet_train_sized(data, "0:1:2", &parameters, &model, &error), LUTNET_OK)
        defer { lutnet_model_free(model) }
        XCTAssertEqual(lutnet_model_save(model, path, &error), LUTNET_OK)
        guard case .multiClass(let given) = try ModelFile.loadModel(from: path) else { return XCTFail("a multi-class model file") }
        XCTAssertEqual(given.k, 4)
        XCTAssertEqual(given.classLayers[0].map(\.width), [1024, 1024, 1024, 1024, 1024])
    }

    /// lutnet.h's LUTNET_MAX_* are the library's limits, and so are the figures of the check's
    /// static sentences.
    func testTheHeadersLimitsAreTheLibrarys() {
        XCTAssertEqual(Int(LUTNET_MAX_K), LUTNetLimits.maxK)
        XCTAssertEqual(Int(LUTNET_MAX_LAYER_WIDTH), LUTNetLimits.maxWidth)
        XCTAssertEqual(Int(LUTNET_MAX_HIDDEN_LAYERS), LUTNetLimits.maxHiddenLayers)
        var parameters = lutnet_parameters()
        lutnet_default_parameters_sized(&parameters, MemoryLayout<lutnet_parameters>.size)
        func sentence(_ change: (inout lutnet_parameters) -> Void) -> String {
            var changed = parameters
            change(&changed)
            return lutnet_check_parameters_sized(&changed).map { String(cString: $0) } ?? "accepted"
        }
        XCTAssertEqual(sentence { $0.k = Int32(LUTNetLimits.maxK) }, "accepted")
        XCTAssertTrue(sentence { $0.k = Int32(LUTNetLimits.maxK + 1) }.contains("1 to \(LUTNetLimits.maxK)"))
        let ks: [Int32] = [Int32(LUTNetLimits.maxK + 1)]
        ks.withUnsafeBufferPointer { values in
            XCTAssertTrue(sentence { $0.layer_ks = values.baseAddress; $0.layer_k_count = 1 }.contains("1 to \(LUTNetLimits.maxK)"))
        }
        XCTAssertTrue(sentence { $0.layers = nil; $0.hidden_layer_count = LUTNetLimits.maxHiddenLayers + 1 }
            .contains("at most \(LUTNetLimits.maxHiddenLayers) hidden layers"))
        let widths: [UInt32] = [UInt32(LUTNetLimits.maxWidth + 1)]
        widths.withUnsafeBufferPointer { values in
            XCTAssertTrue(sentence { $0.layers = nil; $0.hidden_widths = values.baseAddress; $0.hidden_layer_count = 1 }
                .contains("1 to \(LUTNetLimits.maxWidth)"))
        }
        XCTAssertTrue(sentence { $0.layer_ks = nil; $0.layer_k_count = 0; $0.threads = Int32(ParallelWork.maxThreads + 1) }
            .contains("to \(ParallelWork.maxThreads)"))
        XCTAssertTrue(sentence { $0.threshold = Int32(Threshold.range.upperBound + 1) }.contains("1 to \(Threshold.range.upperBound)"))
    }

    func testAThresholdIsOneTo255() throws {
        XCTAssertEqual(try Threshold(1).byte, 1)
        XCTAssertEqual(try Threshold(255).byte, 255)
        for bad in [0, 256, -1] {
            XCTAssertThrowsError(try Threshold(bad)) { XCTAssertEqual($0 as? ConfigurationError, .invalidThreshold(bad)) }
        }
        XCTAssertThrowsError(try Threshold.checked(0))
        XCTAssertThrowsError(try MultiClassExamples(images: try DatasetLoader.load(path: Fixtures.path("tiny")).train,
                                                    task: try MultiClassTask(parsing: "0:1:2"), threshold: 0, split: "tiny")) {
            XCTAssertEqual($0 as? ConfigurationError, .invalidThreshold(0))
        }
    }
}
