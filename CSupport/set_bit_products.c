// Gathers over the set bits of a binary matrix, in the portable and AVX2 variants: the
// same loops (set_bit_loops.h) compiled for each instruction set, so their sums are the same bits.
#include "set_bit_products.h"

#include "kernel_table.h"
#include "set_bit_loops.h"

void lutnet_set_bits_gather_portable(const uint64_t *restrict starts, const uint16_t *restrict indices,
                                     size_t row_count, const float *restrict table, size_t stride,
                                     float *restrict out) {
    lutnet_set_bits_gather_loop(starts, indices, row_count, table, stride, out);
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
__attribute__((target("avx2")))
#endif
void lutnet_set_bits_gather_avx2(const uint64_t *restrict starts, const uint16_t *restrict indices,
                                 size_t row_count, const float *restrict table, size_t stride,
                                 float *restrict out) {
    lutnet_set_bits_gather_loop(starts, indices, row_count, table, stride, out);
}

int lutnet_set_bits_gather_variant(lutnet_kernel_variant variant, const uint64_t *restrict starts,
                                   const uint16_t *restrict indices, size_t row_count,
                                   const float *restrict table, size_t stride, float *restrict out) {
    if (stride == 0 || stride % LUTNET_SET_BIT_LANES != 0) return -1;
    lutnet_kernel_table_for(variant)->set_bits_gather(starts, indices, row_count, table, stride, out);
    return 0;
}
