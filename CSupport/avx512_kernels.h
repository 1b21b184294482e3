// Private: AVX-512 variants of the counting and evaluation kernels (see kernel_variants.h).
// Call them only where lutnet_kernel_variant_supported(LUTNET_KERNEL_AVX512).
#ifndef LUTNET_AVX512_KERNELS_H
#define LUTNET_AVX512_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Largest k the AVX-512 counting variant covers (the pattern fits a 16-bit lane).
#define LUTNET_AVX512_COUNT_MAX_K 16
/// Largest k the AVX-512 evaluation variant covers (the pattern fits a 16-bit lane).
#define LUTNET_AVX512_EVALUATE_MAX_K 16

void lutnet_count_patterns_avx512(const uint64_t *restrict bits, size_t words_per_row,
                                  const uint32_t *restrict inputs, uint32_t k,
                                  const uint64_t *restrict labels, size_t example_count,
                                  uint32_t *restrict counts);

void lutnet_evaluate_lut_avx512(const uint64_t *restrict bits, size_t words_per_row,
                                const uint32_t *restrict inputs, uint32_t k,
                                const uint64_t *restrict table, size_t example_count,
                                uint64_t *restrict out);

#endif
