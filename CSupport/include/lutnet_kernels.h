/// Umbrella header of LUTNet's C kernels: IDX decoding and the hot bit loops.
#ifndef LUTNET_KERNELS_H
#define LUTNET_KERNELS_H

#include "idx_reader.h"
#include "bit_packing.h"
#include "address_gathering.h"
#include "pattern_counting.h"
#include "lut_evaluation.h"
#include "popcount.h"
#include "kernel_variants.h"

#endif
