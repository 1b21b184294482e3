// Private: every instruction-set variant's kernels in one table, the one place that says which
// loop a variant runs (see kernel_variants.h). The `_variant` entry points look their kernel up
// here; none of them compares variants itself.
#ifndef LUTNET_KERNEL_TABLE_H
#define LUTNET_KERNEL_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "kernel_variants.h"

/// One variant's kernels. Every entry gives the portable kernel's results, bit for bit.
typedef struct lutnet_kernel_table {
    /// Pattern counting, for k up to `count_max_k`.
    void (*count_patterns)(const uint64_t *restrict bits, size_t words_per_row,
                           const uint32_t *restrict inputs, uint32_t k,
                           const uint64_t *restrict labels, size_t example_count,
                           uint32_t *restrict counts);
    uint32_t count_max_k;
    /// Counting that also writes each example's pattern byte (k <= 8) for `evaluate_patterns`,
    /// so that memorization evaluates without gathering the inputs again; NULL where the variant
    /// has no such pair.
    void (*count_keeping_patterns)(const uint64_t *restrict bits, size_t words_per_row,
                                   const uint32_t *restrict inputs, uint32_t k,
                                   const uint64_t *restrict labels, size_t example_count,
                                   uint32_t *restrict counts, uint8_t *restrict patterns);
    void (*evaluate_patterns)(const uint8_t *restrict patterns, uint32_t k,
                              const uint64_t *restrict table, size_t example_count,
                              uint64_t *restrict out);
    /// LUT evaluation, for k up to `evaluate_max_k`.
    void (*evaluate_lut)(const uint64_t *restrict bits, size_t words_per_row,
                         const uint32_t *restrict inputs, uint32_t k,
                         const uint64_t *restrict table, size_t example_count,
                         uint64_t *restrict out);
    uint32_t evaluate_max_k;
    uint64_t (*popcount)(const uint64_t *restrict row, size_t bit_count);
    uint64_t (*count_agreements)(const uint64_t *restrict a, const uint64_t *restrict b,
                                 size_t bit_count);
    void (*set_bits_gather)(const uint64_t *restrict starts, const uint16_t *restrict indices,
                            size_t row_count, const float *restrict table, size_t stride,
                            float *restrict out);
    /// The table whose kernels serve a k above this one's limits (NULL for the portable table,
    /// which covers every k).
    const struct lutnet_kernel_table *fallback;
} lutnet_kernel_table;

/// The kernels of `variant` if this processor runs it, else the portable ones (never an illegal
/// instruction). Static tables: nothing to free.
const lutnet_kernel_table *lutnet_kernel_table_for(lutnet_kernel_variant variant);

/// The portable kernels, defined beside their entry points.
void lutnet_count_patterns_portable(const uint64_t *restrict bits, size_t words_per_row,
                                    const uint32_t *restrict inputs, uint32_t k,
                                    const uint64_t *restrict labels, size_t example_count,
                                    uint32_t *restrict counts);
void lutnet_evaluate_lut_portable(const uint64_t *restrict bits, size_t words_per_row,
                                  const uint32_t *restrict inputs, uint32_t k,
                                  const uint64_t *restrict table, size_t example_count,
                                  uint64_t *restrict out);
uint64_t lutnet_popcount_portable(const uint64_t *restrict row, size_t bit_count);
uint64_t lutnet_count_agreements_portable(const uint64_t *restrict a, const uint64_t *restrict b,
                                          size_t bit_count);
void lutnet_set_bits_gather_portable(const uint64_t *restrict starts, const uint16_t *restrict indices,
                                     size_t row_count, const float *restrict table, size_t stride,
                                     float *restrict out);
/// The set-bit gather compiled for AVX2 (the portable loop where the compiler cannot target it).
void lutnet_set_bits_gather_avx2(const uint64_t *restrict starts, const uint16_t *restrict indices,
                                 size_t row_count, const float *restrict table, size_t stride,
                                 float *restrict out);

#endif
