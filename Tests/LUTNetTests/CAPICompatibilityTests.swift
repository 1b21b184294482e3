import CLUTNetAPI
import Foundation
import XCTest
@testable import LUTNet

/// Programs compiled against older or later lutnet.h headers: the size field of
/// `lutnet_parameters`, and the entry points kept for programs whose struct has none.
final class CAPICompatibilityTests: XCTestCase {
    /// A program as compiled against lutnet.h 0.2.0: that header's struct (no size field, 64
    /// bytes) and the prototypes it used, not today's header. The struct sits at the very end of a
    /// page whose next page is inaccessible, so a byte read or written past it kills the program.
    static let clientOf0_2 = #"""
        #include <stddef.h>
        #include <stdint.h>
        #include <stdio.h>
        #include <string.h>
        #include <sys/mman.h>
        #include <unistd.h>

        typedef struct lutnet_error { int status; char message[512]; } lutnet_error;
        typedef struct lutnet_dataset lutnet_dataset;
        typedef struct lutnet_model lutnet_model;
        typedef struct lutnet_parameters {  /* lutnet.h 0.2.0 */
            int32_t k;
            const char *layers;
            const uint32_t *hidden_widths;
            size_t hidden_layer_count;
            int32_t threshold;
            uint64_t seed;
            int32_t threads;
            const char *wiring;
        } lutnet_parameters;
        const char *lutnet_version(void);
        void lutnet_default_parameters(lutnet_parameters *parameters);
        const char *lutnet_check_parameters(const lutnet_parameters *parameters);
        int lutnet_dataset_from_memory(const uint8_t *pixels, const uint8_t *labels, size_t count, size_t features,
                                       lutnet_dataset **dataset, lutnet_error *error);
        void lutnet_dataset_free(lutnet_dataset *dataset);
        int lutnet_train(const lutnet_dataset *dataset, const char *task, const lutnet_parameters *parameters,
                         lutnet_model **model, lutnet_error *error);
        void lutnet_model_free(lutnet_model *model);

        int main(void) {
            long page = sysconf(_SC_PAGESIZE);
            unsigned char *pages = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (pages == MAP_FAILED || mprotect(pages + page, (size_t)page, PROT_NONE) != 0) { perror("mmap"); return 2; }
            lutnet_parameters *parameters = (lutnet_parameters *)(pages + page - sizeof(lutnet_parameters));
            memset(parameters, 0x5A, sizeof *parameters);
            parameters->wiring = "random";
            lutnet_default_parameters(parameters);
            printf("defaults k %d threshold %d threads %d layers %s wiring %s\n", parameters->k, parameters->threshold,
                   parameters->threads, parameters->layers, parameters->wiring);
            const char *problem = lutnet_check_parameters(parameters);
            printf("check %s\n", problem ? problem : "(accepted)");
            uint8_t pixels[8] = {0, 0, 255, 255, 0, 255, 255, 0}, labels[4] = {0, 1, 1, 0};
            lutnet_error error;
            lutnet_dataset *data = NULL;
            lutnet_model *model = (lutnet_model *)parameters;
            if (lutnet_dataset_from_memory(pixels, labels, 4, 2, &data, &error) != 0) { printf("data %s\n", error.message); return 2; }
            int status = lutnet_train(data, "0:1", parameters, &model, &error);
            printf("train %d model %s: %s\n", status, model ? "set" : "NULL", error.message);
            lutnet_model_free(model);
            lutnet_dataset_free(data);
            printf("library %s\n", lutnet_version());
            return 0;
        }

        """#

    /// A program compiled against the 0.2.0 header runs against this library: its defaults fill
    /// the fields its struct shares with every old layout, its parameters are refused with a
    /// sentence asking to recompile, and no byte past its 64-byte struct is touched.
    func testAProgramCompiledAgainstTheHeaderOf0_2IsRefusedWithinItsStruct() throws {
        if let sanitizer = Fixtures.sanitizer {
            throw XCTSkip("a C program linked against the \(sanitizer)-sanitized liblutnetc.so would need the sanitizer's runtime; plain `swift test` runs this")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lutnet-compat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = scratch.appendingPathComponent("client_0_2.c")
        try Self.clientOf0_2.write(to: source, atomically: true, encoding: .utf8)
        let executable = scratch.appendingPathComponent("client_0_2").path
        let libraryFolder = try CAPIPaths.libraryFolder()
        let build = try ExternalTools.run(try ExternalTools.cCompiler(), CAPIExampleTests.strictCFlags.filter { $0 != "-std=c11" } + [
            "-std=gnu11", source.path, "-L", libraryFolder, "-llutnetc", "-Wl,-rpath," + libraryFolder, "-o", executable,
        ])
        XCTAssertEqual(build.status, 0, build.transcript)
        let run = try ExternalTools.run(executable, [])
        XCTAssertEqual(run.status, 0, run.transcript)
        XCTAssertTrue(run.output.contains("defaults k 8 threshold 128 threads 0 layers 5x1024 wiring random\n"), run.transcript)
        let refusal = "lutnet_parameters has no size field: the program was compiled against a lutnet.h before 0.5.0; "
            + "recompile it against the library's lutnet.h"
        XCTAssertTrue(run.output.contains("check \(refusal)\n"), run.transcript)
        XCTAssertTrue(run.output.contains("train \(LUTNET_ERROR_INVALID_PARAMETERS.rawValue) model NULL: lutnet_train: \(refusal); "
                                          + "this library is \(LUTNET_VERSION)\n"), run.transcript)
        XCTAssertTrue(run.output.contains("library \(LUTNET_VERSION)\n"), run.transcript)
    }

    /// A buffer of `count` bytes filled with 0xA5, as the raw memory of a struct.
    func withBuffer(_ count: Int, _ body: (UnsafeMutableRawPointer, UnsafeMutablePointer<lutnet_parameters>) throws -> Void) rethrows {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0xA5, count: count)
        try body(buffer, buffer.assumingMemoryBound(to: lutnet_parameters.self))
    }

    /// A struct of a later, larger header: filled to its size (the defaults, then zeros), taken
    /// while its unknown bytes stay zero, refused naming the offset of one that is not.
    func testALaterHeadersLargerStructIsTakenWhileItsUnknownFieldsAreZero() throws {
        let size = MemoryLayout<lutnet_parameters>.size
        XCTAssertEqual(size, 96)
        try withBuffer(size + 24) { raw, parameters in
            lutnet_default_parameters_sized(parameters, size + 16)
            XCTAssertEqual(parameters.pointee.size, size + 16)
            XCTAssertEqual(parameters.pointee.k, 8)
            XCTAssertEqual(String(cString: try XCTUnwrap(parameters.pointee.layers)), "5x1024")
            XCTAssertEqual((size..<size + 16).map { raw.load(fromByteOffset: $0, as: UInt8.self) }, Array(repeating: 0, count: 16))
            XCTAssertEqual((size + 16..<size + 24).map { raw.load(fromByteOffset: $0, as: UInt8.self) }, Array(repeating: 0xA5, count: 8))
            XCTAssertNil(lutnet_check_parameters_sized(parameters))
            raw.storeBytes(of: 1, toByteOffset: size + 5, as: UInt8.self)
            XCTAssertEqual(String(cString: try XCTUnwrap(lutnet_check_parameters_sized(parameters))),
                           "lutnet_parameters sets a field this library does not know: the program was compiled against a later lutnet.h")
            let c = try CAPITraining(data: Fixtures.path("tiny"), layers: "2x8")
            var model: OpaquePointer?
            XCTAssertEqual(lutnet_train_sized(c.data, "0-4:5-9", parameters, &model, &c.error), LUTNET_ERROR_INVALID_PARAMETERS)
            XCTAssertNil(model)
            XCTAssertEqual(c.message, "lutnet_train: lutnet_parameters of \(size + 16) bytes has a byte that is not zero at offset \(size + 5), "
                           + "past the \(size) bytes of the fields this library (\(LUTNET_VERSION)) knows: the program was compiled against a later lutnet.h")
        }
    }

    /// A size below this library's struct gets the size field alone, and is refused; so is a size
    /// above 4096 bytes (an unfilled struct), without reading past the size field.
    func testSizesNoStructHasAreRefused() throws {
        let c = try CAPITraining(data: Fixtures.path("tiny"), layers: "2x8")
        try withBuffer(MemoryLayout<lutnet_parameters>.size) { raw, parameters in
            lutnet_default_parameters_sized(parameters, 64)
            XCTAssertEqual(raw.load(as: Int.self), 64)
            XCTAssertEqual((8..<MemoryLayout<lutnet_parameters>.size).map { raw.load(fromByteOffset: $0, as: UInt8.self) },
                           Array(repeating: 0xA5, count: MemoryLayout<lutnet_parameters>.size - 8))
            XCTAssertEqual(String(cString: try XCTUnwrap(lutnet_check_parameters_sized(parameters))),
                           "lutnet_parameters.size is smaller than this library's struct: fill it with lutnet_default_parameters")
            var model: OpaquePointer?
            XCTAssertEqual(lutnet_train_sized(c.data, "0-4:5-9", parameters, &model, &c.error), LUTNET_ERROR_INVALID_PARAMETERS)
            XCTAssertEqual(c.message, "lutnet_train: lutnet_parameters.size is 64, but this library's struct has 96 bytes: fill it with lutnet_default_parameters")
        }
        try withBuffer(8) { raw, parameters in
            raw.storeBytes(of: Int(bitPattern: UInt.max), as: Int.self)
            XCTAssertEqual(String(cString: try XCTUnwrap(lutnet_check_parameters_sized(parameters))),
                           "lutnet_parameters.size is larger than 4096 bytes: fill the struct with lutnet_default_parameters")
            lutnet_default_parameters_sized(parameters, 4097)
            XCTAssertEqual(raw.load(as: Int.self), 4097)
            var model: OpaquePointer?
            XCTAssertEqual(lutnet_train_sized(c.data, "0-4:5-9", parameters, &model, &c.error), LUTNET_ERROR_INVALID_PARAMETERS)
            XCTAssertEqual(c.message, "lutnet_train: lutnet_parameters.size is 4097, more than the 4096 bytes of any struct: fill it with lutnet_default_parameters")
            lutnet_default_parameters_sized(parameters, 4)
            XCTAssertEqual(raw.load(as: Int.self), 4097, "a size too small to hold the size field writes nothing")
        }
    }

    /// The header's version, the library's and the command's are one.
    func testTheHeaderTheLibraryAndTheCommandReportOneVersion() throws {
        XCTAssertEqual(String(cString: try XCTUnwrap(lutnet_version())), LUTNET_VERSION)
        let outcome = try ExternalTools.run(try Fixtures.builtProduct("lutnet"), ["--version"])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        XCTAssertEqual(outcome.output, LUTNET_VERSION + "\n")
    }
}
