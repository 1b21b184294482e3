// Address gathering over a whole bit matrix.
#include "address_gathering.h"

#include "address_block.h"
#include "bit_packing.h"

void lutnet_gather_addresses(const uint64_t *restrict bits, size_t words_per_row,
                             const uint32_t *restrict inputs, uint32_t k, size_t example_count,
                             uint16_t *restrict addresses) {
    uint16_t block[64];
    size_t words = lutnet_words_for_bits(example_count);
    for (size_t word = 0; word < words; word++) {
        lutnet_gather_block(bits, words_per_row, inputs, k, word, block);
        size_t valid = example_count - word * 64 < 64 ? example_count - word * 64 : 64;
        for (size_t e = 0; e < valid; e++) addresses[word * 64 + e] = block[e];
    }
}
