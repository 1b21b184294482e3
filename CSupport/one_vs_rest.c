#include "one_vs_rest.h"

#include "avx2_kernels.h"
#include "bit_packing.h"
#include "lut_evaluation.h"
#include "pattern_counting.h"

uint32_t lutnet_balanced_majority_table(const uint32_t *restrict counts, uint32_t k,
                                        uint64_t n0, uint64_t n1, const uint64_t *restrict tie_bits,
                                        uint64_t *restrict table) {
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

uint32_t lutnet_memorize_balanced_lut_variant(lutnet_kernel_variant variant, const uint64_t *restrict bits,
                                              size_t words_per_row, const uint32_t *restrict inputs, uint32_t k,
                                              const uint64_t *restrict labels, size_t example_count,
                                              uint64_t n0, uint64_t n1, const uint64_t *restrict tie_bits,
                                              uint32_t *restrict counts, uint8_t *restrict patterns,
                                              uint64_t *restrict table, uint64_t *restrict out) {
    if (variant == LUTNET_KERNEL_AVX2 && k <= 8 && lutnet_kernel_variant_supported(variant)) {
        // The pattern bytes built for counting are looked up again for evaluation.
        lutnet_count_patterns_avx2(bits, words_per_row, inputs, k, labels, example_count, counts, patterns);
        uint32_t ties = lutnet_balanced_majority_table(counts, k, n0, n1, tie_bits, table);
        lutnet_evaluate_patterns_avx2(patterns, k, table, example_count, out);
        return ties;
    }
    lutnet_count_patterns_variant(variant, bits, words_per_row, inputs, k, labels, example_count, counts);
    uint32_t ties = lutnet_balanced_majority_table(counts, k, n0, n1, tie_bits, table);
    lutnet_evaluate_lut_variant(variant, bits, words_per_row, inputs, k, table, example_count, out);
    return ties;
}

/// Columns of 64 examples counted together: their bit-plane counters stay in registers or L1.
enum { VOTE_BLOCK_WORDS = 8, VOTE_PLANES = 33 };

void lutnet_add_votes(const uint64_t *restrict rows, size_t row_count, size_t words_per_row,
                      size_t example_count, uint32_t *restrict votes) {
    size_t words = lutnet_words_for_bits(example_count);
    for (size_t start = 0; start < words; start += VOTE_BLOCK_WORDS) {
        size_t block = words - start < VOTE_BLOCK_WORDS ? words - start : VOTE_BLOCK_WORDS;
        // Binary counters: bit i of plane[j][b] is bit b of the count of example (start + j) * 64 + i.
        uint64_t plane[VOTE_BLOCK_WORDS][VOTE_PLANES] = {{0}};
        for (size_t r = 0; r < row_count; r++) {
            const uint64_t *row = rows + r * words_per_row + start;
            for (size_t j = 0; j < block; j++) {
                uint64_t carry = row[j];
                for (size_t b = 0; carry; b++) {
                    uint64_t next = plane[j][b] & carry;
                    plane[j][b] ^= carry;
                    carry = next;
                }
            }
        }
        for (size_t j = 0; j < block; j++) {
            size_t first = (start + j) * 64;
            size_t end = example_count - first < 64 ? example_count - first : 64;
            for (size_t b = 0; b < VOTE_PLANES; b++) {
                uint64_t bits = plane[j][b];
                if (end < 64) bits &= ((uint64_t)1 << end) - 1;
                while (bits) {
                    votes[first + (size_t)__builtin_ctzll(bits)] += (uint32_t)1 << b;
                    bits &= bits - 1;
                }
            }
        }
    }
}
