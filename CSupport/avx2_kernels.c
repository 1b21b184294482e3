// AVX2 variants of pattern counting, LUT evaluation and population counts, compiled per function
// for the instructions they need and called only where the processor has them.
#include "avx2_kernels.h"

#include <string.h>

#include "pattern_histogram.h"
#include "popcount_loops.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

#define AVX2_TARGET __attribute__((target("avx2,popcnt")))

/// The largest k evaluated bit-sliced (larger tables look each example's pattern up).
#define LUTNET_AVX2_BITSLICED_MAX_K 12

/// Shifts the byte lanes of (low, high) left by one and adds the 64 bits of `word`: byte e of
/// `low` (examples 0-31) and of `high` (examples 32-63) gains example e's bit as its bit 0.
/// `vpshufb` copies byte e / 8 of the word into byte e; a compare with 1 << (e % 8) tests the bit.
AVX2_TARGET static inline void push_bits(uint64_t word, __m256i *low, __m256i *high) {
    const __m256i pick_low = _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
                                              2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3);
    const __m256i pick_high = _mm256_setr_epi8(4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5,
                                               6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7);
    const __m256i bit = _mm256_set1_epi64x((long long)0x8040201008040201ull);
    __m256i spread = _mm256_set1_epi64x((long long)word);
    __m256i set_low = _mm256_cmpeq_epi8(_mm256_and_si256(_mm256_shuffle_epi8(spread, pick_low), bit), bit);
    __m256i set_high = _mm256_cmpeq_epi8(_mm256_and_si256(_mm256_shuffle_epi8(spread, pick_high), bit), bit);
    *low = _mm256_sub_epi8(_mm256_add_epi8(*low, *low), set_low);
    *high = _mm256_sub_epi8(_mm256_add_epi8(*high, *high), set_high);
}

/// Byte patterns of inputs first..last-1 (bit j - first of the byte is input j) of the 64 examples
/// of word `word`, each row word ANDed with `valid`.
AVX2_TARGET static inline void byte_patterns(const uint64_t *restrict bits, size_t words_per_row,
                                             const uint32_t *restrict inputs, uint32_t first, uint32_t last,
                                             size_t word, uint64_t valid, __m256i *low, __m256i *high) {
    *low = _mm256_setzero_si256();
    *high = _mm256_setzero_si256();
    for (uint32_t j = last; j-- > first;)
        push_bits(bits[(size_t)inputs[j] * words_per_row + word] & valid, low, high);
}

/// Counting with 9 <= k <= SPLIT_MAX_K uses four 16-bit histograms, added into the counts every
/// SPLIT_FLUSH_WORDS words (16 examples a word each: at most 65,520 < 2^16 counts between).
enum { SPLIT_MAX_K = 12, SPLIT_FLUSH_WORDS = 4095 };

/// Counting for 9 <= k <= SPLIT_MAX_K into zeroed `counts`: each example's counter index
/// 2p + label is built in the vector registers (the label pushed last, into bit 0, under inputs
/// 0..6; inputs 7..k-1 in the high byte), and four 16-bit histograms take consecutive examples, so
/// that a run of one frequent pattern does not wait on one counter's store.
AVX2_TARGET static void count_split(const uint64_t *restrict bits, size_t words_per_row,
                                    const uint32_t *restrict inputs, uint32_t k,
                                    const uint64_t *restrict labels, size_t words, uint64_t tail_valid,
                                    uint32_t *restrict counts) {
    size_t counters = (size_t)2 << k, pending = 0;
    uint16_t split[4 * ((size_t)2 << SPLIT_MAX_K)];
    memset(split, 0, 4 * counters * sizeof split[0]);
    uint16_t index[64] __attribute__((aligned(32)));
    for (size_t word = 0; word < words; word++) {
        uint64_t valid = word + 1 == words ? tail_valid : ~(uint64_t)0;
        __m256i low, high, top_low, top_high;
        byte_patterns(bits, words_per_row, inputs, 0, 7, word, valid, &low, &high);
        push_bits(labels[word] & valid, &low, &high);
        byte_patterns(bits, words_per_row, inputs, 7, k, word, valid, &top_low, &top_high);
        _mm256_store_si256((__m256i *)(void *)index, _mm256_unpacklo_epi8(low, top_low));
        _mm256_store_si256((__m256i *)(void *)(index + 16), _mm256_unpackhi_epi8(low, top_low));
        _mm256_store_si256((__m256i *)(void *)(index + 32), _mm256_unpacklo_epi8(high, top_high));
        _mm256_store_si256((__m256i *)(void *)(index + 48), _mm256_unpackhi_epi8(high, top_high));
        for (unsigned e = 0; e < 64; e += 4) {
            split[index[e]]++;
            split[counters + index[e + 1]]++;
            split[2 * counters + index[e + 2]]++;
            split[3 * counters + index[e + 3]]++;
        }
        if (++pending == SPLIT_FLUSH_WORDS || word + 1 == words) {
            for (size_t i = 0; i < counters; i++)
                counts[i] += (uint32_t)split[i] + split[counters + i] + split[2 * counters + i] + split[3 * counters + i];
            memset(split, 0, 4 * counters * sizeof split[0]);
            pending = 0;
        }
    }
}

AVX2_TARGET
void lutnet_count_patterns_avx2(const uint64_t *restrict bits, size_t words_per_row,
                                const uint32_t *restrict inputs, uint32_t k,
                                const uint64_t *restrict labels, size_t example_count,
                                uint32_t *restrict counts, uint8_t *restrict patterns) {
    size_t words = (example_count + 63) / 64;
    // Every example of the last word is counted; the padding ones (pattern 0, label 0, since their
    // bits are masked off) are taken back from counts[0] at the end.
    size_t padding = words * 64 - example_count;
    uint64_t tail_valid = lutnet_tail_mask(example_count);
    uint16_t index[64] __attribute__((aligned(32)));
    if (k <= 8) {
        // Counter p + 256 * label, in four interleaved histograms, folded into counts at the end.
        lutnet_split_histogram histogram;
        lutnet_split_histogram_clear(&histogram);
        for (size_t word = 0; word < words; word++) {
            uint64_t valid = word + 1 == words ? tail_valid : ~(uint64_t)0;
            __m256i low, high, label_low = _mm256_setzero_si256(), label_high = _mm256_setzero_si256();
            byte_patterns(bits, words_per_row, inputs, 0, k, word, valid, &low, &high);
            push_bits(labels[word] & valid, &label_low, &label_high);
            if (patterns) {
                if (word + 1 < words) {
                    _mm256_storeu_si256((__m256i *)(void *)(patterns + 64 * word), low);
                    _mm256_storeu_si256((__m256i *)(void *)(patterns + 64 * word + 32), high);
                } else {
                    uint8_t last[64] __attribute__((aligned(32)));
                    _mm256_store_si256((__m256i *)(void *)last, low);
                    _mm256_store_si256((__m256i *)(void *)(last + 32), high);
                    memcpy(patterns + 64 * word, last, example_count - 64 * word);
                }
            }
            // 16-bit counters p | label << 8, in an order of the examples that does not matter here.
            _mm256_store_si256((__m256i *)(void *)index, _mm256_unpacklo_epi8(low, label_low));
            _mm256_store_si256((__m256i *)(void *)(index + 16), _mm256_unpackhi_epi8(low, label_low));
            _mm256_store_si256((__m256i *)(void *)(index + 32), _mm256_unpacklo_epi8(high, label_high));
            _mm256_store_si256((__m256i *)(void *)(index + 48), _mm256_unpackhi_epi8(high, label_high));
            lutnet_split_histogram_add(&histogram, index);
        }
        lutnet_split_histogram_fold(&histogram, k, counts);
    } else {
        memset(counts, 0, ((size_t)2 << k) * sizeof counts[0]);
        if (k <= SPLIT_MAX_K) {
            count_split(bits, words_per_row, inputs, k, labels, words, tail_valid, counts);
        } else {
            uint16_t label_bit[64] __attribute__((aligned(32)));
            for (size_t word = 0; word < words; word++) {
                uint64_t valid = word + 1 == words ? tail_valid : ~(uint64_t)0;
                __m256i low, high, top_low, top_high;
                __m256i label_low = _mm256_setzero_si256(), label_high = _mm256_setzero_si256();
                byte_patterns(bits, words_per_row, inputs, 0, 8, word, valid, &low, &high);
                byte_patterns(bits, words_per_row, inputs, 8, k, word, valid, &top_low, &top_high);
                push_bits(labels[word] & valid, &label_low, &label_high);
                const __m256i zero = _mm256_setzero_si256();
                // The pattern's low and high bytes, and the label, in the same order of the examples.
                _mm256_store_si256((__m256i *)(void *)index, _mm256_unpacklo_epi8(low, top_low));
                _mm256_store_si256((__m256i *)(void *)(index + 16), _mm256_unpackhi_epi8(low, top_low));
                _mm256_store_si256((__m256i *)(void *)(index + 32), _mm256_unpacklo_epi8(high, top_high));
                _mm256_store_si256((__m256i *)(void *)(index + 48), _mm256_unpackhi_epi8(high, top_high));
                _mm256_store_si256((__m256i *)(void *)label_bit, _mm256_unpacklo_epi8(label_low, zero));
                _mm256_store_si256((__m256i *)(void *)(label_bit + 16), _mm256_unpackhi_epi8(label_low, zero));
                _mm256_store_si256((__m256i *)(void *)(label_bit + 32), _mm256_unpacklo_epi8(label_high, zero));
                _mm256_store_si256((__m256i *)(void *)(label_bit + 48), _mm256_unpackhi_epi8(label_high, zero));
                for (unsigned e = 0; e < 64; e++) counts[((uint32_t)index[e] << 1) | label_bit[e]]++;
            }
        }
    }
    counts[0] -= (uint32_t)padding;
}

/// The table bits of 32 pattern bytes, as a 32-bit mask: the table (at most 256 bits, 32 bytes) is
/// read a byte at a time with `vpshufb` from its two 16-byte halves, the half picked by the
/// pattern's top bit, and the bit within the byte with a second `vpshufb` of powers of two.
AVX2_TARGET static inline uint32_t look_up_32(__m256i pattern, __m256i table_low, __m256i table_high) {
    const __m256i powers = _mm256_set1_epi64x((long long)0x8040201008040201ull);
    const __m256i low3 = _mm256_set1_epi8(7), low4 = _mm256_set1_epi8(15);
    __m256i byte_index = _mm256_and_si256(_mm256_srli_epi16(pattern, 3), low4);
    __m256i byte = _mm256_blendv_epi8(_mm256_shuffle_epi8(table_low, byte_index),
                                      _mm256_shuffle_epi8(table_high, byte_index), pattern);
    __m256i bit = _mm256_shuffle_epi8(powers, _mm256_and_si256(pattern, low3));
    return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(byte, bit), bit));
}

AVX2_TARGET
void lutnet_evaluate_patterns_avx2(const uint8_t *restrict patterns, uint32_t k,
                                   const uint64_t *restrict table, size_t example_count,
                                   uint64_t *restrict out) {
    uint64_t padded[4] = {0};
    memcpy(padded, table, (((size_t)1 << k) + 63) / 64 * sizeof(uint64_t));
    __m256i whole = _mm256_loadu_si256((const __m256i *)(const void *)padded);
    __m256i table_low = _mm256_permute2x128_si256(whole, whole, 0x00);
    __m256i table_high = _mm256_permute2x128_si256(whole, whole, 0x11);
    size_t full = example_count / 64;
    for (size_t word = 0; word < full; word++) {
        const uint8_t *p = patterns + 64 * word;
        uint64_t low = look_up_32(_mm256_loadu_si256((const __m256i *)(const void *)p), table_low, table_high);
        uint64_t high = look_up_32(_mm256_loadu_si256((const __m256i *)(const void *)(p + 32)), table_low, table_high);
        out[word] = low | high << 32;
    }
    size_t rest = example_count - 64 * full;
    if (rest) {
        uint8_t last[64] __attribute__((aligned(32))) = {0};
        memcpy(last, patterns + 64 * full, rest);
        uint64_t low = look_up_32(_mm256_load_si256((const __m256i *)(void *)last), table_low, table_high);
        uint64_t high = look_up_32(_mm256_load_si256((const __m256i *)(void *)(last + 32)), table_low, table_high);
        out[full] = (low | high << 32) & (((uint64_t)1 << rest) - 1);
    }
}

/// Bit-sliced evaluation, k <= 12, 256 examples (4 words) per register: the LUT as a multiplexer
/// tree over its input words (Shannon decomposition on inputs 2..k-1), unrolled so that the tree
/// stays in registers. The leaves are the 16 functions of inputs 0 and 1 (computed once per block):
/// leaf pair i is f[a] ^ (f[a ^ b] & x2) with a, b table bits 8i..8i+3 and 8i+4..8i+7. Measured
/// 12-18 % faster than building each example's pattern byte and looking it up with `vpshufb`
/// (which evaluation right after counting does, the bytes being ready then). Up to k = 12 the
/// table is cut into 256-bit parts, one 8-input tree each, joined by a multiplexer tree over inputs
/// 8..k-1: at k = 10 about twice as fast as looking each 16-bit pattern up.
typedef struct bitsliced_tree {
    __m256i x[LUTNET_AVX2_BITSLICED_MAX_K];
    __m256i f[16];
    /// Byte offsets into f of each first-level node's two leaves.
    uint32_t low[1u << (LUTNET_AVX2_BITSLICED_MAX_K - 3)], change[1u << (LUTNET_AVX2_BITSLICED_MAX_K - 3)];
} bitsliced_tree;

AVX2_TARGET static inline __m256i tree_node3(const bitsliced_tree *tree, uint32_t i) {
    const char *f = (const char *)(const void *)tree->f;
    __m256i low = _mm256_load_si256((const __m256i *)(const void *)(f + tree->low[i]));
    __m256i change = _mm256_load_si256((const __m256i *)(const void *)(f + tree->change[i]));
    return _mm256_xor_si256(low, _mm256_and_si256(change, tree->x[2]));
}

#define TREE_NODE(d, below)                                                                      \
    AVX2_TARGET static inline __m256i tree_node##d(const bitsliced_tree *tree, uint32_t i) {      \
        __m256i low = tree_node##below(tree, 2 * i), high = tree_node##below(tree, 2 * i + 1);   \
        return _mm256_xor_si256(low, _mm256_and_si256(_mm256_xor_si256(low, high), tree->x[d - 1])); \
    }
TREE_NODE(4, 3)
TREE_NODE(5, 4)
TREE_NODE(6, 5)
TREE_NODE(7, 6)
TREE_NODE(8, 7)

AVX2_TARGET
static void evaluate_bitsliced(const uint64_t *restrict bits, size_t words_per_row,
                           const uint32_t *restrict inputs, uint32_t k,
                           const uint64_t *restrict table, size_t example_count,
                           uint64_t *restrict out) {
    bitsliced_tree tree __attribute__((aligned(32)));
    uint32_t pairs = k <= 2 ? 1 : 1u << (k - 3);
    uint32_t code0 = k == 1 ? (uint32_t)(table[0] & 3) : (uint32_t)(table[0] & 15);
    for (uint32_t i = 0; i < pairs && k >= 3; i++) {
        uint32_t a = (uint32_t)(table[i / 8] >> (8 * (i % 8))) & 15, b = (uint32_t)(table[i / 8] >> (8 * (i % 8) + 4)) & 15;
        tree.low[i] = a * 32;
        tree.change[i] = (a ^ b) * 32;
    }
    const __m256i ones = _mm256_set1_epi64x(-1);
    size_t words = (example_count + 63) / 64;
    for (size_t first = 0; first < words; first += 4) {
        size_t n = words - first < 4 ? words - first : 4;
        for (uint32_t j = 0; j < k; j++) {
            const uint64_t *row = bits + (size_t)inputs[j] * words_per_row + first;
            if (n == 4) tree.x[j] = _mm256_loadu_si256((const __m256i *)(const void *)row);
            else {
                uint64_t padded[4] = {0};
                memcpy(padded, row, n * sizeof(uint64_t));
                tree.x[j] = _mm256_loadu_si256((const __m256i *)(const void *)padded);
            }
        }
        __m256i a = tree.x[0], c = k == 1 ? _mm256_setzero_si256() : tree.x[1];
        __m256i na = _mm256_xor_si256(a, ones), nc = _mm256_xor_si256(c, ones);
        tree.f[0] = _mm256_setzero_si256();         tree.f[1] = _mm256_andnot_si256(_mm256_or_si256(a, c), ones);
        tree.f[2] = _mm256_andnot_si256(c, a);      tree.f[3] = nc;
        tree.f[4] = _mm256_andnot_si256(a, c);      tree.f[5] = na;
        tree.f[6] = _mm256_xor_si256(a, c);         tree.f[7] = _mm256_andnot_si256(_mm256_and_si256(a, c), ones);
        tree.f[8] = _mm256_and_si256(a, c);         tree.f[9] = _mm256_xor_si256(tree.f[6], ones);
        tree.f[10] = a;                             tree.f[11] = _mm256_or_si256(a, nc);
        tree.f[12] = c;                             tree.f[13] = _mm256_or_si256(na, c);
        tree.f[14] = _mm256_or_si256(a, c);         tree.f[15] = ones;
        __m256i result;
        switch (k) {
        case 1: case 2: result = tree.f[code0]; break;
        case 3: result = tree_node3(&tree, 0); break;
        case 4: result = tree_node4(&tree, 0); break;
        case 5: result = tree_node5(&tree, 0); break;
        case 6: result = tree_node6(&tree, 0); break;
        case 7: result = tree_node7(&tree, 0); break;
        case 8: result = tree_node8(&tree, 0); break;
        default: {
            // One 8-input tree per 256-bit part of the table, the parts joined over inputs 8..k-1.
            __m256i part[1u << (LUTNET_AVX2_BITSLICED_MAX_K - 8)];
            uint32_t parts = 1u << (k - 8);
            for (uint32_t s = 0; s < parts; s++) part[s] = tree_node8(&tree, s);
            for (uint32_t j = 8; j < k; j++) {
                parts /= 2;
                for (uint32_t s = 0; s < parts; s++)
                    part[s] = _mm256_xor_si256(part[2 * s], _mm256_and_si256(_mm256_xor_si256(part[2 * s], part[2 * s + 1]), tree.x[j]));
            }
            result = part[0];
            break;
        }
        }
        uint64_t words_out[4] __attribute__((aligned(32)));
        _mm256_store_si256((__m256i *)(void *)words_out, result);
        size_t tail = example_count % 64;
        if (first + n == words && tail != 0) words_out[n - 1] &= ((uint64_t)1 << tail) - 1;
        for (size_t b = 0; b < n; b++) out[first + b] = words_out[b];
    }
}

AVX2_TARGET
void lutnet_evaluate_lut_avx2(const uint64_t *restrict bits, size_t words_per_row,
                              const uint32_t *restrict inputs, uint32_t k,
                              const uint64_t *restrict table, size_t example_count,
                              uint64_t *restrict out) {
    if (k <= LUTNET_AVX2_BITSLICED_MAX_K) {
        evaluate_bitsliced(bits, words_per_row, inputs, k, table, example_count, out);
        return;
    }
    // Larger tables: 16-bit patterns, each looked up in the table.
    size_t words = (example_count + 63) / 64;
    uint64_t tail_valid = lutnet_tail_mask(example_count);
    uint16_t pattern[64] __attribute__((aligned(32)));
    for (size_t word = 0; word < words; word++) {
        __m256i low, high, top_low, top_high;
        byte_patterns(bits, words_per_row, inputs, 0, 8, word, ~(uint64_t)0, &low, &high);
        byte_patterns(bits, words_per_row, inputs, 8, k, word, ~(uint64_t)0, &top_low, &top_high);
        // Patterns in example order: unpack, then undo the lane interleave with a 128-bit permute.
        __m256i a = _mm256_unpacklo_epi8(low, top_low), b = _mm256_unpackhi_epi8(low, top_low);
        __m256i c = _mm256_unpacklo_epi8(high, top_high), d = _mm256_unpackhi_epi8(high, top_high);
        _mm256_store_si256((__m256i *)(void *)pattern, _mm256_permute2x128_si256(a, b, 0x20));
        _mm256_store_si256((__m256i *)(void *)(pattern + 16), _mm256_permute2x128_si256(a, b, 0x31));
        _mm256_store_si256((__m256i *)(void *)(pattern + 32), _mm256_permute2x128_si256(c, d, 0x20));
        _mm256_store_si256((__m256i *)(void *)(pattern + 48), _mm256_permute2x128_si256(c, d, 0x31));
        uint64_t result = 0;
        for (unsigned e = 0; e < 64; e++) result |= ((table[pattern[e] >> 6] >> (pattern[e] & 63)) & 1) << e;
        out[word] = result & (word + 1 == words ? tail_valid : ~(uint64_t)0);
    }
}

AVX2_TARGET
uint64_t lutnet_popcount_avx2(const uint64_t *restrict row, size_t bit_count) {
    return lutnet_popcount_loop(row, bit_count);
}

AVX2_TARGET
uint64_t lutnet_count_agreements_avx2(const uint64_t *restrict a, const uint64_t *restrict b,
                                      size_t bit_count) {
    return lutnet_count_agreements_loop(a, b, bit_count);
}

#else

void lutnet_count_patterns_avx2(const uint64_t *restrict bits, size_t words_per_row,
                                const uint32_t *restrict inputs, uint32_t k,
                                const uint64_t *restrict labels, size_t example_count,
                                uint32_t *restrict counts, uint8_t *restrict patterns) {
    (void)bits; (void)words_per_row; (void)inputs; (void)k; (void)labels; (void)example_count; (void)counts;
    (void)patterns;
}

void lutnet_evaluate_patterns_avx2(const uint8_t *restrict patterns, uint32_t k,
                                   const uint64_t *restrict table, size_t example_count,
                                   uint64_t *restrict out) {
    (void)patterns; (void)k; (void)table; (void)example_count; (void)out;
}

void lutnet_evaluate_lut_avx2(const uint64_t *restrict bits, size_t words_per_row,
                              const uint32_t *restrict inputs, uint32_t k,
                              const uint64_t *restrict table, size_t example_count,
                              uint64_t *restrict out) {
    (void)bits; (void)words_per_row; (void)inputs; (void)k; (void)table; (void)example_count; (void)out;
}

uint64_t lutnet_popcount_avx2(const uint64_t *restrict row, size_t bit_count) {
    (void)row; (void)bit_count;
    return 0;
}

uint64_t lutnet_count_agreements_avx2(const uint64_t *restrict a, const uint64_t *restrict b,
                                      size_t bit_count) {
    (void)a; (void)b; (void)bit_count;
    return 0;
}

#endif
