/// Umbrella header of LUTNet's C kernels: dataset decoding (IDX, tar, CIFAR-10 records, whole files)
/// and the hot bit loops.
#ifndef LUTNET_KERNELS_H
#define LUTNET_KERNELS_H

#include "read_status.h"
#include "idx_reader.h"
#include "idx_bit_stream.h"
#include "tar_reader.h"
#include "cifar_records.h"
#include "file_contents.h"
#include "bit_packing.h"
#include "bit_placement.h"
#include "input_encoding.h"
#include "address_gathering.h"
#include "pattern_counting.h"
#include "lut_evaluation.h"
#include "popcount.h"
#include "kernel_variants.h"
#include "lut_memorization.h"
#include "one_vs_rest.h"
#include "set_bit_products.h"

#endif
