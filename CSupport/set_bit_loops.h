// Private: the loops of set_bit_products.h, compiled once per kernel variant.
#ifndef LUTNET_SET_BIT_LOOPS_H
#define LUTNET_SET_BIT_LOOPS_H

#include <stddef.h>
#include <stdint.h>

#include "set_bit_products.h"

/// Every output row's sum, one LUTNET_SET_BIT_LANES-wide slice (from `lane`) at a time.
__attribute__((always_inline))
static inline void lutnet_set_bits_gather_loop(const uint64_t *restrict starts, const uint16_t *restrict indices,
                                               size_t row_count, const float *restrict table, size_t stride,
                                               float *restrict out) {
    for (size_t lane = 0; lane < stride; lane += LUTNET_SET_BIT_LANES) {
        const float *restrict slice = table + lane;
        for (size_t i = 0; i < row_count; i++) {
            float even[LUTNET_SET_BIT_LANES] = {0}, odd[LUTNET_SET_BIT_LANES] = {0};
            uint64_t t = starts[i], end = starts[i + 1];
            for (; t + 1 < end; t += 2) {
                const float *restrict a = slice + (size_t)indices[t] * stride;
                const float *restrict b = slice + (size_t)indices[t + 1] * stride;
                for (size_t c = 0; c < LUTNET_SET_BIT_LANES; c++) {
                    even[c] += a[c];
                    odd[c] += b[c];
                }
            }
            if (t < end) {
                const float *restrict a = slice + (size_t)indices[t] * stride;
                for (size_t c = 0; c < LUTNET_SET_BIT_LANES; c++) even[c] += a[c];
            }
            float *restrict row = out + i * stride + lane;
            for (size_t c = 0; c < LUTNET_SET_BIT_LANES; c++) row[c] = even[c] + odd[c];
        }
    }
}

#endif
