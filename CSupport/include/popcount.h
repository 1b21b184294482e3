/// Population counts over bit rows.
#ifndef LUTNET_POPCOUNT_H
#define LUTNET_POPCOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "kernel_variants.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Number of set bits among the first `bit_count` bits of `row`, counted by `variant` (a variant
/// the processor lacks runs the portable loop: the same answer).
uint64_t lutnet_popcount_variant(lutnet_kernel_variant variant, const uint64_t *restrict row,
                                 size_t bit_count);

/// Number of positions i < bit_count where bit i of `a` equals bit i of `b`, counted by
/// `variant`, with the same fallback.
uint64_t lutnet_count_agreements_variant(lutnet_kernel_variant variant, const uint64_t *restrict a,
                                         const uint64_t *restrict b, size_t bit_count);

#ifdef __cplusplus
}
#endif

#endif
