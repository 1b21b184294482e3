/// Pattern counting: how many examples of each label show each input pattern of one LUT, and the
/// majority table that memorization stores.
#ifndef LUTNET_PATTERN_COUNTING_H
#define LUTNET_PATTERN_COUNTING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Counts, for the LUT reading `inputs[0..k)` of the feature-major bit matrix `bits`, the examples
/// e < example_count with label 0 and label 1 showing each pattern p < 2^k:
/// `counts[2 * p]` = c0(p) and `counts[2 * p + 1]` = c1(p). `labels` is a bit row of the same
/// layout as one matrix row. `counts` (2^(k+1) entries, caller-owned scratch) is overwritten.
/// Requires 1 <= k <= LUTNET_MAX_K.
void lutnet_count_patterns(const uint64_t *restrict bits, size_t words_per_row,
                           const uint32_t *restrict inputs, uint32_t k,
                           const uint64_t *restrict labels, size_t example_count,
                           uint32_t *restrict counts);

/// The memorized table, each side weighted by the other side's total: bit p of `table` (2^k bits,
/// at least one word, caller-owned) is 1 when c1(p) · n0 > c0(p) · n1 (c1(p) / n1 > c0(p) / n0),
/// 0 when it is smaller, and bit p of `tie_bits` (same size) on a tie, a pattern never seen
/// included. n0 = n1 = 1 is the paper's plain majority (c1(p) against c0(p)); the totals of label 0
/// and label 1 give the prior-balanced table of one-vs-rest networks. `counts` is laid out as
/// `lutnet_count_patterns` writes it; n0 and n1 are each below 2^32. Returns the number of tied
/// patterns. Requires 1 <= k <= LUTNET_MAX_K.
uint32_t lutnet_majority_table(const uint32_t *restrict counts, uint32_t k, uint64_t n0, uint64_t n1,
                               const uint64_t *restrict tie_bits, uint64_t *restrict table);

/// The patterns some example showed: bit p of `seen` (2^k bits, lutnet_words_for_bits(2^k) words,
/// caller-owned; bits past 2^k are zero) is 1 when c0(p) + c1(p) > 0 in `counts` as
/// lutnet_count_patterns fills it.
void lutnet_seen_patterns(const uint32_t *restrict counts, uint32_t k, uint64_t *restrict seen);

#ifdef __cplusplus
}
#endif

#endif
