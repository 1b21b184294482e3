// The processor's features and the choice of the kernels' instruction-set variant.
#include "kernel_variants.h"

uint32_t lutnet_cpu_features(void) {
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
    // The compiler runtime fills in the feature words once, at start-up; this call only reads them.
    __builtin_cpu_init();
    uint32_t features = 0;
    if (__builtin_cpu_supports("popcnt")) features |= LUTNET_CPU_POPCNT;
    if (__builtin_cpu_supports("avx2")) features |= LUTNET_CPU_AVX2;
    if (__builtin_cpu_supports("avx512f")) features |= LUTNET_CPU_AVX512F;
    if (__builtin_cpu_supports("avx512bw")) features |= LUTNET_CPU_AVX512BW;
    if (__builtin_cpu_supports("avx512vbmi")) features |= LUTNET_CPU_AVX512VBMI;
    if (__builtin_cpu_supports("avx512bitalg")) features |= LUTNET_CPU_AVX512BITALG;
    return features;
#else
    return 0;
#endif
}

uint32_t lutnet_kernel_variant_requirements(lutnet_kernel_variant variant) {
    switch (variant) {
    case LUTNET_KERNEL_AVX2: return LUTNET_CPU_AVX2 | LUTNET_CPU_POPCNT;
    // The AVX-512 variant runs the AVX2 population counts.
    case LUTNET_KERNEL_AVX512:
        return LUTNET_CPU_AVX2 | LUTNET_CPU_POPCNT | LUTNET_CPU_AVX512F | LUTNET_CPU_AVX512BW |
               LUTNET_CPU_AVX512VBMI | LUTNET_CPU_AVX512BITALG;
    case LUTNET_KERNEL_PORTABLE: return 0;
    }
    return 0;
}

int lutnet_kernel_variant_supported(lutnet_kernel_variant variant) {
    uint32_t needed = lutnet_kernel_variant_requirements(variant);
    return (lutnet_cpu_features() & needed) == needed;
}

lutnet_kernel_variant lutnet_best_kernel_variant(void) {
    if (lutnet_kernel_variant_supported(LUTNET_KERNEL_AVX512)) return LUTNET_KERNEL_AVX512;
    if (lutnet_kernel_variant_supported(LUTNET_KERNEL_AVX2)) return LUTNET_KERNEL_AVX2;
    return LUTNET_KERNEL_PORTABLE;
}
