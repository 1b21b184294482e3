/// LUT evaluation: the output bit of one LUT for every example.
#ifndef LUTNET_LUT_EVALUATION_H
#define LUTNET_LUT_EVALUATION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Evaluates the LUT reading `inputs[0..k)` of the feature-major bit matrix `bits`, whose table holds
/// the output for pattern p at bit p (`table` has lutnet_words_for_bits(2^k) words), on every
/// example e < example_count. Writes the outputs as a bit row into `out`
/// (lutnet_words_for_bits(example_count) words, caller-owned; bits past example_count are zero).
void lutnet_evaluate_lut(const uint64_t *restrict bits, size_t words_per_row,
                         const uint32_t *restrict inputs, uint32_t k,
                         const uint64_t *restrict table, size_t example_count,
                         uint64_t *restrict out);

#ifdef __cplusplus
}
#endif

#endif
