// Private: AVX2 variants of the counting, evaluation and population-count kernels (see
// kernel_variants.h). Call them only where lutnet_kernel_variant_supported(LUTNET_KERNEL_AVX2).
#ifndef LUTNET_AVX2_KERNELS_H
#define LUTNET_AVX2_KERNELS_H

#include <stddef.h>
#include <stdint.h>

void lutnet_count_patterns_avx2(const uint64_t *restrict bits, size_t words_per_row,
                                const uint32_t *restrict inputs, uint32_t k,
                                const uint64_t *restrict labels, size_t example_count,
                                uint32_t *restrict counts);

void lutnet_evaluate_lut_avx2(const uint64_t *restrict bits, size_t words_per_row,
                              const uint32_t *restrict inputs, uint32_t k,
                              const uint64_t *restrict table, size_t example_count,
                              uint64_t *restrict out);

uint64_t lutnet_popcount_avx2(const uint64_t *restrict row, size_t bit_count);

uint64_t lutnet_count_agreements_avx2(const uint64_t *restrict a, const uint64_t *restrict b,
                                      size_t bit_count);

#endif
