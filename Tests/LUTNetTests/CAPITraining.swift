import CLUTNetAPI
import Foundation
import XCTest
@testable import LUTNet

/// A dataset opened through the C API with default training parameters on hidden layers of its
/// own, for tests of `lutnet_train` and its parameter checks. Frees what it holds when released.
final class CAPITraining {
    /// The last call's error.
    var error = lutnet_error()
    /// The parameters `train` passes; tests change their fields.
    var parameters = lutnet_parameters()
    /// The dataset handle.
    let data: OpaquePointer?
    private let layers: UnsafeMutablePointer<CChar>?

    /// Opens the dataset at `path` and sets `parameters` to the defaults with `layers`.
    init(data path: String, layers text: String) throws {
        var data: OpaquePointer?
        XCTAssertEqual(lutnet_dataset_load(path, &data, &error), LUTNET_OK)
        self.data = try XCTUnwrap(data)
        lutnet_default_parameters_sized(&parameters, MemoryLayout<lutnet_parameters>.size)
        layers = strdup(text)
        parameters.layers = UnsafePointer(layers)
    }

    deinit {
        lutnet_dataset_free(data)
        free(layers)
    }

    /// The last error's message.
    var message: String { withUnsafeBytes(of: error.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } }

    /// Trains on `task` with `parameters`: the status and the model (nil on failure), which the caller frees.
    func train(task: String) -> (status: lutnet_status, model: OpaquePointer?) {
        var model: OpaquePointer?
        let status = lutnet_train_sized(data, task, &parameters, &model, &error)
        return (status, model)
    }

    /// The answers of the model file at `path`, loaded and applied through the C API, for every
    /// image of `images`.
    static func answers(ofModelAt path: String, on images: ImageSet) throws -> [UInt8] {
        var error = lutnet_error()
        var model: OpaquePointer?
        XCTAssertEqual(lutnet_model_load(path, &model, &error), LUTNET_OK)
        defer { lutnet_model_free(model) }
        XCTAssertEqual(lutnet_model_input_count(model), images.featureCount)
        let pixels = images.withPixels { Array($0) }
        var answers = [UInt8](repeating: 255, count: images.count)
        XCTAssertEqual(lutnet_predict(model, pixels, images.count, images.featureCount, &answers, &error), LUTNET_OK)
        return answers
    }
}
