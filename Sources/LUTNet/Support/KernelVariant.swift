import CSupport
import Foundation

/// An instruction-set variant of the C kernels (pattern counting, LUT evaluation, population
/// counts). Every variant gives bit-identical results; they differ only in speed.
public enum KernelVariant: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Plain C that compilers vectorize for any processor (SSE2, NEON).
    case portable
    /// x86-64 with AVX2 and POPCNT.
    case avx2
    /// x86-64 with AVX-512 F, BW, VBMI and BITALG.
    case avx512

    /// The environment variable that forces a variant: `LUTNET_KERNELS=portable|avx2|avx512`.
    public static let environmentVariable = "LUTNET_KERNELS"

    /// The variant every kernel call of this process runs, resolved once (thread-safely, on first
    /// use) from LUTNET_KERNELS, or the fastest variant this processor runs when it is unset. A
    /// value that `fromEnvironment()` refuses also leaves the fastest variant here: the command
    /// line checks the variable, and refuses it, before any work.
    public static let active: KernelVariant = (try? fromEnvironment()) ?? best

    /// The fastest variant this processor runs.
    public static var best: KernelVariant { KernelVariant(lutnet_best_kernel_variant()) }

    /// The variant the `LUTNET_KERNELS` environment variable names.
    ///
    /// - Returns: That variant, or the fastest one when the variable is unset or empty.
    /// - Throws: ``KernelVariantError`` when the variable names no variant or one this processor
    ///   cannot run.
    public static func fromEnvironment() throws(KernelVariantError) -> KernelVariant {
        try named(ProcessInfo.processInfo.environment[environmentVariable])
    }

    /// The variant of a name, if this processor runs it.
    ///
    /// - Parameter name: `portable`, `avx2` or `avx512`; nil or empty for the fastest.
    /// - Returns: The variant.
    /// - Throws: ``KernelVariantError`` when `name` names no variant or one this processor cannot run.
    public static func named(_ name: String?) throws(KernelVariantError) -> KernelVariant {
        try named(name, processorFeatures: lutnet_cpu_features())
    }

    /// The variant called `name` if a processor with `processorFeatures` (LUTNET_CPU_* bits) runs
    /// it; the fastest one this processor runs for nil or "". The refusal of a variant a processor
    /// lacks is testable on any machine through this.
    package static func named(_ name: String?, processorFeatures: UInt32) throws(KernelVariantError) -> KernelVariant {
        guard let name, !name.isEmpty else { return best }
        guard let variant = KernelVariant(rawValue: name.lowercased()) else { throw .unknown(name) }
        let missing = variant.missingFeatures(processorFeatures: processorFeatures)
        guard missing.isEmpty else { throw .unsupported(variant, missingFeatures: missing) }
        return variant
    }

    /// Whether this processor runs the variant.
    public var isSupported: Bool { lutnet_kernel_variant_supported(cValue) != 0 }

    /// The processor features the variant needs that this processor lacks (e.g. "avx512vbmi").
    public var missingFeatures: [String] { missingFeatures(processorFeatures: lutnet_cpu_features()) }

    /// The features the variant needs that a processor with `processorFeatures` lacks.
    package func missingFeatures(processorFeatures: UInt32) -> [String] {
        let missing = lutnet_kernel_variant_requirements(cValue) & ~processorFeatures
        return Self.featureNames.filter { missing & $0.bit != 0 }.map(\.name)
    }

    /// The variant's name, as LUTNET_KERNELS spells it.
    public var description: String { rawValue }

    /// The C enumeration value.
    package var cValue: lutnet_kernel_variant {
        switch self {
        case .portable: LUTNET_KERNEL_PORTABLE
        case .avx2: LUTNET_KERNEL_AVX2
        case .avx512: LUTNET_KERNEL_AVX512
        }
    }

    init(_ value: lutnet_kernel_variant) {
        switch value {
        case LUTNET_KERNEL_AVX2: self = .avx2
        case LUTNET_KERNEL_AVX512: self = .avx512
        default: self = .portable
        }
    }

    private static let featureNames: [(bit: UInt32, name: String)] = [
        (UInt32(LUTNET_CPU_POPCNT), "popcnt"), (UInt32(LUTNET_CPU_AVX2), "avx2"),
        (UInt32(LUTNET_CPU_AVX512F), "avx512f"), (UInt32(LUTNET_CPU_AVX512BW), "avx512bw"),
        (UInt32(LUTNET_CPU_AVX512VBMI), "avx512vbmi"),
        (UInt32(LUTNET_CPU_AVX512BITALG), "avx512bitalg"),
    ]
}

/// A LUTNET_KERNELS value that cannot be honoured.
public enum KernelVariantError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A value that names no variant.
    case unknown(String)
    /// A variant this processor lacks features for.
    case unsupported(KernelVariant, missingFeatures: [String])

    /// A sentence naming the variable, the value and what is wrong.
    public var description: String {
        let variable = KernelVariant.environmentVariable
        switch self {
        case .unknown(let value):
            return "\(variable)=\(value) names no kernel variant: use "
                + KernelVariant.allCases.map(\.rawValue).joined(separator: ", ") + " (or unset it for the fastest)"
        case .unsupported(let variant, let missing):
            return "\(variable)=\(variant) cannot run on this processor: it lacks "
                + missing.joined(separator: ", ") + "; it runs " + KernelVariant.allCases.filter(\.isSupported)
                .map(\.rawValue).joined(separator: ", ")
        }
    }
}
