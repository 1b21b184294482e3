import CLUTNetAPI
import Foundation
import XCTest
@testable import LUTNet

/// `lutnet_check_parameters` and `lutnet_train` judge parameters alike: whatever the check
/// refuses, training refuses with the value at fault, and whatever it accepts trains.
final class CAPIParameterTests: XCTestCase {
    /// A change to the default parameters (on hidden layers 1x8) and what the check and training
    /// say of it: nil when both accept it.
    struct Case {
        let name: String
        let change: (inout lutnet_parameters) -> Void
        /// The check's static sentence and the text training's message contains; nil: accepted.
        let refusal: (check: String, train: String)?
    }

    func testCheckAndTrainingAgreeOnEveryParameter() throws {
        let c = try CAPITraining(data: Fixtures.path("tiny"), layers: "1x8")
        c.parameters.k = 4
        c.parameters.threads = 2
        let texts = ["", "local:6\n", " random", "local:4", "mean ", "threshold,\tmean", "threshold, mean", "mean\n"]
        let strings = Dictionary(uniqueKeysWithValues: texts.map { ($0, UnsafePointer(strdup($0)!)) })
        defer { for pointer in strings.values { free(UnsafeMutablePointer(mutating: pointer)) } }
        let ks: [Int32] = [4]
        // size_t arrives in Swift as Int: SIZE_MAX is Int(bitPattern: UInt.max), -1.
        let sizeMax = "18446744073709551615", sizeMaxCount = Int(bitPattern: UInt.max)
        let threads = "threads must be 0 (one per core) to 1024"
        let wiring = "wiring must be random, greedy, local:S or hier:S,NEAR,L, optionally followed by ,grid or ,gridT (e.g. hier:7,64,4)"
        let inputBits = "input_bits must list threshold, mean, opponents, thermometer:N (N 1 to 64), neighbours:D (D 0 to 255) or deskew, separated by commas, each at most once"
        let cases: [Case] = [
            Case(name: "threads INT32_MAX", change: { $0.threads = .max },
                 refusal: (threads, "threads = 2147483647: use 0 (one per core) to 1024")),
            Case(name: "threads 1025", change: { $0.threads = 1025 }, refusal: (threads, "threads = 1025")),
            Case(name: "threads -1", change: { $0.threads = -1 }, refusal: (threads, "threads = -1")),
            Case(name: "threads 0", change: { $0.threads = 0 }, refusal: nil),
            Case(name: "wiring empty", change: { $0.wiring = strings[""] }, refusal: (wiring, "the text is empty")),
            Case(name: "wiring with a line break", change: { $0.wiring = strings["local:6\n"] },
                 refusal: (wiring, "\"local:6\\n\" starts or ends with white space")),
            Case(name: "wiring after a space", change: { $0.wiring = strings[" random"] },
                 refusal: (wiring, "\" random\" starts or ends with white space")),
            Case(name: "wiring local:4", change: { $0.wiring = strings["local:4"] }, refusal: nil),
            Case(name: "input bits with a trailing space", change: { $0.input_bits = strings["mean "] },
                 refusal: (inputBits, "\"mean \" starts or ends with white space")),
            Case(name: "input bits with a line break", change: { $0.input_bits = strings["mean\n"] },
                 refusal: (inputBits, "\"mean\\n\" starts or ends with white space")),
            Case(name: "input bits with a tab", change: { $0.input_bits = strings["threshold,\tmean"] },
                 refusal: (inputBits, "\"threshold,\\tmean\" holds a control character")),
            Case(name: "input bits empty", change: { $0.input_bits = strings[""] }, refusal: (inputBits, "the text is empty")),
            Case(name: "input bits with a space after the comma", change: { $0.input_bits = strings["threshold, mean"] },
                 refusal: nil),
            Case(name: "layer_k_count SIZE_MAX", change: { $0.layer_k_count = sizeMaxCount },
                 refusal: ("layer_ks is NULL but layer_k_count is not 0", "layer_ks is NULL but layer_k_count is \(sizeMax)")),
            Case(name: "hidden_layer_count SIZE_MAX", change: { $0.layers = nil; $0.hidden_layer_count = sizeMaxCount },
                 refusal: ("at most 1000 hidden layers are supported", "\(sizeMax) hidden layers")),
            Case(name: "hidden_widths NULL", change: { $0.layers = nil; $0.hidden_layer_count = 3 },
                 refusal: ("hidden_widths is NULL but hidden_layer_count is not 0", "hidden_layer_count is 3")),
        ]
        try ks.withUnsafeBufferPointer { values in
            let withKs = [
                Case(name: "layer_ks with layer_k_count SIZE_MAX", change: { $0.layer_ks = values.baseAddress; $0.layer_k_count = sizeMaxCount },
                     refusal: ("layer_k_count must be 1 to 1001 when layer_ks is set", "layer_k_count = \(sizeMax): give 1 to 1001 values")),
                Case(name: "layer_ks {4}", change: { $0.layer_ks = values.baseAddress; $0.layer_k_count = 1 }, refusal: nil),
            ]
            let defaults = c.parameters
            for test in cases + withKs {
                c.parameters = defaults
                test.change(&c.parameters)
                let check = lutnet_check_parameters_sized(&c.parameters).map { String(cString: $0) }
                let (status, model) = c.train(task: "0-4:5-9")
                lutnet_model_free(model)
                if let refusal = test.refusal {
                    XCTAssertEqual(check, refusal.check, test.name)
                    XCTAssertEqual(status, LUTNET_ERROR_INVALID_PARAMETERS, "\(test.name): \(c.message)")
                    XCTAssertTrue(c.message.hasPrefix("lutnet_train: ") && c.message.contains(refusal.train),
                                  "\(test.name): \(c.message)")
                } else {
                    XCTAssertNil(check, test.name)
                    XCTAssertEqual(status, LUTNET_OK, "\(test.name): \(c.message)")
                }
            }
            c.parameters = defaults
        }
    }

    /// The most threads the check accepts is the library's own limit, which training takes too.
    func testTheThreadLimitIsTheLibrarys() {
        var parameters = lutnet_parameters()
        lutnet_default_parameters_sized(&parameters, MemoryLayout<lutnet_parameters>.size)
        parameters.threads = Int32(ParallelWork.maxThreads)
        XCTAssertNil(lutnet_check_parameters_sized(&parameters))
        parameters.threads += 1
        XCTAssertNotNil(lutnet_check_parameters_sized(&parameters))
        XCTAssertThrowsError(try ParallelWork.validated(threads: ParallelWork.maxThreads + 1))
    }
}
