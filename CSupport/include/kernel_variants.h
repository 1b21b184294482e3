/// The instruction-set variants behind the counting and evaluation kernels.
///
/// `lutnet_count_patterns` and `lutnet_evaluate_lut` pick the fastest variant the processor runs
/// (checked at run time, so the package needs no -march flags). The portable variants are exposed
/// so that tests can check every variant against the same reference.
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
    LUTNET_KERNEL_AVX512 = 1,    ///< x86-64 with AVX-512 BW, VBMI and BITALG
} lutnet_kernel_variant;

/// The variant the dispatching kernels use on this processor.
lutnet_kernel_variant lutnet_best_kernel_variant(void);

/// lutnet_count_patterns with a chosen variant; a variant the processor lacks, or a k it does not
/// cover, falls back to the portable one.
void lutnet_count_patterns_variant(lutnet_kernel_variant variant, const uint64_t *restrict bits,
                                   size_t words_per_row, const uint32_t *restrict inputs, uint32_t k,
                                   const uint64_t *restrict labels, size_t example_count,
                                   uint32_t *restrict counts);

/// lutnet_evaluate_lut with a chosen variant, with the same fallback.
void lutnet_evaluate_lut_variant(lutnet_kernel_variant variant, const uint64_t *restrict bits,
                                 size_t words_per_row, const uint32_t *restrict inputs, uint32_t k,
                                 const uint64_t *restrict table, size_t example_count,
                                 uint64_t *restrict out);

#ifdef __cplusplus
}
#endif

#endif
