// AVX-512 variants of pattern counting and LUT evaluation, compiled per function for the
// instructions they need and called only where the processor has them.
#include "avx512_kernels.h"

#include <string.h>

#include "bit_packing.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

#define AVX512_TARGET __attribute__((target("avx512f,avx512bw,avx512vbmi,avx512bitalg")))

/// Adds `step` to the 16-bit lanes of (low, high) whose example bit is set in `word`.
AVX512_TARGET static inline void add_where_set(uint64_t word, __m512i step, __m512i *low, __m512i *high) {
    *low = _mm512_mask_add_epi16(*low, (__mmask32)word, *low, step);
    *high = _mm512_mask_add_epi16(*high, (__mmask32)(word >> 32), *high, step);
}

AVX512_TARGET
void lutnet_count_patterns_avx512(const uint64_t *restrict bits, size_t words_per_row,
                                  const uint32_t *restrict inputs, uint32_t k,
                                  const uint64_t *restrict labels, size_t example_count,
                                  uint32_t *restrict counts) {
    size_t entries = (size_t)2 << k;
    memset(counts, 0, entries * sizeof counts[0]);
    // Small tables are split four ways so that runs of one frequent pattern do not serialize on
    // a single counter; they are summed at the end.
    enum { SPLIT = 4, SPLIT_MAX_ENTRIES = 2 << 9 };
    uint32_t split[SPLIT][SPLIT_MAX_ENTRIES];
    int use_split = entries <= SPLIT_MAX_ENTRIES;
    if (use_split) memset(split, 0, sizeof split[0] * SPLIT);
    // Up to k = 15 a lane holds the counter index 2p + label; at k = 16 it holds the pattern p and
    // the label bit is added when counting.
    int label_in_lane = k < 16;
    __m512i steps[LUTNET_AVX512_COUNT_MAX_K];
    for (uint32_t j = 0; j < k; j++) steps[j] = _mm512_set1_epi16((short)(label_in_lane ? 2u << j : 1u << j));
    const __m512i one = _mm512_set1_epi16(1);
    uint16_t index[64] __attribute__((aligned(64)));
    size_t words = lutnet_words_for_bits(example_count);
    for (size_t word = 0; word < words; word++) {
        __m512i low = _mm512_setzero_si512(), high = _mm512_setzero_si512();
        if (label_in_lane) add_where_set(labels[word], one, &low, &high);
        for (uint32_t j = 0; j < k; j++)
            add_where_set(bits[(size_t)inputs[j] * words_per_row + word], steps[j], &low, &high);
        _mm512_store_si512((void *)index, low);
        _mm512_store_si512((void *)(index + 32), high);
        size_t valid = example_count - word * 64 < 64 ? example_count - word * 64 : 64;
        if (use_split) {
            size_t e = 0;
            for (; e + SPLIT <= valid; e += SPLIT)
                for (unsigned s = 0; s < SPLIT; s++) split[s][index[e + s]]++;
            for (; e < valid; e++) split[0][index[e]]++;
        } else if (label_in_lane) {
            for (size_t e = 0; e < valid; e++) counts[index[e]]++;
        } else {
            uint64_t label = labels[word];
            for (size_t e = 0; e < valid; e++) counts[((uint32_t)index[e] << 1) | (uint32_t)((label >> e) & 1)]++;
        }
    }
    if (use_split)
        for (size_t i = 0; i < entries; i++) counts[i] = split[0][i] + split[1][i] + split[2][i] + split[3][i];
}

/// k <= 8: patterns in byte lanes, the table (at most 256 bits) looked up with a byte permute.
AVX512_TARGET
static void evaluate_small(const uint64_t *restrict bits, size_t words_per_row,
                           const uint32_t *restrict inputs, uint32_t k,
                           const uint64_t *restrict table, size_t example_count,
                           uint64_t *restrict out) {
    // The table (at most 256 bits) as 64 bytes; byte b of lane i is looked up by pattern >> 3.
    uint64_t padded[8] = {0};
    memcpy(padded, table, lutnet_words_for_bits((size_t)1 << k) * sizeof(uint64_t));
    const __m512i table_bytes = _mm512_loadu_si512((const void *)padded);
    // bitshuffle picks bits of each example's own qword lane: byte i sits at bits 8*(i%8)..+7.
    const __m512i lane_offset = _mm512_set1_epi64(0x3830282018100800LL);
    const __m512i low3 = _mm512_set1_epi8(7), low5 = _mm512_set1_epi8(31);
    __m512i steps[8];
    for (uint32_t j = 0; j < k; j++) steps[j] = _mm512_set1_epi8((char)(1u << j));
    size_t words = lutnet_words_for_bits(example_count);
    for (size_t word = 0; word < words; word++) {
        __m512i pattern = _mm512_setzero_si512();
        for (uint32_t j = 0; j < k; j++)
            pattern = _mm512_mask_add_epi8(pattern, (__mmask64)bits[(size_t)inputs[j] * words_per_row + word],
                                           pattern, steps[j]);
        __m512i byte_index = _mm512_and_si512(_mm512_srli_epi16(pattern, 3), low5);
        __m512i table_byte = _mm512_permutexvar_epi8(byte_index, table_bytes);
        __m512i bit_index = _mm512_or_si512(_mm512_and_si512(pattern, low3), lane_offset);
        uint64_t result = (uint64_t)_mm512_bitshuffle_epi64_mask(table_byte, bit_index);
        size_t valid = example_count - word * 64;
        if (valid < 64) result &= ((uint64_t)1 << valid) - 1;
        out[word] = result;
    }
}

/// 9 <= k <= 16: patterns in 16-bit lanes, table words gathered 16 at a time.
AVX512_TARGET
static void evaluate_large(const uint64_t *restrict bits, size_t words_per_row,
                           const uint32_t *restrict inputs, uint32_t k,
                           const uint64_t *restrict table, size_t example_count,
                           uint64_t *restrict out) {
    const int *table_words = (const int *)(const void *)table; // 32-bit words, little-endian
    const __m512i low5 = _mm512_set1_epi32(31), one = _mm512_set1_epi32(1);
    __m512i steps[LUTNET_AVX512_EVALUATE_MAX_K];
    for (uint32_t j = 0; j < k; j++) steps[j] = _mm512_set1_epi16((short)(1u << j));
    size_t words = lutnet_words_for_bits(example_count);
    for (size_t word = 0; word < words; word++) {
        __m512i low = _mm512_setzero_si512(), high = _mm512_setzero_si512();
        for (uint32_t j = 0; j < k; j++)
            add_where_set(bits[(size_t)inputs[j] * words_per_row + word], steps[j], &low, &high);
        const __m512i halves[2] = {low, high};
        uint64_t result = 0;
        for (unsigned q = 0; q < 4; q++) {
            __m256i part = q % 2 == 0 ? _mm512_castsi512_si256(halves[q / 2])
                                      : _mm512_extracti64x4_epi64(halves[q / 2], 1);
            __m512i pattern = _mm512_cvtepu16_epi32(part);
            __m512i entry = _mm512_i32gather_epi32(_mm512_srli_epi32(pattern, 5), table_words, 4);
            __m512i bit = _mm512_srlv_epi32(entry, _mm512_and_si512(pattern, low5));
            result |= (uint64_t)_mm512_test_epi32_mask(bit, one) << (16 * q);
        }
        size_t valid = example_count - word * 64;
        if (valid < 64) result &= ((uint64_t)1 << valid) - 1;
        out[word] = result;
    }
}

AVX512_TARGET
void lutnet_evaluate_lut_avx512(const uint64_t *restrict bits, size_t words_per_row,
                                const uint32_t *restrict inputs, uint32_t k,
                                const uint64_t *restrict table, size_t example_count,
                                uint64_t *restrict out) {
    if (k <= 8)
        evaluate_small(bits, words_per_row, inputs, k, table, example_count, out);
    else
        evaluate_large(bits, words_per_row, inputs, k, table, example_count, out);
}

#else

void lutnet_count_patterns_avx512(const uint64_t *restrict bits, size_t words_per_row,
                                  const uint32_t *restrict inputs, uint32_t k,
                                  const uint64_t *restrict labels, size_t example_count,
                                  uint32_t *restrict counts) {
    (void)bits; (void)words_per_row; (void)inputs; (void)k; (void)labels; (void)example_count; (void)counts;
}

void lutnet_evaluate_lut_avx512(const uint64_t *restrict bits, size_t words_per_row,
                                const uint32_t *restrict inputs, uint32_t k,
                                const uint64_t *restrict table, size_t example_count,
                                uint64_t *restrict out) {
    (void)bits; (void)words_per_row; (void)inputs; (void)k; (void)table; (void)example_count; (void)out;
}

#endif
