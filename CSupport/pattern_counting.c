// The counting kernel of memorization.
#include "pattern_counting.h"

#include <string.h>

#include "address_block.h"
#include "kernel_table.h"
#include "bit_packing.h"
#include "pattern_histogram.h"
#include "popcount_loops.h"

/// k <= 8: the 64 examples' patterns transposed into bytes, counted in a split histogram.
static void count_small_portable(const uint64_t *restrict bits, size_t words_per_row,
                                 const uint32_t *restrict inputs, uint32_t k,
                                 const uint64_t *restrict labels, size_t example_count,
                                 uint32_t *restrict counts) {
    size_t words = lutnet_words_for_bits(example_count);
    // Padding examples of the last word (bits masked off: pattern 0, label 0) are counted and
    // taken back from counts[0] at the end.
    size_t padding = words * 64 - example_count;
    uint64_t tail_valid = lutnet_tail_mask(example_count);
    lutnet_split_histogram histogram;
    lutnet_split_histogram_clear(&histogram);
    uint16_t index[64];
    for (size_t word = 0; word < words; word++) {
        uint64_t valid = word + 1 == words ? tail_valid : ~(uint64_t)0;
        uint64_t rows[8] = {0}, pattern_lanes[8], label_lanes[8] = {0};
        for (uint32_t j = 0; j < k; j++) rows[j] = bits[(size_t)inputs[j] * words_per_row + word] & valid;
        lutnet_transpose_rows(rows, pattern_lanes);
        lutnet_spread_word(labels[word] & valid, 0, label_lanes);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        for (unsigned e = 0; e < 64; e++) {
            unsigned shift = 8 * (e % 8);
            index[e] = (uint16_t)((pattern_lanes[e / 8] >> shift & 0xff) | (label_lanes[e / 8] >> shift & 0xff) << 8);
        }
#else
        // Little-endian: byte e of the lanes is example e (read as bytes, several times faster).
        uint8_t pattern[64], label[64];
        memcpy(pattern, pattern_lanes, sizeof pattern);
        memcpy(label, label_lanes, sizeof label);
        for (unsigned e = 0; e < 64; e++) index[e] = (uint16_t)(pattern[e] | label[e] << 8);
#endif
        lutnet_split_histogram_add(&histogram, index);
    }
    lutnet_split_histogram_fold(&histogram, k, counts);
    counts[0] -= (uint32_t)padding;
}

void lutnet_count_patterns_portable(const uint64_t *restrict bits, size_t words_per_row,
                                    const uint32_t *restrict inputs, uint32_t k,
                                    const uint64_t *restrict labels, size_t example_count,
                                    uint32_t *restrict counts) {
    if (k <= 8) {
        count_small_portable(bits, words_per_row, inputs, k, labels, example_count, counts);
        return;
    }
    memset(counts, 0, ((size_t)2 << k) * sizeof counts[0]);
    uint16_t block[64];
    size_t words = lutnet_words_for_bits(example_count);
    for (size_t word = 0; word < words; word++) {
        lutnet_gather_block(bits, words_per_row, inputs, k, word, block);
        uint64_t label = labels[word];
        size_t valid = example_count - word * 64 < 64 ? example_count - word * 64 : 64;
        for (size_t e = 0; e < valid; e++)
            counts[((uint32_t)block[e] << 1) | (uint32_t)((label >> e) & 1)]++;
    }
}

void lutnet_count_patterns_variant(lutnet_kernel_variant variant, const uint64_t *restrict bits,
                                   size_t words_per_row, const uint32_t *restrict inputs, uint32_t k,
                                   const uint64_t *restrict labels, size_t example_count,
                                   uint32_t *restrict counts) {
    const lutnet_kernel_table *kernels = lutnet_kernel_table_for(variant);
    while (k > kernels->count_max_k) kernels = kernels->fallback;
    kernels->count_patterns(bits, words_per_row, inputs, k, labels, example_count, counts);
}

void lutnet_count_patterns(const uint64_t *restrict bits, size_t words_per_row,
                           const uint32_t *restrict inputs, uint32_t k,
                           const uint64_t *restrict labels, size_t example_count,
                           uint32_t *restrict counts) {
    lutnet_count_patterns_variant(lutnet_best_kernel_variant(), bits, words_per_row, inputs, k, labels,
                                  example_count, counts);
}

uint32_t lutnet_majority_table(const uint32_t *restrict counts, uint32_t k, uint64_t n0, uint64_t n1,
                               const uint64_t *restrict tie_bits, uint64_t *restrict table) {
    size_t patterns = (size_t)1 << k;
    size_t words = lutnet_words_for_bits(patterns);
    uint32_t ties = 0;
    for (size_t w = 0; w < words; w++) {
        uint64_t word = 0;
        size_t end = patterns - w * 64 < 64 ? patterns - w * 64 : 64;
        for (size_t i = 0; i < end; i++) {
            size_t p = w * 64 + i;
            uint64_t ones = (uint64_t)counts[2 * p + 1] * n0, zeros = (uint64_t)counts[2 * p] * n1;
            uint64_t bit = ones > zeros ? 1 : ones < zeros ? 0 : (tie_bits[w] >> i) & 1;
            ties += ones == zeros;
            word |= bit << i;
        }
        table[w] = word;
    }
    return ties;
}

void lutnet_seen_patterns(const uint32_t *restrict counts, uint32_t k, uint64_t *restrict seen) {
    size_t patterns = (size_t)1 << k;
    size_t words = lutnet_words_for_bits(patterns);
    for (size_t w = 0; w < words; w++) {
        uint64_t word = 0;
        size_t end = patterns - w * 64 < 64 ? patterns - w * 64 : 64;
        for (size_t i = 0; i < end; i++) {
            size_t p = w * 64 + i;
            word |= (uint64_t)((counts[2 * p] | counts[2 * p + 1]) != 0) << i;
        }
        seen[w] = word;
    }
}
