/// The instruction-set variants behind the counting, evaluation and population-count kernels.
///
/// Each kernel exists in several variants compiled for different instruction sets with
/// `__attribute__((target(...)))`, so the package needs no -march flags: plain C that compilers
/// vectorize for any target (SSE2, NEON), AVX2, and AVX-512. The `_variant` entry points take the
/// variant to run; the dispatching entry points (`lutnet_count_patterns`, `lutnet_evaluate_lut`)
/// run `lutnet_best_kernel_variant()`. There is no
/// loader-time dispatch (no ifunc or `target_clones`): the processor's features are read with
/// `__builtin_cpu_supports`, which reads the feature words the compiler runtime fills in once at
/// start-up, so every call gives the same answer and no call writes shared state. The Swift module
/// resolves the variant once (honouring the LUTNET_KERNELS environment variable) and passes it to
/// every `_variant` call.
///
/// Every variant gives bit-identical results.
#ifndef LUTNET_KERNEL_VARIANTS_H
#define LUTNET_KERNEL_VARIANTS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Variants the kernels can run.
typedef enum lutnet_kernel_variant {
    LUTNET_KERNEL_PORTABLE = 0,  ///< plain C, any processor
    LUTNET_KERNEL_AVX512 = 1,    ///< x86-64 with AVX-512 F, BW, VBMI and BITALG
    LUTNET_KERNEL_AVX2 = 2,      ///< x86-64 with AVX2 and POPCNT
} lutnet_kernel_variant;

/// Processor features the variants need, as bits of `lutnet_cpu_features()`.
#define LUTNET_CPU_POPCNT 0x01u
#define LUTNET_CPU_AVX2 0x02u
#define LUTNET_CPU_AVX512F 0x04u
#define LUTNET_CPU_AVX512BW 0x08u
#define LUTNET_CPU_AVX512VBMI 0x10u
#define LUTNET_CPU_AVX512BITALG 0x20u

/// The LUTNET_CPU_* features this processor has (0 on processors other than x86-64).
uint32_t lutnet_cpu_features(void);

/// The LUTNET_CPU_* features `variant` needs (0 for the portable variant).
uint32_t lutnet_kernel_variant_requirements(lutnet_kernel_variant variant);

/// Whether this processor runs `variant`.
int lutnet_kernel_variant_supported(lutnet_kernel_variant variant);

/// The fastest variant this processor runs: AVX-512, else AVX2, else portable.
lutnet_kernel_variant lutnet_best_kernel_variant(void);

/// lutnet_count_patterns (pattern_counting.h) with a chosen variant. A variant the processor lacks
/// runs the portable one instead (never an illegal instruction).
void lutnet_count_patterns_variant(lutnet_kernel_variant variant, const uint64_t *restrict bits,
                                   size_t words_per_row, const uint32_t *restrict inputs, uint32_t k,
                                   const uint64_t *restrict labels, size_t example_count,
                                   uint32_t *restrict counts);

/// lutnet_evaluate_lut (lut_evaluation.h) with a chosen variant, with the same fallback.
void lutnet_evaluate_lut_variant(lutnet_kernel_variant variant, const uint64_t *restrict bits,
                                 size_t words_per_row, const uint32_t *restrict inputs, uint32_t k,
                                 const uint64_t *restrict table, size_t example_count,
                                 uint64_t *restrict out);

#ifdef __cplusplus
}
#endif

#endif
