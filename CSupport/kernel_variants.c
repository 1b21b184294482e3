// The processor's features and the choice of the kernels' instruction-set variant.
#include "kernel_variants.h"

#include "address_gathering.h"
#include "avx2_kernels.h"
#include "avx512_kernels.h"
#include "kernel_table.h"

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

/// The AVX2 counting kernel without the pattern bytes.
static void count_patterns_avx2(const uint64_t *restrict bits, size_t words_per_row,
                                const uint32_t *restrict inputs, uint32_t k,
                                const uint64_t *restrict labels, size_t example_count,
                                uint32_t *restrict counts) {
    lutnet_count_patterns_avx2(bits, words_per_row, inputs, k, labels, example_count, counts, NULL);
}

static const lutnet_kernel_table portable_table = {
    .count_patterns = lutnet_count_patterns_portable,
    .count_max_k = LUTNET_MAX_K,
    .count_keeping_patterns = NULL,
    .evaluate_patterns = NULL,
    .evaluate_lut = lutnet_evaluate_lut_portable,
    .evaluate_max_k = LUTNET_MAX_K,
    .popcount = lutnet_popcount_portable,
    .count_agreements = lutnet_count_agreements_portable,
    .set_bits_gather = lutnet_set_bits_gather_portable,
    .fallback = NULL,
};

static const lutnet_kernel_table avx2_table = {
    .count_patterns = count_patterns_avx2,
    .count_max_k = LUTNET_MAX_K,
    .count_keeping_patterns = lutnet_count_patterns_avx2,
    .evaluate_patterns = lutnet_evaluate_patterns_avx2,
    .evaluate_lut = lutnet_evaluate_lut_avx2,
    .evaluate_max_k = LUTNET_MAX_K,
    .popcount = lutnet_popcount_avx2,
    .count_agreements = lutnet_count_agreements_avx2,
    .set_bits_gather = lutnet_set_bits_gather_avx2,
    .fallback = NULL,
};

// The AVX-512 variant counts and evaluates with its own loops up to their k limits (beyond them
// the portable ones, as before), and runs the AVX2 population counts and set-bit gathers.
static const lutnet_kernel_table avx512_table = {
    .count_patterns = lutnet_count_patterns_avx512,
    .count_max_k = LUTNET_AVX512_COUNT_MAX_K,
    .count_keeping_patterns = NULL,
    .evaluate_patterns = NULL,
    .evaluate_lut = lutnet_evaluate_lut_avx512,
    .evaluate_max_k = LUTNET_AVX512_EVALUATE_MAX_K,
    .popcount = lutnet_popcount_avx2,
    .count_agreements = lutnet_count_agreements_avx2,
    .set_bits_gather = lutnet_set_bits_gather_avx2,
    .fallback = &portable_table,
};

const lutnet_kernel_table *lutnet_kernel_table_for(lutnet_kernel_variant variant) {
    if (!lutnet_kernel_variant_supported(variant)) return &portable_table;
    switch (variant) {
    case LUTNET_KERNEL_AVX2: return &avx2_table;
    case LUTNET_KERNEL_AVX512: return &avx512_table;
    case LUTNET_KERNEL_PORTABLE: return &portable_table;
    }
    return &portable_table;
}
