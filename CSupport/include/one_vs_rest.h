/// The two kernels of one-vs-rest memorization beyond the binary ones: a majority table balanced
/// by the two labels' totals, and the votes of a layer's LUTs per example.
#ifndef LUTNET_ONE_VS_REST_H
#define LUTNET_ONE_VS_REST_H

#include <stddef.h>
#include <stdint.h>

#include "kernel_variants.h"

#ifdef __cplusplus
extern "C" {
#endif

/// The prior-balanced table: bit p of `table` (2^k bits, at least one word, caller-owned) is 1 when
/// c1(p) / n1 > c0(p) / n0, i.e. c1(p) · n0 > c0(p) · n1, 0 when it is smaller, and bit p of
/// `tie_bits` (same size) on a tie, a pattern never seen included. `counts` is laid out as
/// `lutnet_count_patterns` writes it (c0(p) at 2p, c1(p) at 2p + 1); `n0` and `n1` are the totals
/// of label 0 and label 1 (each < 2^32). Returns the number of tied patterns. Requires
/// 1 <= k <= LUTNET_MAX_K.
uint32_t lutnet_balanced_majority_table(const uint32_t *restrict counts, uint32_t k,
                                        uint64_t n0, uint64_t n1, const uint64_t *restrict tie_bits,
                                        uint64_t *restrict table);

/// One-vs-rest memorization of one LUT in one call, as `lutnet_memorize_lut_variant`
/// (lut_memorization.h) with the prior-balanced table of `lutnet_balanced_majority_table` in place
/// of the plain majority: counts into `counts` (2^(k+1) entries), the table into `table`, its
/// outputs on every example into `out`; `patterns` is scratch of example_count bytes (the AVX2
/// variant keeps each example's pattern from counting to evaluation for k <= 8). All buffers are
/// caller-owned. Returns the number of tied patterns. The results are those of the separate
/// kernels, on every variant.
uint32_t lutnet_memorize_balanced_lut_variant(lutnet_kernel_variant variant, const uint64_t *restrict bits,
                                              size_t words_per_row, const uint32_t *restrict inputs, uint32_t k,
                                              const uint64_t *restrict labels, size_t example_count,
                                              uint64_t n0, uint64_t n1, const uint64_t *restrict tie_bits,
                                              uint32_t *restrict counts, uint8_t *restrict patterns,
                                              uint64_t *restrict table, uint64_t *restrict out);

/// Adds to `votes[e]`, for every example e < example_count, the number of the `row_count` bit rows
/// (each `words_per_row` words, row after row in `rows`) whose bit e is 1. `votes` (example_count
/// entries, caller-owned) is added to, not overwritten.
void lutnet_add_votes(const uint64_t *restrict rows, size_t row_count, size_t words_per_row,
                      size_t example_count, uint32_t *restrict votes);

#ifdef __cplusplus
}
#endif

#endif
