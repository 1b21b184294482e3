import CSupport
import Foundation
import XCTest
@testable import LUTNet

/// LUTNET_KERNELS: the names it takes, and the refusal of a value that names no variant or one
/// this processor cannot run, by the library and by the `lutnet` command.
final class KernelVariantTests: XCTestCase {
    func testNamesResolveToTheirVariants() throws {
        XCTAssertEqual(try KernelVariant.named(nil), KernelVariant.best)
        XCTAssertEqual(try KernelVariant.named(""), KernelVariant.best)
        XCTAssertEqual(try KernelVariant.named("portable"), .portable)
        XCTAssertEqual(try KernelVariant.named("Portable"), .portable)
        for variant in KernelVariant.allCases where variant.isSupported {
            XCTAssertEqual(try KernelVariant.named(variant.rawValue), variant)
            XCTAssertEqual(variant.missingFeatures, [])
        }
    }

    func testAnUnknownNameIsRefusedNamingTheVariable() {
        XCTAssertThrowsError(try KernelVariant.named("sse9")) { error in
            XCTAssertEqual(error as? KernelVariantError, .unknown("sse9"))
            let message = String(describing: error)
            XCTAssertTrue(message.contains("LUTNET_KERNELS=sse9 names no kernel variant"), message)
            XCTAssertTrue(message.contains("portable, avx2, avx512"), message)
        }
    }

    func testAVariantThisProcessorLacksIsRefusedNamingTheMissingFeatures() throws {
        // A processor with no optional feature at all, whatever this one has.
        for variant in [KernelVariant.avx2, .avx512] {
            let missing = variant.missingFeatures(processorFeatures: 0)
            XCTAssertTrue(missing.contains("avx2") && missing.contains("popcnt"), "\(missing)")
            XCTAssertThrowsError(try KernelVariant.named(variant.rawValue, processorFeatures: 0)) { error in
                XCTAssertEqual(error as? KernelVariantError, .unsupported(variant, missingFeatures: missing))
                let message = String(describing: error)
                XCTAssertTrue(message.contains("LUTNET_KERNELS=\(variant) cannot run on this processor: it lacks"), message)
                for feature in missing { XCTAssertTrue(message.contains(feature), message) }
            }
        }
        // A processor with AVX2 but no AVX-512 runs the AVX2 variant and is refused the AVX-512 one,
        // naming exactly the four AVX-512 features.
        let avx2Only = UInt32(LUTNET_CPU_AVX2 | LUTNET_CPU_POPCNT)
        XCTAssertEqual(try KernelVariant.named("avx2", processorFeatures: avx2Only), .avx2)
        XCTAssertEqual(KernelVariant.avx512.missingFeatures(processorFeatures: avx2Only),
                       ["avx512f", "avx512bw", "avx512vbmi", "avx512bitalg"])
        XCTAssertEqual(try KernelVariant.named("portable", processorFeatures: 0), .portable)
        // And this processor's own refusals, where it lacks a variant.
        for variant in KernelVariant.allCases where !variant.isSupported {
            XCTAssertThrowsError(try KernelVariant.named(variant.rawValue)) { error in
                XCTAssertEqual(error as? KernelVariantError, .unsupported(variant, missingFeatures: variant.missingFeatures))
            }
        }
    }

    func run(_ arguments: [String], kernels: String) throws -> ExternalTools.Outcome {
        try ExternalTools.run(try Fixtures.builtProduct("lutnet"), arguments,
                              environment: [KernelVariant.environmentVariable: kernels])
    }

    func testTheCommandRunsTheVariantItIsGivenAndRefusesOthers() throws {
        let data = Fixtures.path("tiny")
        for variant in KernelVariant.allCases {
            let outcome = try run(["info", data], kernels: variant.rawValue)
            if variant.isSupported {
                XCTAssertEqual(outcome.status, 0, outcome.errors)
                XCTAssertTrue(outcome.output.contains("kernels \(variant) "), outcome.output)
            } else {
                XCTAssertEqual(outcome.status, 1, "a refusal, not a crash: \(outcome.errors)")
                XCTAssertTrue(outcome.errors.contains("LUTNET_KERNELS=\(variant) cannot run on this processor"), outcome.errors)
            }
        }
        let unknown = try run(["info", data], kernels: "fastest")
        XCTAssertEqual(unknown.status, 1, "a refusal, not a crash: \(unknown.errors)")
        XCTAssertTrue(unknown.errors.contains("LUTNET_KERNELS=fastest names no kernel variant"), unknown.errors)
    }
}
