// Private: LUT evaluation without addresses, over bit-sliced words, written in plain C that
// compilers vectorize for whatever instruction set the including function targets.
#ifndef LUTNET_BITSLICED_LUT_H
#define LUTNET_BITSLICED_LUT_H

#include <stddef.h>
#include <stdint.h>

/// Largest k evaluated bit-sliced; larger LUTs cost more muxes than an address lookup.
#define LUTNET_BITSLICED_MAX_K 8
/// Words of examples evaluated together (one vector register holds several).
#define LUTNET_BITSLICED_BLOCK 8

/// Bit-wise multiplexer: `high` where `select` is 1, `low` where it is 0.
static inline uint64_t lutnet_mux(uint64_t select, uint64_t low, uint64_t high) {
    return low ^ ((low ^ high) & select);
}

/// Evaluates one LUT (1 <= k <= LUTNET_BITSLICED_MAX_K) as a multiplexer tree over its input words
/// (Shannon decomposition on inputs 2..k-1); the leaves are functions of inputs 0 and 1, each
/// named by 4 consecutive table bits, all 16 of which are computed once per block of words.
/// Same contract as lutnet_evaluate_lut.
__attribute__((always_inline))
static inline void lutnet_bitsliced_evaluate(const uint64_t *restrict bits, size_t words_per_row,
                                             const uint32_t *restrict inputs, uint32_t k,
                                             const uint64_t *restrict table, size_t example_count,
                                             uint64_t *restrict out) {
    enum { B = LUTNET_BITSLICED_BLOCK, MAX_LEAVES = 1 << (LUTNET_BITSLICED_MAX_K - 2) };
    // Leaf i is the function of inputs 0 and 1 whose truth table (bit x0 + 2 x1) is table bits
    // 4i..4i+3; with k = 1, input 1 reads as 0 and only bits 0 and 1 count.
    uint32_t leaves = k <= 2 ? 1 : 1u << (k - 2);
    uint8_t code[MAX_LEAVES];
    if (k == 1) code[0] = (uint8_t)(table[0] & 3);
    else
        for (uint32_t i = 0; i < leaves; i++) code[i] = (uint8_t)((table[i / 16] >> (4 * (i % 16))) & 15);
    size_t words = (example_count + 63) / 64;
    for (size_t first = 0; first < words; first += B) {
        size_t n = words - first < B ? words - first : B;
        uint64_t x[LUTNET_BITSLICED_MAX_K][B];
        for (uint32_t j = 0; j < k; j++) {
            const uint64_t *row = bits + (size_t)inputs[j] * words_per_row + first;
            if (n == B)
                for (size_t b = 0; b < B; b++) x[j][b] = row[b];
            else
                for (size_t b = 0; b < B; b++) x[j][b] = b < n ? row[b] : 0;
        }
        if (k == 1)
            for (size_t b = 0; b < B; b++) x[1][b] = 0;
        uint64_t f[16][B];
        for (size_t b = 0; b < B; b++) {
            uint64_t a = x[0][b], c = x[1][b];
            f[0][b] = 0;            f[1][b] = ~(a | c);     f[2][b] = a & ~c;  f[3][b] = ~c;
            f[4][b] = c & ~a;       f[5][b] = ~a;           f[6][b] = a ^ c;   f[7][b] = ~(a & c);
            f[8][b] = a & c;        f[9][b] = ~(a ^ c);     f[10][b] = a;      f[11][b] = a | ~c;
            f[12][b] = c;           f[13][b] = ~a | c;      f[14][b] = a | c;  f[15][b] = ~(uint64_t)0;
        }
        uint64_t result[B];
        if (k <= 2) {
            for (size_t b = 0; b < B; b++) result[b] = f[code[0]][b];
        } else {
            uint64_t level[MAX_LEAVES / 2][B];
            uint32_t count = leaves / 2, j = 3;
            if (k == 3) {
                const uint64_t *low = f[code[0]], *change = f[code[0] ^ code[1]];
                for (size_t b = 0; b < B; b++) level[0][b] = low[b] ^ (change[b] & x[2][b]);
            } else {
                // The first two levels together: node i on inputs 0..3 from leaves 4i..4i+3, where
                // f[a] ^ f[b] = f[a ^ b] is ready.
                count /= 2;
                j = 4;
                for (uint32_t i = 0; i < count; i++) {
                    const uint8_t *c = code + 4 * i;
                    const uint64_t *l0 = f[c[0]], *c0 = f[c[0] ^ c[1]], *l1 = f[c[2]], *c1 = f[c[2] ^ c[3]];
                    for (size_t b = 0; b < B; b++) {
                        uint64_t low = l0[b] ^ (c0[b] & x[2][b]), high = l1[b] ^ (c1[b] & x[2][b]);
                        level[i][b] = lutnet_mux(x[3][b], low, high);
                    }
                }
            }
            // Then two levels at a time while two remain, one at the end if one does.
            for (; j + 1 < k; j += 2) {
                count /= 4;
                for (uint32_t i = 0; i < count; i++)
                    for (size_t b = 0; b < B; b++) {
                        uint64_t low = lutnet_mux(x[j][b], level[4 * i][b], level[4 * i + 1][b]);
                        uint64_t high = lutnet_mux(x[j][b], level[4 * i + 2][b], level[4 * i + 3][b]);
                        level[i][b] = lutnet_mux(x[j + 1][b], low, high);
                    }
            }
            if (j < k)
                for (size_t b = 0; b < B; b++) level[0][b] = lutnet_mux(x[j][b], level[0][b], level[1][b]);
            for (size_t b = 0; b < B; b++) result[b] = level[0][b];
        }
        size_t tail = example_count % 64;
        if (first + n == words && tail != 0) result[n - 1] &= ((uint64_t)1 << tail) - 1;
        for (size_t b = 0; b < n; b++) out[first + b] = result[b];
    }
}

#endif
