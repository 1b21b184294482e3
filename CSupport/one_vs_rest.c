#include "one_vs_rest.h"

#include "bit_packing.h"

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
