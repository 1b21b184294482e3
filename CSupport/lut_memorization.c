// Memorization of one LUT: counting, majority table and evaluation, in the order that lets a
// variant reuse the patterns it gathered while counting.
#include "lut_memorization.h"

#include "kernel_table.h"
#include "lut_evaluation.h"
#include "pattern_counting.h"

uint32_t lutnet_memorize_lut_variant(lutnet_kernel_variant variant, const uint64_t *restrict bits,
                                     size_t words_per_row, const uint32_t *restrict inputs, uint32_t k,
                                     const uint64_t *restrict labels, size_t example_count,
                                     uint64_t n0, uint64_t n1, const uint64_t *restrict tie_bits,
                                     uint32_t *restrict counts, uint8_t *restrict patterns,
                                     uint64_t *restrict table, uint64_t *restrict out) {
    const lutnet_kernel_table *kernels = lutnet_kernel_table_for(variant);
    if (kernels->count_keeping_patterns != NULL && k <= 8) {
        // The pattern bytes built for counting are looked up again for evaluation.
        kernels->count_keeping_patterns(bits, words_per_row, inputs, k, labels, example_count, counts, patterns);
        uint32_t ties = lutnet_majority_table(counts, k, n0, n1, tie_bits, table);
        kernels->evaluate_patterns(patterns, k, table, example_count, out);
        return ties;
    }
    lutnet_count_patterns_variant(variant, bits, words_per_row, inputs, k, labels, example_count, counts);
    uint32_t ties = lutnet_majority_table(counts, k, n0, n1, tie_bits, table);
    lutnet_evaluate_lut_variant(variant, bits, words_per_row, inputs, k, table, example_count, out);
    return ties;
}
