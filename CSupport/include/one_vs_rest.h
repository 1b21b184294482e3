/// The two kernels of one-vs-rest memorization beyond the binary ones: a majority table balanced
/// by the two labels' totals, and the votes of a layer's LUTs per example.
#ifndef LUTNET_ONE_VS_REST_H
#define LUTNET_ONE_VS_REST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The prior-balanced table: bit p of `table` (2^k bits, at least one word, caller-owned) is 1 when
/// c1(p) / n1 > c0(p) / n0, i.e. c1(p) · n0 > c0(p) · n1, else 0 (a tie, including a pattern never
/// seen, stores 0). `counts` is laid out as `lutnet_count_patterns` writes it (c0(p) at 2p, c1(p) at
/// 2p + 1); `n0` and `n1` are the totals of label 0 and label 1 (each < 2^32). Returns the number
/// of tied patterns. Requires 1 <= k <= LUTNET_MAX_K.
uint32_t lutnet_balanced_majority_table(const uint32_t *restrict counts, uint32_t k,
                                        uint64_t n0, uint64_t n1, uint64_t *restrict table);

/// Adds to `votes[e]`, for every example e < example_count, the number of the `row_count` bit rows
/// (each `words_per_row` words, row after row in `rows`) whose bit e is 1. `votes` (example_count
/// entries, caller-owned) is added to, not overwritten.
void lutnet_add_votes(const uint64_t *restrict rows, size_t row_count, size_t words_per_row,
                      size_t example_count, uint32_t *restrict votes);

#ifdef __cplusplus
}
#endif

#endif
