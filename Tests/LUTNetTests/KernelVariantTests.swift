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
        let missing = KernelVariant.allCases.filter { !$0.isSupported }
        guard let variant = missing.first else { throw XCTSkip("skipped: this CPU runs every kernel variant") }
        XCTAssertThrowsError(try KernelVariant.named(variant.rawValue)) { error in
            XCTAssertEqual(error as? KernelVariantError, .unsupported(variant, missingFeatures: variant.missingFeatures))
            let message = String(describing: error)
            XCTAssertTrue(message.contains("LUTNET_KERNELS=\(variant) cannot run on this processor: it lacks"), message)
            XCTAssertFalse(variant.missingFeatures.isEmpty)
            for feature in variant.missingFeatures { XCTAssertTrue(message.contains(feature), message) }
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
