/// Memorization of one LUT in one call: counting, the majority table, and the table's outputs on
/// the training examples.
#ifndef LUTNET_LUT_MEMORIZATION_H
#define LUTNET_LUT_MEMORIZATION_H

#include <stddef.h>
#include <stdint.h>

#include "kernel_variants.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Memorizes the LUT reading `inputs[0..k)` of the feature-major bit matrix `bits` (1 <= k <=
/// LUTNET_MAX_K): writes the label counts into `counts` (2^(k+1) entries, as
/// lutnet_count_patterns), the majority table weighted by `n0` and `n1` with ties from `tie_bits`
/// into `table` (as lutnet_majority_table: 1 and 1 for the plain majority, the labels' totals for
/// the prior-balanced one), and the table's output on every example into `out`
/// (lutnet_words_for_bits(example_count) words, as lutnet_evaluate_lut). `patterns` is scratch of
/// example_count bytes: variants that keep each example's pattern from counting to evaluation
/// (AVX2, k <= 8) use it. All buffers are caller-owned. Returns the number of tied patterns. The
/// results are those of the three separate kernels, on every variant.
uint32_t lutnet_memorize_lut_variant(lutnet_kernel_variant variant, const uint64_t *restrict bits,
                                     size_t words_per_row, const uint32_t *restrict inputs, uint32_t k,
                                     const uint64_t *restrict labels, size_t example_count,
                                     uint64_t n0, uint64_t n1, const uint64_t *restrict tie_bits,
                                     uint32_t *restrict counts, uint8_t *restrict patterns,
                                     uint64_t *restrict table, uint64_t *restrict out);

#ifdef __cplusplus
}
#endif

#endif
