// Binarization of byte images into feature-major bit matrices.
#include "bit_packing.h"

#include <string.h>

/// Features are transposed in chunks so that one chunk's accumulators stay in L1.
#define FEATURE_CHUNK 512

void lutnet_pack_threshold(const uint8_t *restrict values, size_t feature_count,
                           const uint32_t *restrict example_indices, size_t selected_count,
                           uint8_t threshold, uint64_t *restrict bits, size_t words_per_row,
                           size_t first_word, size_t word_count) {
    // Byte m of feature f's word collects examples 8m..8m+7 of the word, one compare of a whole
    // chunk of features per example: loops over bytes that compilers vectorize for any target.
    uint8_t collected[8][FEATURE_CHUNK];
    for (size_t first = 0; first < feature_count; first += FEATURE_CHUNK) {
        size_t chunk = feature_count - first < FEATURE_CHUNK ? feature_count - first : FEATURE_CHUNK;
        for (size_t word = first_word; word < first_word + word_count; word++) {
            memset(collected, 0, sizeof collected);
            size_t begin = word * 64;
            size_t end = begin + 64 < selected_count ? begin + 64 : selected_count;
            for (size_t e = begin; e < end; e++) {
                const uint8_t *restrict row = values + (size_t)example_indices[e] * feature_count + first;
                uint8_t *restrict bytes = collected[(e - begin) / 8];
                uint8_t bit = (uint8_t)(1u << ((e - begin) % 8));
                for (size_t f = 0; f < chunk; f++) bytes[f] |= row[f] >= threshold ? bit : 0;
            }
            for (size_t f = 0; f < chunk; f++) {
                uint64_t packed = 0;
                for (unsigned m = 0; m < 8; m++) packed |= (uint64_t)collected[m][f] << (8 * m);
                bits[(first + f) * words_per_row + word] = packed;
            }
        }
    }
}

void lutnet_unpack_bits(const uint64_t *restrict row, size_t bit_count, uint8_t *restrict out) {
    for (size_t i = 0; i < bit_count; i++) out[i] = (uint8_t)((row[i / 64] >> (i % 64)) & 1);
}
