import CLUTNetAPI
import Dispatch
import XCTest
@testable import LUTNet

/// The C API called in-process, as a multithreaded host would: one model and one dataset shared
/// by many threads at once, each thread with its own lutnet_error.
final class CAPIThreadingTests: XCTestCase {
    /// Answers of `model` for `count` examples of `features` bytes, or the failure's message.
    static func predict(_ model: OpaquePointer?, _ pixels: [UInt8], count: Int, features: Int) -> Result<[UInt8], CallFailure> {
        var error = lutnet_error()
        var answers = [UInt8](repeating: 9, count: count)
        let status = lutnet_predict(model, pixels, count, features, &answers, &error)
        guard status == LUTNET_OK else {
            return .failure(CallFailure(message: withUnsafeBytes(of: error.message) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }))
        }
        return .success(answers)
    }

    /// `lutnet_train` of `data` for `task` with k and hidden widths given, other parameters default.
    static func train(_ data: OpaquePointer?, _ task: String, k: Int32, widths: [UInt32],
                      _ model: inout OpaquePointer?, _ error: inout lutnet_error) -> lutnet_status {
        var parameters = lutnet_parameters()
        lutnet_default_parameters_sized(&parameters, MemoryLayout<lutnet_parameters>.size)
        return widths.withUnsafeBufferPointer { widths in
            parameters.k = k
            parameters.layers = nil
            parameters.hidden_widths = widths.baseAddress
            parameters.hidden_layer_count = widths.count
            return lutnet_train_sized(data, task, &parameters, &model, &error)
        }
    }

    func testOneModelAnswersManyThreadsAtOnce() throws {
        let count = 600, features = 48
        var generator = SeededGenerator(seed: 5)
        let labels = (0..<count).map { _ in UInt8.random(in: 0...3, using: &generator) }
        let pixels = labels.flatMap { label in
            (0..<features).map { f in f % 4 == Int(label) ? UInt8.random(in: 128...255) : UInt8.random(in: 0...140) }
        }
        var error = lutnet_error()
        var data: OpaquePointer?
        XCTAssertEqual(lutnet_dataset_from_memory(pixels, labels, count, features, &data, &error), LUTNET_OK)
        defer { lutnet_dataset_free(data) }
        var model: OpaquePointer?
        XCTAssertEqual(Self.train(data, "0,1:2,3", k: 6, widths: [64, 16], &model, &error), LUTNET_OK)
        defer { lutnet_model_free(model) }
        var accuracy = 0.0
        XCTAssertEqual(lutnet_accuracy(model, data, LUTNET_SPLIT_TRAIN, nil, &accuracy, &error), LUTNET_OK)
        XCTAssertGreaterThan(accuracy, 0.9, "the classes are easy to tell apart")

        let expected = try Self.predict(model, pixels, count: count, features: features).get()
        XCTAssertTrue(expected.allSatisfy { $0 <= 1 })
        let shared = SharedModel(model: model, pixels: pixels)
        let outcomes = Outcomes(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { thread in
            // Half the threads make a mistake, so that errors and answers interleave.
            let result = thread % 2 == 0
                ? Self.predict(shared.model, shared.pixels, count: count, features: features)
                : Self.predict(shared.model, shared.pixels, count: count * 2, features: features / 2)
            outcomes.store(result, at: thread)
        }
        for (thread, result) in outcomes.all.enumerated() {
            switch result {
            case .success(let answers):
                XCTAssertEqual(thread % 2, 0)
                XCTAssertEqual(answers, expected)
            case .failure(let failure):
                XCTAssertEqual(thread % 2, 1)
                XCTAssertEqual(failure.message, "lutnet_predict: the examples have 24 bytes each but the model reads 48")
            case nil:
                XCTFail("thread \(thread) reported nothing")
            }
        }
    }
}

/// A failed call's message.
struct CallFailure: Error, Equatable {
    let message: String
}

/// A model handle and examples read (never written) by every thread.
private struct SharedModel: @unchecked Sendable {
    let model: OpaquePointer?
    let pixels: [UInt8]
}

/// One slot per thread for its result; each thread writes only its own slot.
private final class Outcomes: @unchecked Sendable {
    private var slots: [Result<[UInt8], CallFailure>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<[UInt8], CallFailure>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var all: [Result<[UInt8], CallFailure>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
