// Population counts over bit rows, in the portable and AVX2 variants.
#include "popcount.h"

#include "avx2_kernels.h"
#include "kernel_variants.h"
#include "popcount_loops.h"

uint64_t lutnet_popcount_variant(lutnet_kernel_variant variant, const uint64_t *restrict row,
                                 size_t bit_count) {
    // The AVX-512 variant counts with the AVX2 loop.
    if (variant != LUTNET_KERNEL_PORTABLE && lutnet_kernel_variant_supported(variant))
        return lutnet_popcount_avx2(row, bit_count);
    return lutnet_popcount_loop(row, bit_count);
}

uint64_t lutnet_count_agreements_variant(lutnet_kernel_variant variant, const uint64_t *restrict a,
                                         const uint64_t *restrict b, size_t bit_count) {
    if (variant != LUTNET_KERNEL_PORTABLE && lutnet_kernel_variant_supported(variant))
        return lutnet_count_agreements_avx2(a, b, bit_count);
    return lutnet_count_agreements_loop(a, b, bit_count);
}
