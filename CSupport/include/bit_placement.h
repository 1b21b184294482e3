/// Placing a run of bits of one bit-matrix row at any bit offset of another row.
///
/// Rows are arrays of 64-bit words, bit i at bit (i % 64) of word i / 64, as in bit_packing.h.
/// All buffers are owned by the caller.
#ifndef LUTNET_BIT_PLACEMENT_H
#define LUTNET_BIT_PLACEMENT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ORs bits 0 ..< `bit_count` of `source` into bits `first_bit` ..< `first_bit + bit_count` of
/// `destination`. `source` holds lutnet_words_for_bits(bit_count) words whose bits past
/// `bit_count` are zero; `destination` holds at least (first_bit + bit_count + 63) / 64 words. No
/// destination bit outside the range changes; into zero bits this is a copy. Whole words are
/// copied when `first_bit` is a multiple of 64, otherwise each source word is split over two.
void lutnet_place_bits(const uint64_t *restrict source, size_t bit_count, uint64_t *restrict destination,
                       size_t first_bit);

#ifdef __cplusplus
}
#endif

#endif
