// The counting kernel of memorization.
#include "pattern_counting.h"

#include <string.h>

#include "address_block.h"
#include "avx512_kernels.h"
#include "kernel_variants.h"
#include "bit_packing.h"

static void count_patterns_portable(const uint64_t *restrict bits, size_t words_per_row,
                                    const uint32_t *restrict inputs, uint32_t k,
                                    const uint64_t *restrict labels, size_t example_count,
                                    uint32_t *restrict counts) {
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
    if (variant == LUTNET_KERNEL_AVX512 && k <= LUTNET_AVX512_COUNT_MAX_K && lutnet_avx512_supported())
        lutnet_count_patterns_avx512(bits, words_per_row, inputs, k, labels, example_count, counts);
    else
        count_patterns_portable(bits, words_per_row, inputs, k, labels, example_count, counts);
}

void lutnet_count_patterns(const uint64_t *restrict bits, size_t words_per_row,
                           const uint32_t *restrict inputs, uint32_t k,
                           const uint64_t *restrict labels, size_t example_count,
                           uint32_t *restrict counts) {
    lutnet_count_patterns_variant(lutnet_best_kernel_variant(), bits, words_per_row, inputs, k, labels,
                                  example_count, counts);
}

uint32_t lutnet_majority_table(const uint32_t *restrict counts, uint32_t k,
                               const uint64_t *restrict tie_bits, uint64_t *restrict table) {
    size_t patterns = (size_t)1 << k;
    size_t words = lutnet_words_for_bits(patterns);
    uint32_t ties = 0;
    for (size_t w = 0; w < words; w++) {
        uint64_t word = 0;
        size_t end = patterns - w * 64 < 64 ? patterns - w * 64 : 64;
        for (size_t i = 0; i < end; i++) {
            size_t p = w * 64 + i;
            uint32_t c0 = counts[2 * p], c1 = counts[2 * p + 1];
            uint64_t bit = c1 > c0 ? 1 : c1 < c0 ? 0 : (tie_bits[w] >> i) & 1;
            ties += c1 == c0;
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
