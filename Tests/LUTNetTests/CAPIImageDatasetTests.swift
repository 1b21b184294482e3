import CLUTNetAPI
import Foundation
import XCTest
@testable import LUTNet

/// `lutnet_dataset_from_images`: images made in memory train the same model, byte for byte, as
/// the folder they came from, spatial input bits and wiring included; every bad argument is
/// refused with its code and message.
final class CAPIImageDatasetTests: XCTestCase {
    private var error = lutnet_error()

    private var message: String { withUnsafeBytes(of: error.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } }

    /// Trains `task` on `data` with `deskew,threshold` input bits, k = 6, 2 × 32 LUTs and `wiring`:
    /// the status and the model (nil on failure), which the caller frees.
    private func train(_ data: OpaquePointer?, _ task: String, wiring: String) -> (status: lutnet_status, model: OpaquePointer?) {
        var parameters = lutnet_parameters()
        lutnet_default_parameters_sized(&parameters, MemoryLayout<lutnet_parameters>.size)
        parameters.k = 6
        parameters.seed = 5
        var model: OpaquePointer?
        let status = "deskew,threshold".withCString { bits in
            parameters.input_bits = bits
            return wiring.withCString { wiring in
                parameters.wiring = wiring
                return "2x32".withCString { layers in
                    parameters.layers = layers
                    return lutnet_train_sized(data, task, &parameters, &model, &error)
                }
            }
        }
        return (status, model)
    }

    /// The model `train` makes, saved at `path`: the file's bytes.
    private func modelFile(_ data: OpaquePointer?, _ task: String, wiring: String, at path: String) throws -> Data {
        let (status, model) = train(data, task, wiring: wiring)
        defer { lutnet_model_free(model) }
        XCTAssertEqual(status, LUTNET_OK, message)
        XCTAssertEqual(lutnet_model_save(model, path, &error), LUTNET_OK, message)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func testImagesFromMemoryTrainTheFoldersModelWithDeskewAndWindows() throws {
        let tiny = try DatasetLoader.load(path: Fixtures.path("tiny"))
        XCTAssertEqual(tiny.train.imageShape, [10, 10])
        let pixels = tiny.train.withPixels { Array($0) }
        var folder: OpaquePointer?, images: OpaquePointer?, flat: OpaquePointer?
        XCTAssertEqual(lutnet_dataset_load(Fixtures.path("tiny"), &folder, &error), LUTNET_OK, message)
        defer { lutnet_dataset_free(folder) }
        XCTAssertEqual(lutnet_dataset_from_images(pixels, tiny.train.labels, tiny.train.count, 10, 10, 1, &images, &error),
                       LUTNET_OK, message)
        defer { lutnet_dataset_free(images) }
        XCTAssertEqual(lutnet_dataset_count(images, LUTNET_SPLIT_TRAIN), tiny.train.count)
        XCTAssertEqual(lutnet_dataset_features(images), 100)

        let files = try Fixtures.temporaryFolder(for: self)
        let path = files.appendingPathComponent("images.lut").path
        for (task, wiring) in [("0-4:5-9", "local:4"), ("all", "hier:4,12,2")] {
            let fromImages = try modelFile(images, task, wiring: wiring, at: path)
            let fromFolder = try modelFile(folder, task, wiring: wiring, at: files.appendingPathComponent("folder.lut").path)
            XCTAssertEqual(fromImages, fromFolder, "\(task) with wiring \(wiring)")
        }

        // The multi-class model records the images' sides and predicts from their flat bytes.
        let test = try XCTUnwrap(tiny.test)
        guard case .multiClass(let saved) = try ModelFile.loadModel(from: path) else { return XCTFail("a multi-class model") }
        XCTAssertEqual(saved.encoding.description, "deskew,threshold")
        XCTAssertEqual(try CAPITraining.answers(ofModelAt: path, on: test), try saved.predict(test, threads: 1))

        // The same bytes as flat examples have no image shape: deskew is refused.
        XCTAssertEqual(lutnet_dataset_from_memory(pixels, tiny.train.labels, tiny.train.count, 100, &flat, &error), LUTNET_OK)
        defer { lutnet_dataset_free(flat) }
        let refused = train(flat, "0-4:5-9", wiring: "random")
        XCTAssertEqual(refused.status, LUTNET_ERROR_INVALID_PARAMETERS, message)
        XCTAssertNil(refused.model)
        XCTAssertTrue(message.contains("--input-bits: deskew needs images of a known height and width"), message)
    }

    /// Color images: the channels of a pixel are together, and the dataset counts them all.
    func testColorImagesCountEveryChannel() {
        let pixels = [UInt8](repeating: 7, count: 2 * 4 * 3 * 3), labels: [UInt8] = [0, 1]
        var data: OpaquePointer?
        XCTAssertEqual(lutnet_dataset_from_images(pixels, labels, 2, 4, 3, 3, &data, &error), LUTNET_OK, message)
        defer { lutnet_dataset_free(data) }
        XCTAssertEqual(lutnet_dataset_features(data), 36)
        XCTAssertEqual(lutnet_dataset_count(data, LUTNET_SPLIT_TRAIN), 2)
    }

    func testEveryBadArgumentIsRefused() {
        let pixels = [UInt8](repeating: 0, count: 64), labels: [UInt8] = [0, 1]
        let big = Int(UInt32.max)
        let cases: [(count: Int, height: Int, width: Int, channels: Int, status: lutnet_status, message: String)] = [
            (0, 4, 4, 1, LUTNET_ERROR_INVALID_ARGUMENT, "count is 0"),
            (2, 0, 4, 1, LUTNET_ERROR_INVALID_ARGUMENT, "height is 0"),
            (2, 4, 0, 1, LUTNET_ERROR_INVALID_ARGUMENT, "width is 0"),
            (2, 4, 4, 0, LUTNET_ERROR_INVALID_ARGUMENT, "channels is 0"),
            (2, big + 1, 1, 1, LUTNET_ERROR_INVALID_ARGUMENT, "height is 4294967296, more than the 4294967295 supported"),
            (2, 4, -1, 1, LUTNET_ERROR_INVALID_ARGUMENT, "width is 18446744073709551615, more than the 4294967295 supported"),
            (2, 65536, 65536, 1, LUTNET_ERROR_INVALID_ARGUMENT,
             "height × width × channels is 4294967296, more than the 4294967295 supported"),
            (2, big, big, big, LUTNET_ERROR_INVALID_ARGUMENT,
             "height × width × channels (4294967295 × 4294967295 × 4294967295) overflows"),
            (big, 65535, 65537, 1, LUTNET_ERROR_INVALID_ARGUMENT,
             "count × features (4294967295 × 4294967295) overflows"),
        ]
        for bad in cases {
            var data: OpaquePointer? = OpaquePointer(bitPattern: 1)
            XCTAssertEqual(lutnet_dataset_from_images(pixels, labels, bad.count, bad.height, bad.width, bad.channels, &data, &error),
                           bad.status, bad.message)
            XCTAssertEqual(message, "lutnet_dataset_from_images: " + bad.message)
            XCTAssertNil(data)
        }
        var data: OpaquePointer? = OpaquePointer(bitPattern: 1)
        XCTAssertEqual(lutnet_dataset_from_images(nil, labels, 2, 4, 4, 1, &data, &error), LUTNET_ERROR_NULL_ARGUMENT)
        XCTAssertEqual(message, "lutnet_dataset_from_images: pixels is NULL")
        XCTAssertNil(data)
        XCTAssertEqual(lutnet_dataset_from_images(pixels, nil, 2, 4, 4, 1, &data, &error), LUTNET_ERROR_NULL_ARGUMENT)
        XCTAssertEqual(message, "lutnet_dataset_from_images: labels is NULL")
        XCTAssertEqual(lutnet_dataset_from_images(pixels, labels, 2, 4, 4, 1, nil, &error), LUTNET_ERROR_NULL_ARGUMENT)
        XCTAssertEqual(message, "lutnet_dataset_from_images: dataset is NULL")
    }
}
