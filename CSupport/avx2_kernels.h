// Private: AVX2 variants of the counting, evaluation and population-count kernels (see
// kernel_variants.h). Call them only where lutnet_kernel_variant_supported(LUTNET_KERNEL_AVX2).
#ifndef LUTNET_AVX2_KERNELS_H
#define LUTNET_AVX2_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Pattern counting; for k <= 8, also writes each example's pattern byte into `patterns`
/// (example_count bytes) unless it is NULL.
void lutnet_count_patterns_avx2(const uint64_t *restrict bits, size_t words_per_row,
                                const uint32_t *restrict inputs, uint32_t k,
                                const uint64_t *restrict labels, size_t example_count,
                                uint32_t *restrict counts, uint8_t *restrict patterns);

/// LUT evaluation (k <= 8) from each example's pattern byte, as lutnet_count_patterns_avx2 writes them.
void lutnet_evaluate_patterns_avx2(const uint8_t *restrict patterns, uint32_t k,
                                   const uint64_t *restrict table, size_t example_count,
                                   uint64_t *restrict out);

void lutnet_evaluate_lut_avx2(const uint64_t *restrict bits, size_t words_per_row,
                              const uint32_t *restrict inputs, uint32_t k,
                              const uint64_t *restrict table, size_t example_count,
                              uint64_t *restrict out);

uint64_t lutnet_popcount_avx2(const uint64_t *restrict row, size_t bit_count);

uint64_t lutnet_count_agreements_avx2(const uint64_t *restrict a, const uint64_t *restrict b,
                                      size_t bit_count);

#endif
