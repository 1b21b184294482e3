// Private: the population-count loops, compiled once per kernel variant.
#ifndef LUTNET_POPCOUNT_LOOPS_H
#define LUTNET_POPCOUNT_LOOPS_H

#include <stddef.h>
#include <stdint.h>

/// The valid bits of the last word of a row of bit_count bits: all ones, or the low
/// bit_count % 64 bits when that word is partial.
static inline uint64_t lutnet_tail_mask(size_t bit_count) {
    size_t rest = bit_count % 64;
    return rest == 0 ? ~(uint64_t)0 : ((uint64_t)1 << rest) - 1;
}

__attribute__((always_inline))
static inline uint64_t lutnet_popcount_loop(const uint64_t *restrict row, size_t bit_count) {
    size_t full = bit_count / 64;
    uint64_t total = 0;
    for (size_t w = 0; w < full; w++) total += (uint64_t)__builtin_popcountll(row[w]);
    if (bit_count % 64) total += (uint64_t)__builtin_popcountll(row[full] & lutnet_tail_mask(bit_count));
    return total;
}

__attribute__((always_inline))
static inline uint64_t lutnet_count_agreements_loop(const uint64_t *restrict a, const uint64_t *restrict b,
                                                    size_t bit_count) {
    size_t full = bit_count / 64;
    uint64_t total = 0;
    for (size_t w = 0; w < full; w++) total += (uint64_t)__builtin_popcountll(~(a[w] ^ b[w]));
    if (bit_count % 64)
        total += (uint64_t)__builtin_popcountll(~(a[full] ^ b[full]) & lutnet_tail_mask(bit_count));
    return total;
}

#endif
