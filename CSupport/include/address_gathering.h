/// Address gathering: the k-bit input pattern that each example shows to one LUT.
#ifndef LUTNET_ADDRESS_GATHERING_H
#define LUTNET_ADDRESS_GATHERING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The largest number of inputs a LUT may have.
#define LUTNET_MAX_K 16

/// Writes, for every example e < example_count, the pattern
/// `addresses[e] = sum over j < k of bit(inputs[j], e) << j` of the feature-major bit matrix `bits`
/// (see bit_packing.h). Requires 1 <= k <= LUTNET_MAX_K; `addresses` holds example_count entries.
void lutnet_gather_addresses(const uint64_t *restrict bits, size_t words_per_row,
                             const uint32_t *restrict inputs, uint32_t k, size_t example_count,
                             uint16_t *restrict addresses);

#ifdef __cplusplus
}
#endif

#endif
