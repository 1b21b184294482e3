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
///   green > blue, the three colour opponents.
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

/// Bytes per encoded pixel of `channels` bytes under `families` (a set of LUTNET_ENCODE_* bits):
/// `channels` for each of the threshold and image-mean families, 3 for the opponents.
static inline uint32_t lutnet_encoded_channels(uint32_t channels, uint32_t families) {
    return ((families & LUTNET_ENCODE_THRESHOLD) ? channels : 0) + ((families & LUTNET_ENCODE_IMAGE_MEAN) ? channels : 0)
        + ((families & LUTNET_ENCODE_OPPONENTS) ? 3u : 0);
}

/// Encodes `image_count` images of `pixel_count` pixels of `channels` bytes (`pixels`, image after
/// image) into `out`, which holds `image_count * pixel_count * lutnet_encoded_channels(channels,
/// families)` bytes. `families` names at least one family; LUTNET_ENCODE_OPPONENTS needs
/// `channels` == 3, and `pixel_count * channels` is below 2^24 (the image-mean sum fits 32 bits).
void lutnet_encode_images(const uint8_t *restrict pixels, size_t image_count, size_t pixel_count,
                          uint32_t channels, uint32_t families, uint8_t *restrict out);

#ifdef __cplusplus
}
#endif

#endif
