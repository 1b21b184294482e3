/// The kernel of one-vs-rest networks beyond the binary ones: the votes of a layer's LUTs per
/// example. (Their prior-balanced tables are `lutnet_majority_table` with the labels' totals.)
#ifndef LUTNET_ONE_VS_REST_H
#define LUTNET_ONE_VS_REST_H

#include <stddef.h>
#include <stdint.h>

#include "kernel_variants.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Adds to `votes[e]`, for every example e < example_count, the number of the `row_count` bit rows
/// (each `words_per_row` words, row after row in `rows`) whose bit e is 1. `votes` (example_count
/// entries, caller-owned) is added to, not overwritten.
void lutnet_add_votes(const uint64_t *restrict rows, size_t row_count, size_t words_per_row,
                      size_t example_count, uint32_t *restrict votes);

#ifdef __cplusplus
}
#endif

#endif
