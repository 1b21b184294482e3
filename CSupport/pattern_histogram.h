// Private: the histogram that counting with k <= 8 fills, shared by the kernel variants.
#ifndef LUTNET_PATTERN_HISTOGRAM_H
#define LUTNET_PATTERN_HISTOGRAM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/// Counters of `pattern | label << 8` (k <= 8), split four ways: consecutive examples go to
/// different parts, so runs of one frequent pattern (an all-background patch) do not wait on one
/// counter's store; the parts are summed at the end.
typedef struct lutnet_split_histogram {
    uint32_t part[4][512];
} lutnet_split_histogram;

static inline void lutnet_split_histogram_clear(lutnet_split_histogram *histogram) {
    memset(histogram, 0, sizeof *histogram);
}

/// Counts 64 counter indices.
static inline void lutnet_split_histogram_add(lutnet_split_histogram *restrict histogram,
                                              const uint16_t index[64]) {
    for (unsigned e = 0; e < 64; e += 4) {
        histogram->part[0][index[e]]++;
        histogram->part[1][index[e + 1]]++;
        histogram->part[2][index[e + 2]]++;
        histogram->part[3][index[e + 3]]++;
    }
}

/// Writes counts[2p + label] for every pattern p < 2^k.
static inline void lutnet_split_histogram_fold(const lutnet_split_histogram *restrict histogram, uint32_t k,
                                               uint32_t *restrict counts) {
    for (size_t p = 0; p < ((size_t)1 << k); p++)
        for (unsigned label = 0; label < 2; label++) {
            size_t i = p | (size_t)label << 8;
            counts[2 * p + label] = histogram->part[0][i] + histogram->part[1][i] + histogram->part[2][i] +
                                    histogram->part[3][i];
        }
}

#endif
