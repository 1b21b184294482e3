/// Input encodings: more bits per pixel than its bytes' thresholds, written as bytes (0 or 255 for
/// the added bits) that the usual binarization then packs.
///
/// An image is `height` × `width` pixels of `channels` bytes each, row after row, pixel-major (the
/// IDX layout H×W×C). With LUTNET_ENCODE_DESKEW the image is first deskewed (as described
/// below) and every family reads the deskewed bytes. Its encoding is `height * width` pixels of
/// `lutnet_encoded_channels(channels, families, levels)` bytes: per pixel, in this order, the
/// families that `families` names:
/// - LUTNET_ENCODE_THRESHOLD: the pixel's own bytes, unchanged (binarized at the threshold later);
/// - LUTNET_ENCODE_IMAGE_MEAN: per channel, 255 when the byte is above the mean of all the image's
///   bytes (every pixel and channel), else 0;
/// - LUTNET_ENCODE_OPPONENTS (3 channels only): 255 or 0 for red > green, blue > red and
///   green > blue, the three colour opponents;
/// - LUTNET_ENCODE_THERMOMETER: per channel, `levels` bytes, level i (1-based) 255 when the byte is
///   >= lutnet_thermometer_step(i, levels) = floor(256 i / (levels + 1)), else 0: the byte read at
///   `levels` evenly spaced thresholds (1 level: at 128);
/// - LUTNET_ENCODE_NEIGHBOURS: per channel, 8 bytes, one per neighbour in the order (dy, dx) =
///   (-1,-1), (-1,0), (-1,1), (0,-1), (0,1), (1,-1), (1,0), (1,1): 255 when the neighbour's byte of
///   that channel is above the pixel's own byte + `margin` (compared as integers), else 0; a
///   neighbour outside the image reads as the pixel itself (0).
/// All buffers are owned by the caller.
///
/// LUTNET_ENCODE_DESKEW deskews each image before the families read it, in integers only, so that
/// every machine writes the same bytes. The standard moment deskew (scipy.ndimage.affine_transform,
/// order 1, constant 0 outside), the same for every channel:
/// - each pixel weighs v(y, x), the sum of its channels' bytes; m = Σv, Sy = Σv·y, Sx = Σv·x,
///   Syy = Σv·y², Sxy = Σv·x·y, exact (__int128: with fewer than 2^24 bytes, m < 2^32 and every
///   product below stays under 2^114);
/// - the slant alpha = (m·Sxy − Sx·Sy) / (m·Syy − Sy²) and the centre of mass cy = Sy/m,
///   cx = Sx/m in Q16 fixed point, rounded to nearest (ties upward); alpha is 0 when the
///   denominator is 0 (all the weight on one row), the image still centred; |alpha| is capped
///   at 4·(width + 1), where every row off the centre already samples outside the image, so the
///   cap changes no byte and keeps the positions within int64;
/// - output pixel (y, x) samples the source at ys = y + cy − (height − 1)/2 and
///   xs = x + alpha·(y − (height − 1)/2) + cx − (width − 1)/2 (Q16; the slant term rounded to
///   nearest, ties upward), bilinearly between the 4 source pixels around it, those outside the
///   image reading 0, rounded to nearest (ties upward) and clamped to 0...255.
/// An image of weight 0 is read unchanged.
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
/// Each byte against the same byte of the pixel's 8 neighbours.
#define LUTNET_ENCODE_NEIGHBOURS 16u
/// Not a family of bits: the image deskewed before every family reads it.
#define LUTNET_ENCODE_DESKEW 32u
/// The largest neighbour margin.
#define LUTNET_MAX_NEIGHBOUR_MARGIN 255u
/// The most thermometer levels an encoding takes.
#define LUTNET_MAX_THERMOMETER_LEVELS 64u

/// The threshold of thermometer level `level` (1...`levels`) of `levels`: floor(256 level / (levels + 1)).
static inline uint32_t lutnet_thermometer_step(uint32_t level, uint32_t levels) {
    return 256u * level / (levels + 1u);
}

/// Bytes per encoded pixel of `channels` bytes under `families` (a set of LUTNET_ENCODE_* bits):
/// `channels` for each of the threshold and image-mean families, 3 for the opponents, `channels`
/// × `levels` for the thermometer (`levels` is read only with LUTNET_ENCODE_THERMOMETER), 8 ×
/// `channels` for the neighbours; LUTNET_ENCODE_DESKEW adds none.
static inline uint32_t lutnet_encoded_channels(uint32_t channels, uint32_t families, uint32_t levels) {
    return ((families & LUTNET_ENCODE_THRESHOLD) ? channels : 0) + ((families & LUTNET_ENCODE_IMAGE_MEAN) ? channels : 0)
        + ((families & LUTNET_ENCODE_OPPONENTS) ? 3u : 0) + ((families & LUTNET_ENCODE_THERMOMETER) ? channels * levels : 0)
        + ((families & LUTNET_ENCODE_NEIGHBOURS) ? 8u * channels : 0);
}

/// What an encoding reads of each image: its shape, the families (a set of LUTNET_ENCODE_* bits)
/// and their parameters.
typedef struct lutnet_encoding {
    /// Rows of pixels (1 for images without a known shape, which then cannot be deskewed or read
    /// against their neighbours meaningfully; callers refuse those families for them).
    uint32_t height;
    /// Pixels per row.
    uint32_t width;
    /// Bytes per pixel.
    uint32_t channels;
    /// The families, LUTNET_ENCODE_* bits; at least one besides LUTNET_ENCODE_DESKEW.
    uint32_t families;
    /// The thermometer's levels (read only with LUTNET_ENCODE_THERMOMETER).
    uint32_t levels;
    /// The neighbours' margin, 0 to LUTNET_MAX_NEIGHBOUR_MARGIN (read only with LUTNET_ENCODE_NEIGHBOURS).
    uint32_t margin;
} lutnet_encoding;

/// Encodes `image_count` images of `encoding` (`pixels`, image after image, `height * width *
/// channels` bytes each) into `out`, which holds `image_count * height * width *
/// lutnet_encoded_channels(channels, families, levels)` bytes. With LUTNET_ENCODE_DESKEW,
/// `scratch` holds one image's bytes (else it may be NULL). `families` names at least one family;
/// LUTNET_ENCODE_OPPONENTS needs `channels` == 3, LUTNET_ENCODE_THERMOMETER 1 to
/// LUTNET_MAX_THERMOMETER_LEVELS `levels`, and an image is below 2^24 bytes (the image-mean sum
/// fits 32 bits). With thermometer `levels` or the neighbours' `margin` out of range, or deskew
/// without `scratch`, it writes nothing.
void lutnet_encode_images(const uint8_t *restrict pixels, size_t image_count, const lutnet_encoding *encoding,
                          uint8_t *restrict scratch, uint8_t *restrict out);

#ifdef __cplusplus
}
#endif

#endif
