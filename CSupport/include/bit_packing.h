/// Binarization and bit packing.
///
/// LUTNet's bit matrices are feature-major ("bit-sliced"): row f holds feature f of every example,
/// example e at bit (e % 64) of word `f * words_per_row + e / 64`. Bits past the example count are
/// zero. All buffers are owned by the caller.
#ifndef LUTNET_BIT_PACKING_H
#define LUTNET_BIT_PACKING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Number of 64-bit words that hold `bit_count` bits.
static inline size_t lutnet_words_for_bits(size_t bit_count) { return (bit_count + 63) / 64; }

/// Binarizes the selected examples of an example-major byte matrix into a feature-major bit matrix.
///
/// `values` holds examples of `feature_count` bytes each. Output example i is input example
/// `example_indices[i]`; its bit for feature f is `values[example_indices[i] * feature_count + f] >=
/// threshold`. `bits` holds `feature_count * words_per_row` words, with `words_per_row >=
/// lutnet_words_for_bits(selected_count)`; words `first_word ..< first_word + word_count` of every
/// row (`first_word + word_count <= words_per_row`) are written, bits past `selected_count` as zero,
/// and no other word is touched, so workers given disjoint word ranges can fill one matrix.
void lutnet_pack_threshold(const uint8_t *restrict values, size_t feature_count,
                           const uint32_t *restrict example_indices, size_t selected_count,
                           uint8_t threshold, uint64_t *restrict bits, size_t words_per_row,
                           size_t first_word, size_t word_count);
/// Writes bit i of `row` as byte 0 or 1 into `out[i]` for i < bit_count.
void lutnet_unpack_bits(const uint64_t *restrict row, size_t bit_count, uint8_t *restrict out);

#ifdef __cplusplus
}
#endif

#endif
