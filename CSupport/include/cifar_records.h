/// CIFAR-10 binary records: conversion from the archive's planar layout to interleaved pixels.
///
/// A record is 1 label byte then 3,072 pixel bytes: the 1,024 red values of a 32×32 image, row by row,
/// then the 1,024 green, then the 1,024 blue. LUTNet stores color images interleaved (height, width,
/// channel), as IDX files of shape N×32×32×3 do. All buffers are owned by the caller.
#ifndef LUTNET_CIFAR_RECORDS_H
#define LUTNET_CIFAR_RECORDS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Height and width of a CIFAR-10 image.
#define LUTNET_CIFAR_SIDE 32
/// Color channels (red, green, blue).
#define LUTNET_CIFAR_CHANNELS 3
/// Pixel bytes of one image: 32 × 32 × 3.
#define LUTNET_CIFAR_IMAGE_BYTES 3072
/// Bytes of one record: the label byte and the pixels.
#define LUTNET_CIFAR_RECORD_BYTES 3073

/// Converts `count` consecutive records into labels and interleaved pixels:
/// `labels[i]` is record i's label and `pixels[i * 3072 + (y * 32 + x) * 3 + c]` is its value of
/// channel c at row y, column x. `records` holds count × 3,073 bytes, `pixels` count × 3,072 and
/// `labels` count. Every record is converted; the return value is the index of the first record
/// whose label exceeds `max_label`, or `count` if there is none.
size_t lutnet_cifar_decode_records(const uint8_t *restrict records, size_t count, uint8_t max_label,
                                   uint8_t *restrict pixels, uint8_t *restrict labels);

#ifdef __cplusplus
}
#endif

#endif
