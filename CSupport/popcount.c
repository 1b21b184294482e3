// Population counts over bit rows.
#include "popcount.h"

// Each entry point is compiled twice, with the POPCNT instruction and without, and the loader picks
// the clone the processor supports.
#if defined(__x86_64__) && defined(__linux__)
#define LUTNET_POPCOUNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define LUTNET_POPCOUNT_CLONES
#endif

static inline uint64_t tail_mask(size_t bit_count) {
    size_t rest = bit_count % 64;
    return rest == 0 ? ~(uint64_t)0 : ((uint64_t)1 << rest) - 1;
}

LUTNET_POPCOUNT_CLONES
uint64_t lutnet_popcount(const uint64_t *restrict row, size_t bit_count) {
    size_t full = bit_count / 64;
    uint64_t total = 0;
    for (size_t w = 0; w < full; w++) total += (uint64_t)__builtin_popcountll(row[w]);
    if (bit_count % 64) total += (uint64_t)__builtin_popcountll(row[full] & tail_mask(bit_count));
    return total;
}

LUTNET_POPCOUNT_CLONES
uint64_t lutnet_count_agreements(const uint64_t *restrict a, const uint64_t *restrict b,
                                 size_t bit_count) {
    size_t full = bit_count / 64;
    uint64_t total = 0;
    for (size_t w = 0; w < full; w++) total += (uint64_t)__builtin_popcountll(~(a[w] ^ b[w]));
    if (bit_count % 64)
        total += (uint64_t)__builtin_popcountll(~(a[full] ^ b[full]) & tail_mask(bit_count));
    return total;
}
