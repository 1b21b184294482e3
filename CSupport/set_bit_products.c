// Gathers over the set bits of a binary matrix, in the portable and AVX2 variants: the
// same loops (set_bit_loops.h) compiled for each instruction set, so their sums are the same bits.
#include "set_bit_products.h"

#include "set_bit_loops.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define LUTNET_HAS_AVX2_SET_BITS 1
__attribute__((target("avx2"))) static void gather_avx2(const uint64_t *restrict starts,
                                                        const uint16_t *restrict indices, size_t row_count,
                                                        const float *restrict table, size_t stride,
                                                        float *restrict out) {
    lutnet_set_bits_gather_loop(starts, indices, row_count, table, stride, out);
}
#endif

int lutnet_set_bits_gather_variant(lutnet_kernel_variant variant, const uint64_t *restrict starts,
                                   const uint16_t *restrict indices, size_t row_count,
                                   const float *restrict table, size_t stride, float *restrict out) {
    if (stride == 0 || stride % LUTNET_SET_BIT_LANES != 0) return -1;
#ifdef LUTNET_HAS_AVX2_SET_BITS
    // The AVX-512 variant has no loops of its own here: it runs the AVX2 ones.
    if (variant != LUTNET_KERNEL_PORTABLE && lutnet_kernel_variant_supported(variant)) {
        gather_avx2(starts, indices, row_count, table, stride, out);
        return 0;
    }
#else
    (void)variant;
#endif
    lutnet_set_bits_gather_loop(starts, indices, row_count, table, stride, out);
    return 0;
}
