// Input encodings: threshold bytes, image-mean bits, colour opponents and thermometer bits per pixel.
#include "input_encoding.h"

/// The sum of an image's bytes.
static uint32_t image_sum(const uint8_t *restrict image, size_t bytes) {
    uint32_t sum = 0;
    for (size_t i = 0; i < bytes; i++) sum += image[i];
    return sum;
}

/// 255 when a > b, else 0.
static inline uint8_t above(uint32_t a, uint32_t b) { return a > b ? 255 : 0; }

void lutnet_encode_images(const uint8_t *restrict pixels, size_t image_count, size_t pixel_count,
                          uint32_t channels, uint32_t families, uint32_t levels, uint8_t *restrict out) {
    size_t image_bytes = pixel_count * channels;
    uint32_t width = lutnet_encoded_channels(channels, families, levels);
    uint8_t steps[LUTNET_MAX_THERMOMETER_LEVELS];
    if ((families & LUTNET_ENCODE_THERMOMETER) && (levels == 0 || levels > LUTNET_MAX_THERMOMETER_LEVELS)) return;
    for (uint32_t i = 0; (families & LUTNET_ENCODE_THERMOMETER) && i < levels; i++) steps[i] = (uint8_t)lutnet_thermometer_step(i + 1, levels);
    for (size_t n = 0; n < image_count; n++) {
        const uint8_t *image = pixels + n * image_bytes;
        uint8_t *encoded = out + n * pixel_count * width;
        // byte > sum / bytes, compared exactly in integers.
        uint32_t sum = (families & LUTNET_ENCODE_IMAGE_MEAN) ? image_sum(image, image_bytes) : 0;
        for (size_t p = 0; p < pixel_count; p++) {
            const uint8_t *pixel = image + p * channels;
            uint8_t *bytes = encoded + p * width;
            if (families & LUTNET_ENCODE_THRESHOLD)
                for (uint32_t c = 0; c < channels; c++) *bytes++ = pixel[c];
            if (families & LUTNET_ENCODE_IMAGE_MEAN)
                for (uint32_t c = 0; c < channels; c++) *bytes++ = above((uint32_t)pixel[c] * (uint32_t)image_bytes, sum);
            if (families & LUTNET_ENCODE_OPPONENTS) {
                *bytes++ = above(pixel[0], pixel[1]);
                *bytes++ = above(pixel[2], pixel[0]);
                *bytes++ = above(pixel[1], pixel[2]);
            }
            if (families & LUTNET_ENCODE_THERMOMETER)
                for (uint32_t c = 0; c < channels; c++)
                    for (uint32_t i = 0; i < levels; i++) *bytes++ = pixel[c] >= steps[i] ? 255 : 0;
        }
    }
}
