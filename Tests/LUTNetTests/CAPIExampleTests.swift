import CLUTNetAPI
import Dispatch
import Foundation
import XCTest
@testable import LUTNet

/// The C API as a C program sees it: the examples in Examples/c are compiled with the system's C
/// compiler against lutnet.h and the liblutnetc.so that `swift test` built, run, and their output
/// checked against the Swift engine.
final class CAPIExampleTests: XCTestCase {
    static let strictCFlags = ["-std=c11", "-Wall", "-Wextra", "-pedantic", "-Werror"]

    var scratch: URL!

    override func setUpWithError() throws {
        if let sanitizer = Fixtures.sanitizer {
            throw XCTSkip("C programs linked against the \(sanitizer)-sanitized liblutnetc.so would need the "
                          + "sanitizer's runtime (and valgrind cannot run beside it); plain `swift test` runs these")
        }
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lutnet-capi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// Compiles Examples/c/`name`.c against lutnet.h and the library in `libraryFolder`.
    func compileExample(_ name: String, libraryFolder: String, file: StaticString = #filePath,
                        line: UInt = #line) throws -> String {
        let executable = scratch.appendingPathComponent(name).path
        let outcome = try ExternalTools.run(try ExternalTools.cCompiler(), Self.strictCFlags + [
            "-I", CAPIPaths.includeFolder, CAPIPaths.examplesFolder + "/\(name).c",
            "-L", libraryFolder, "-llutnetc", "-Wl,-rpath," + libraryFolder, "-o", executable,
        ])
        guard outcome.status == 0 else {
            XCTFail("\(name).c does not compile:\n\(outcome.transcript)", file: file, line: line)
            throw XCTSkip("\(name).c does not compile")
        }
        return executable
    }

    /// The value printed after `label` on a line of `output` ("train accuracy 0.887850").
    func figure(_ label: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(label + " ") }.map { String($0.dropFirst(label.count + 1)) }
    }

    /// What the Swift engine gives for train_and_check's settings: k = 8, seed 1, threshold 128,
    /// task 0-4:5-9.
    func engineRun(folder: String, layers: String) throws -> (network: LUTNetwork, train: String, test: String, testOnes: Int) {
        let dataset = try DatasetLoader.load(path: folder)
        let task = try BinaryTask(parsing: "0-4:5-9")
        let train = try BinarizedExamples(images: dataset.train, task: task, threshold: 128, split: "train")
        let test = try XCTUnwrap(dataset.test)
        let testExamples = try BinarizedExamples(images: test, task: task, threshold: 128, split: "test")
        let network = try LUTNetwork.train(on: train, options: TrainingOptions(shape: NetworkShape(k: 8, layers: layers),
                                                                               seed: 1, threads: 2)).network
        let ones = try network.predict(test).reduce(0) { $0 + Int($1) }
        return (network, String(format: "%.6f", try network.accuracy(on: train)),
                String(format: "%.6f", try network.accuracy(on: testExamples)), ones)
    }

    func testHeaderCompilesAsStrictC11() throws {
        let source = scratch.appendingPathComponent("header.c")
        try "#include <lutnet.h>\nint main(void) { return LUTNET_OK; }\n".write(to: source, atomically: true, encoding: .utf8)
        let outcome = try ExternalTools.run(try ExternalTools.cCompiler(),
                                            Self.strictCFlags + ["-fsyntax-only", "-I", CAPIPaths.includeFolder, source.path])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
    }

    func testHeaderCompilesAsCpp() throws {
        let source = scratch.appendingPathComponent("header.cpp")
        try """
            #include <lutnet.h>
            int main() { lutnet_parameters parameters; lutnet_default_parameters(&parameters); return parameters.k == 8 ? 0 : 1; }

            """.write(to: source, atomically: true, encoding: .utf8)
        let outcome = try ExternalTools.run(try ExternalTools.cxxCompiler(), [
            "-std=c++11", "-Wall", "-Wextra", "-pedantic", "-Werror", "-fsyntax-only", "-I", CAPIPaths.includeFolder,
            source.path,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
    }

    /// The pkg-config template, filled in as Examples/c/README.md says, gives flags that build and
    /// run a program, and names the header's version.
    func testPkgConfigTemplateBuildsAProgram() throws {
        guard let pkgConfig = ExternalTools.find(["pkg-config", "pkgconf"]) else {
            throw XCTSkip("pkg-config is not installed: the lutnet.pc template cannot be checked")
        }
        let template = try String(contentsOfFile: CAPIPaths.examplesFolder + "/lutnet.pc.in", encoding: .utf8)
        XCTAssertTrue(template.contains("\nVersion: \(LUTNET_VERSION)\n"), "lutnet.pc.in and lutnet.h disagree on the version")
        let libraryFolder = try CAPIPaths.libraryFolder()
        try template.replacingOccurrences(of: "@INCLUDEDIR@", with: CAPIPaths.includeFolder)
            .replacingOccurrences(of: "@LIBDIR@", with: libraryFolder)
            .write(to: scratch.appendingPathComponent("lutnet.pc"), atomically: true, encoding: .utf8)
        let flags = try ExternalTools.run(pkgConfig, ["--with-path=" + scratch.path, "--cflags", "--libs", "lutnet"])
        XCTAssertEqual(flags.status, 0, flags.transcript)
        let executable = scratch.appendingPathComponent("from_pkg_config").path
        let arguments = flags.output.split(whereSeparator: \.isWhitespace).map(String.init)
        let build = try ExternalTools.run(try ExternalTools.cCompiler(), Self.strictCFlags
            + [CAPIPaths.examplesFolder + "/bad_input.c"] + arguments + ["-o", executable])
        XCTAssertEqual(build.status, 0, build.transcript)
        let badInputScratch = scratch.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: badInputScratch, withIntermediateDirectories: true)
        let run = try ExternalTools.run(executable, [badInputScratch.path])
        XCTAssertEqual(run.status, 0, run.transcript)
        XCTAssertTrue(run.output.contains("ok version: \(LUTNET_VERSION)\n"), run.transcript)
    }

    /// Trained through C on a tiny dataset, the network has exactly the engine's accuracies, its
    /// saved file is byte for byte the engine's, and the reloaded model answers like the trained one.
    func testTrainAndCheckMatchesTheEngineOnATinyDataset() throws {
        let executable = try compileExample("train_and_check", libraryFolder: try CAPIPaths.libraryFolder())
        let data = scratch.appendingPathComponent("tiny")
        try TinyIDXDataset.write(to: data)
        let modelPath = scratch.appendingPathComponent("tiny.lut").path
        let outcome = try ExternalTools.run(executable, [data.path, modelPath, "2x32", "2"])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)

        let expected = try engineRun(folder: data.path, layers: "2x32")
        XCTAssertEqual(figure("train accuracy", in: outcome.output), expected.train, outcome.transcript)
        XCTAssertEqual(figure("test accuracy", in: outcome.output), expected.test, outcome.transcript)
        XCTAssertTrue(outcome.output.contains("dataset \(data.path): 400 training and 100 test examples of 64 bytes"),
                      outcome.transcript)
        XCTAssertTrue(outcome.output.contains("identical predictions on 100 test examples (\(expected.testOnes) answered 1)"),
                      outcome.transcript)
        let saved = try XCTUnwrap(FileManager.default.contents(atPath: modelPath))
        XCTAssertEqual([UInt8](saved), ModelFile.encode(expected.network))
    }

    /// The example's default run on Fashion-MNIST (a 2 × 256 network, k = 8) reaches the engine's
    /// accuracies: about 0.888 training and 0.878 test.
    func testTrainAndCheckOnFashionMNIST() throws {
        let folder = try Fixtures.fashionMNIST()
        let executable = try compileExample("train_and_check", libraryFolder: try CAPIPaths.libraryFolder())
        let outcome = try ExternalTools.run(executable, [folder, scratch.appendingPathComponent("fashion.lut").path])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        let expected = try engineRun(folder: folder, layers: "2x256")
        XCTAssertEqual(figure("train accuracy", in: outcome.output), expected.train, outcome.transcript)
        XCTAssertEqual(figure("test accuracy", in: outcome.output), expected.test, outcome.transcript)
        let test = try XCTUnwrap(figure("test accuracy", in: outcome.output).flatMap(Double.init))
        XCTAssertGreaterThan(test, 0.85)
        XCTAssertTrue(outcome.output.contains("identical predictions on 10000 test examples"), outcome.transcript)
    }

    /// Every bad input of Examples/c/bad_input.c comes back as its own status with a message, and
    /// the program (the host) keeps running to the end.
    func testEveryBadInputGetsItsCodeAndMessage() throws {
        let executable = try compileExample("bad_input", libraryFolder: try CAPIPaths.libraryFolder())
        let outcome = try ExternalTools.run(executable, [scratch.path])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        XCTAssertFalse(outcome.output.contains("FAIL"), outcome.transcript)
        XCTAssertTrue(outcome.output.hasSuffix("97 cases, 0 failed\n"), outcome.transcript)
        let expectations = [
            "train_k_seventeen: LUTNET_ERROR_INVALID_PARAMETERS: lutnet_train: k = 17 is not supported",
            "train_network_too_large: LUTNET_ERROR_INVALID_PARAMETERS: lutnet_train: network k=16, 5x16777216 + 1 output LUT: training needs about",
            // What lutnet_check_parameters refuses, lutnet_train refuses too, naming the value.
            "train_threads_too_many: LUTNET_ERROR_INVALID_PARAMETERS: lutnet_train: threads = 2147483647: use 0 (one per core) to 1024",
            "train_layer_k_count_size_max: LUTNET_ERROR_INVALID_PARAMETERS: lutnet_train: layer_k_count = 18446744073709551615: give 1 to 1001 values",
            "load_null_folder: LUTNET_ERROR_NULL_ARGUMENT: lutnet_dataset_load: folder is NULL",
            "load_missing_folder: LUTNET_ERROR_DATASET: /nonexistent/lutnet-data: no such file or folder",
            "load_truncated_idx: LUTNET_ERROR_DATASET: \(scratch.path)/train-images-idx3-ubyte:",
            "memory_zero_count: LUTNET_ERROR_INVALID_ARGUMENT: lutnet_dataset_from_memory: count is 0",
            "memory_size_overflows: LUTNET_ERROR_INVALID_ARGUMENT:",
            "task_overlapping: LUTNET_ERROR_INVALID_TASK: lutnet_train: invalid task '0-2:2,3': class 2 is in both groups",
            "task_group_without_examples: LUTNET_ERROR_EMPTY_TASK_GROUP:",
            "predict_wrong_features: LUTNET_ERROR_SIZE_MISMATCH: lutnet_predict: the examples have 8 bytes each but the model reads 16",
            // One sentence for a batch of the wrong size, whichever entry point meets it.
            "predict_dataset_wrong_features: LUTNET_ERROR_SIZE_MISMATCH: lutnet_predict_dataset: the examples of dataset from memory have 8 bytes each but the model reads 16",
            "accuracy_wrong_features: LUTNET_ERROR_SIZE_MISMATCH: lutnet_accuracy: the examples of dataset from memory have 8 bytes each but the model reads 16",
            "predict_dataset_small_buffer: LUTNET_ERROR_INVALID_ARGUMENT:",
            "accuracy_no_test_split: LUTNET_ERROR_INVALID_ARGUMENT: lutnet_accuracy: dataset from memory has no test split",
            "load_model_empty: LUTNET_ERROR_MODEL_FILE: \(scratch.path)/damaged.lut: model file is truncated",
            "load_model_half: LUTNET_ERROR_MODEL_FILE:",
            "load_model_flipped_bit: LUTNET_ERROR_MODEL_FILE: \(scratch.path)/damaged.lut: model file is corrupt: CRC-32",
            "load_model_bad_magic: LUTNET_ERROR_MODEL_FILE: \(scratch.path)/damaged.lut: not a LUTNet model file",
            "save_unwritable: LUTNET_ERROR_MODEL_FILE: /nonexistent/folder/model.lut:",
        ]
        for expected in expectations {
            XCTAssertTrue(outcome.output.contains("\nok " + expected), "missing: ok \(expected)\n\(outcome.transcript)")
        }
    }

    /// Both examples run clean under valgrind's memcheck, train_and_check on a binary and on a
    /// multi-class model: no memory errors (no jump on an uninitialised value either) and nothing
    /// lost, once the Swift runtime's process-lifetime caches (Examples/c/swift-runtime.supp) are
    /// set aside.
    func testExamplesRunCleanUnderValgrind() throws {
        guard let valgrind = ExternalTools.find(["valgrind"]) else {
            throw XCTSkip("valgrind is not installed (apt-get install valgrind): the memory check cannot run")
        }
        // Valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug information Swift 6 writes and
        // gives up on the library, so valgrind gets a copy without it.
        guard let objcopy = ExternalTools.find(["llvm-objcopy", "objcopy"]) else {
            throw XCTSkip("neither llvm-objcopy nor objcopy is on PATH: cannot strip the library's debug information for valgrind")
        }
        let library = scratch.appendingPathComponent("lib")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        let strip = try ExternalTools.run(objcopy, ["--strip-debug", try CAPIPaths.libraryFolder() + "/liblutnetc.so",
                                                    library.appendingPathComponent("liblutnetc.so").path])
        XCTAssertEqual(strip.status, 0, strip.transcript)
        let data = scratch.appendingPathComponent("tiny")
        try TinyIDXDataset.write(to: data, trainCount: 200, testCount: 50)
        let badInputScratch = scratch.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: badInputScratch, withIntermediateDirectories: true)
        let trainAndCheck = try compileExample("train_and_check", libraryFolder: library.path)
        let runs = [
            (trainAndCheck, [data.path, scratch.appendingPathComponent("valgrind.lut").path, "2x32", "2"]),
            (trainAndCheck, [data.path, scratch.appendingPathComponent("valgrind-all.lut").path, "2x32", "2", "all"]),
            (try compileExample("bad_input", libraryFolder: library.path), [badInputScratch.path]),
        ]
        for (executable, arguments) in runs {
            let outcome = try ExternalTools.run(valgrind, [
                "--error-exitcode=1", "--leak-check=full",
                "--suppressions=" + CAPIPaths.examplesFolder + "/swift-runtime.supp", executable,
            ] + arguments)
            XCTAssertEqual(outcome.status, 0, outcome.transcript)
            XCTAssertTrue(outcome.errors.contains("ERROR SUMMARY: 0 errors"), outcome.transcript)
            XCTAssertTrue(outcome.errors.contains("definitely lost: 0 bytes in 0 blocks")
                          || outcome.errors.contains("All heap blocks were freed"), outcome.transcript)
        }
    }
}
