// Placing a row's bits at a bit offset of another row (copies of examples, e.g. augmented images).
#include "bit_placement.h"

#include "bit_packing.h"

void lutnet_place_bits(const uint64_t *restrict source, size_t bit_count, uint64_t *restrict destination,
                       size_t first_bit) {
    size_t words = lutnet_words_for_bits(bit_count);
    uint64_t *restrict out = destination + first_bit / 64;
    unsigned offset = (unsigned)(first_bit % 64);
    if (offset == 0) {
        for (size_t w = 0; w < words; w++) out[w] |= source[w];
        return;
    }
    // The source's bits past bit_count are zero, so the high part of its last word spills only
    // zeros; the word past the range is written only when a bit of the range lies in it.
    size_t last = (first_bit + bit_count + 63) / 64 - first_bit / 64;
    for (size_t w = 0; w < words; w++) {
        out[w] |= source[w] << offset;
        if (w + 1 < last) out[w + 1] |= source[w] >> (64 - offset);
    }
}
