// Private: gathers the patterns of 64 examples at once, shared by counting and evaluation.
#ifndef LUTNET_ADDRESS_BLOCK_H
#define LUTNET_ADDRESS_BLOCK_H

#include <stddef.h>
#include <stdint.h>

// SPREAD[b] puts bit i of the byte b into the lowest bit of byte i.
#define LUTNET_S2(n) (n), (n) + 0x1ull, (n) + 0x100ull, (n) + 0x101ull
#define LUTNET_S4(n) LUTNET_S2(n), LUTNET_S2((n) + 0x10000ull), LUTNET_S2((n) + 0x1000000ull), \
                     LUTNET_S2((n) + 0x1010000ull)
#define LUTNET_S6(n) LUTNET_S4(n), LUTNET_S4((n) + (1ull << 32)), LUTNET_S4((n) + (1ull << 40)), \
                     LUTNET_S4((n) + (1ull << 40) + (1ull << 32))
#define LUTNET_S8(n) LUTNET_S6(n), LUTNET_S6((n) + (1ull << 48)), LUTNET_S6((n) + (1ull << 56)), \
                     LUTNET_S6((n) + (1ull << 56) + (1ull << 48))
static const uint64_t lutnet_spread_byte[256] = {LUTNET_S8(0ull)};

/// Spreads the 64 bits of `word`, shifted to bit `shift`, into the byte lanes of `lanes`: lane
/// byte e (word e / 8, byte e % 8) gains bit `shift` if example e's bit is set.
static inline void lutnet_spread_word(uint64_t word, unsigned shift, uint64_t lanes[8]) {
    for (unsigned m = 0; m < 8; m++) lanes[m] |= lutnet_spread_byte[(word >> (8 * m)) & 0xff] << shift;
}

/// Transposes 8 bit rows of 64 examples into their byte patterns: byte e % 8 of `out[e / 8]` gets
/// bit e of `rows[j]` as its bit j. Plain word operations (three rounds of byte swaps across rows,
/// three of bit swaps within each 8x8 block) that compilers vectorize for any target.
__attribute__((always_inline))
static inline void lutnet_transpose_rows(const uint64_t rows[8], uint64_t out[8]) {
    uint64_t r[8];
    for (unsigned j = 0; j < 8; j++) r[j] = rows[j];
    // Bytes: afterwards byte j of r[m] is byte m of row j.
    for (unsigned j = 0; j < 4; j++) {
        uint64_t t = ((r[j] >> 32) ^ r[j + 4]) & 0x00000000FFFFFFFFull;
        r[j + 4] ^= t;
        r[j] ^= t << 32;
    }
    for (unsigned h = 0; h < 8; h += 4)
        for (unsigned j = h; j < h + 2; j++) {
            uint64_t t = ((r[j] >> 16) ^ r[j + 2]) & 0x0000FFFF0000FFFFull;
            r[j + 2] ^= t;
            r[j] ^= t << 16;
        }
    for (unsigned j = 0; j < 8; j += 2) {
        uint64_t t = ((r[j] >> 8) ^ r[j + 1]) & 0x00FF00FF00FF00FFull;
        r[j + 1] ^= t;
        r[j] ^= t << 8;
    }
    // Bits within each 8x8 block (rows: bytes, columns: bits).
    for (unsigned m = 0; m < 8; m++) {
        uint64_t x = r[m], t;
        t = (x ^ (x >> 7)) & 0x00AA00AA00AA00AAull;
        x ^= t ^ (t << 7);
        t = (x ^ (x >> 14)) & 0x0000CCCC0000CCCCull;
        x ^= t ^ (t << 14);
        t = (x ^ (x >> 28)) & 0x00000000F0F0F0F0ull;
        x ^= t ^ (t << 28);
        out[m] = x;
    }
}

/// Patterns of the 64 examples of word `word` into `addresses`.
static inline void lutnet_gather_block(const uint64_t *restrict bits, size_t words_per_row,
                                       const uint32_t *restrict inputs, uint32_t k, size_t word,
                                       uint16_t addresses[64]) {
    uint64_t low[8] = {0}, high[8] = {0};
    uint32_t low_count = k < 8 ? k : 8;
    for (uint32_t j = 0; j < low_count; j++)
        lutnet_spread_word(bits[(size_t)inputs[j] * words_per_row + word], j, low);
    for (uint32_t j = 8; j < k; j++)
        lutnet_spread_word(bits[(size_t)inputs[j] * words_per_row + word], j - 8, high);
    for (unsigned e = 0; e < 64; e++) {
        unsigned m = e / 8, b = 8 * (e % 8);
        addresses[e] = (uint16_t)(((low[m] >> b) & 0xff) | ((high[m] >> b) & 0xff) << 8);
    }
}

#endif
