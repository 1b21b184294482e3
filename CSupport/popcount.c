// Population counts over bit rows: the portable loops and the entry points that run a variant's.
#include "popcount.h"

#include "kernel_table.h"
#include "popcount_loops.h"

uint64_t lutnet_popcount_portable(const uint64_t *restrict row, size_t bit_count) {
    return lutnet_popcount_loop(row, bit_count);
}

uint64_t lutnet_count_agreements_portable(const uint64_t *restrict a, const uint64_t *restrict b,
                                          size_t bit_count) {
    return lutnet_count_agreements_loop(a, b, bit_count);
}

uint64_t lutnet_popcount_variant(lutnet_kernel_variant variant, const uint64_t *restrict row,
                                 size_t bit_count) {
    return lutnet_kernel_table_for(variant)->popcount(row, bit_count);
}

uint64_t lutnet_count_agreements_variant(lutnet_kernel_variant variant, const uint64_t *restrict a,
                                         const uint64_t *restrict b, size_t bit_count) {
    return lutnet_kernel_table_for(variant)->count_agreements(a, b, bit_count);
}
