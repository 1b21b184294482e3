// Evaluation of one LUT over a bit matrix.
#include "lut_evaluation.h"

#include "address_block.h"
#include "bit_packing.h"
#include "bitsliced_lut.h"
#include "kernel_table.h"

/// Larger tables: each example's pattern looked up in the table.
static void evaluate_by_lookup(const uint64_t *restrict bits, size_t words_per_row,
                               const uint32_t *restrict inputs, uint32_t k,
                               const uint64_t *restrict table, size_t example_count,
                               uint64_t *restrict out) {
    uint16_t block[64];
    size_t words = lutnet_words_for_bits(example_count);
    for (size_t word = 0; word < words; word++) {
        lutnet_gather_block(bits, words_per_row, inputs, k, word, block);
        uint64_t result = 0;
        for (unsigned e = 0; e < 64; e++) {
            uint32_t address = block[e];
            result |= ((table[address >> 6] >> (address & 63)) & 1) << e;
        }
        size_t valid = example_count - word * 64;
        if (valid < 64) result &= ((uint64_t)1 << valid) - 1;
        out[word] = result;
    }
}

void lutnet_evaluate_lut_portable(const uint64_t *restrict bits, size_t words_per_row,
                                  const uint32_t *restrict inputs, uint32_t k,
                                  const uint64_t *restrict table, size_t example_count,
                                  uint64_t *restrict out) {
    // One inlined copy per k, so that the compiler sees the tree's shape and unrolls it.
    _Static_assert(LUTNET_BITSLICED_MAX_K == 8, "one case per k up to LUTNET_BITSLICED_MAX_K");
    switch (k) {
#define EVALUATE_BITSLICED(K) \
    case K: lutnet_bitsliced_evaluate(bits, words_per_row, inputs, K, table, example_count, out); break;
    EVALUATE_BITSLICED(1) EVALUATE_BITSLICED(2) EVALUATE_BITSLICED(3) EVALUATE_BITSLICED(4)
    EVALUATE_BITSLICED(5) EVALUATE_BITSLICED(6) EVALUATE_BITSLICED(7) EVALUATE_BITSLICED(8)
#undef EVALUATE_BITSLICED
    default: evaluate_by_lookup(bits, words_per_row, inputs, k, table, example_count, out); break;
    }
}

void lutnet_evaluate_lut_variant(lutnet_kernel_variant variant, const uint64_t *restrict bits,
                                 size_t words_per_row, const uint32_t *restrict inputs, uint32_t k,
                                 const uint64_t *restrict table, size_t example_count,
                                 uint64_t *restrict out) {
    const lutnet_kernel_table *kernels = lutnet_kernel_table_for(variant);
    while (k > kernels->evaluate_max_k) kernels = kernels->fallback;
    kernels->evaluate_lut(bits, words_per_row, inputs, k, table, example_count, out);
}

void lutnet_evaluate_lut(const uint64_t *restrict bits, size_t words_per_row,
                         const uint32_t *restrict inputs, uint32_t k,
                         const uint64_t *restrict table, size_t example_count,
                         uint64_t *restrict out) {
    lutnet_evaluate_lut_variant(lutnet_best_kernel_variant(), bits, words_per_row, inputs, k, table,
                                example_count, out);
}
