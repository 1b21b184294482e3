/// Input encodings: more bits per pixel than its bytes' thresholds, written as bytes (0 or 255 for
/// the added bits) that the usual binarization then packs.
///
/// An image is `pixel_count` pixels of `channels` bytes each, pixel-major (the IDX layout H×W×C).
/// Its encoding is `pixel_count` pixels of `lutnet_encoded_channels(channels, families)` bytes:
/// per pixel, in this order, the families that `families` names:
/// - LUTNET_ENCODE_THRESHOLD: the pixel's own bytes, unchanged (binarized at the threshold later);
/// - LUTNET_ENCODE_IMAGE_MEAN: per channel, 255 when the byte is above the mean of all the image's
///   bytes (every pixel and channel), else 0;
/// - LUTNET_ENCODE_OPPONENTS (3 channels only): 255 or 0 for red > green, blue > red and
///   green > blue, the three colour opponents;
/// - LUTNET_ENCODE_THERMOMETER: per channel, `levels` bytes, level i (1-based) 255 when the byte is
///   >= lutnet_thermometer_step(i, levels) = floor(256 i / (levels + 1)), else 0: the byte read at
///   `levels` evenly spaced thresholds (1 level: at 128).
/// All buffers are owned by the caller.
#ifndef LUTNET_INPUT_ENCODING_H
#define LUTNET_INPUT_ENCODING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The pixel's own bytes.
#define LUTNET_ENCODE_THRESHOLD 1u
/// Bytes above the image's mean byte.
#define LUTNET_ENCODE_IMAGE_MEAN 2u
/// The three colour opponents of an RGB pixel.
#define LUTNET_ENCODE_OPPONENTS 4u
/// The pixel's bytes at evenly spaced thresholds.
#define LUTNET_ENCODE_THERMOMETER 8u
/// The most thermometer levels an encoding takes.
#define LUTNET_MAX_THERMOMETER_LEVELS 64u

/// The threshold of thermometer level `level` (1...`levels`) of `levels`: floor(256 level / (levels + 1)).
static inline uint32_t lutnet_thermometer_step(uint32_t level, uint32_t levels) {
    return 256u * level / (levels + 1u);
}

/// Bytes per encoded pixel of `channels` bytes under `families` (a set of LUTNET_ENCODE_* bits):
/// `channels` for each of the threshold and image-mean families, 3 for the opponents, `channels`
/// × `levels` for the thermometer (`levels` is read only with LUTNET_ENCODE_THERMOMETER).
static inline uint32_t lutnet_encoded_channels(uint32_t channels, uint32_t families, uint32_t levels) {
    return ((families & LUTNET_ENCODE_THRESHOLD) ? channels : 0) + ((families & LUTNET_ENCODE_IMAGE_MEAN) ? channels : 0)
        + ((families & LUTNET_ENCODE_OPPONENTS) ? 3u : 0) + ((families & LUTNET_ENCODE_THERMOMETER) ? channels * levels : 0);
}

/// Encodes `image_count` images of `pixel_count` pixels of `channels` bytes (`pixels`, image after
/// image) into `out`, which holds `image_count * pixel_count * lutnet_encoded_channels(channels,
/// families, levels)` bytes. `families` names at least one family; LUTNET_ENCODE_OPPONENTS needs
/// `channels` == 3, LUTNET_ENCODE_THERMOMETER 1 to LUTNET_MAX_THERMOMETER_LEVELS `levels`, and
/// `pixel_count * channels` is below 2^24 (the image-mean sum fits 32 bits). With thermometer
/// `levels` out of range it writes nothing.
void lutnet_encode_images(const uint8_t *restrict pixels, size_t image_count, size_t pixel_count,
                          uint32_t channels, uint32_t families, uint32_t levels, uint8_t *restrict out);

#ifdef __cplusplus
}
#endif

#endif
