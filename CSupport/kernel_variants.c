// Choice of the kernels' instruction-set variant.
#include "kernel_variants.h"

#include "avx512_kernels.h"

lutnet_kernel_variant lutnet_best_kernel_variant(void) {
    return lutnet_avx512_supported() ? LUTNET_KERNEL_AVX512 : LUTNET_KERNEL_PORTABLE;
}
