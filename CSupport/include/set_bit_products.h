/// Products of a binary matrix with a small dense table, the binary matrix held as the indices of
/// its set bits: what a linear model over bit features computes in each pass over the examples, at
/// a cost proportional to the set bits rather than to every entry. Indexed by row (each row's set
/// columns), a gather gives the class scores X·W; indexed by column (each column's set rows), the
/// same gather gives the gradient Xᵀ·R.
///
/// Layout: output row i sums the table rows `indices[starts[i]] ..< indices[starts[i + 1]]` (the
/// caller's absolute offsets, so a part of the matrix is passed by offsetting `starts` alone). The
/// table and the output have rows of `stride` Floats, a multiple of `LUTNET_SET_BIT_LANES`. All
/// buffers are the caller's; nothing is kept.
///
/// Sums are Float additions in a fixed order (a row's indices two by two into two accumulators,
/// added at the end), the same on every kernel variant, so every variant gives bit-identical results.
#ifndef LUTNET_SET_BIT_PRODUCTS_H
#define LUTNET_SET_BIT_PRODUCTS_H

#include <stddef.h>
#include <stdint.h>

#include "kernel_variants.h"

#ifdef __cplusplus
extern "C" {
#endif

/// The multiple that every `stride` must be.
#define LUTNET_SET_BIT_LANES 16

/// For each output row i < row_count: out[i·stride + c] = Σ over t in starts[i] ..< starts[i + 1]
/// of table[indices[t]·stride + c], for every c < stride (an empty row gets zeros). `out` holds
/// row_count·stride Floats; `table` at least (largest index + 1)·stride.
/// Returns 0, or -1 (nothing written) when `stride` is 0 or not a multiple of LUTNET_SET_BIT_LANES.
int lutnet_set_bits_gather_variant(lutnet_kernel_variant variant, const uint64_t *restrict starts,
                                   const uint16_t *restrict indices, size_t row_count,
                                   const float *restrict table, size_t stride, float *restrict out);

#ifdef __cplusplus
}
#endif

#endif
