// Input encodings: threshold bytes, image-mean bits, colour opponents, thermometer and neighbour
// bits per pixel, of the image's bytes or of the image deskewed.
#include "input_encoding.h"

/// The sum of an image's bytes.
static uint32_t image_sum(const uint8_t *restrict image, size_t bytes) {
    uint32_t sum = 0;
    for (size_t i = 0; i < bytes; i++) sum += image[i];
    return sum;
}

/// 255 when a > b, else 0.
static inline uint8_t above(uint32_t a, uint32_t b) { return a > b ? 255 : 0; }

/// a / b rounded to nearest, ties upward (b > 0).
static inline __int128 rounded_div(__int128 a, __int128 b) {
    __int128 n = 2 * a + b, d = 2 * b, q = n / d;
    return (n % d != 0 && n < 0) ? q - 1 : q;
}

/// a / b rounded down, whatever a's sign (b > 0).
static inline int64_t floor_div(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

/// The byte of channel `c` of source pixel (y, x), 0 outside the image.
static inline int64_t source_byte(const uint8_t *restrict image, int64_t y, int64_t x, uint32_t height, uint32_t width,
                                  uint32_t channels, uint32_t c) {
    if (y < 0 || x < 0 || y >= height || x >= width) return 0;
    return image[((size_t)y * width + (size_t)x) * channels + c];
}

/// The image deskewed into `out`, as the header describes.
static void deskew(const uint8_t *restrict image, uint32_t height, uint32_t width, uint32_t channels, uint8_t *restrict out) {
    size_t bytes = (size_t)height * width * channels;
    // A row's sums fit 64 bits (its bytes are fewer than 2^24); the image's take 128.
    __int128 m = 0, sy = 0, sx = 0, syy = 0, sxy = 0;
    for (uint32_t y = 0; y < height; y++) {
        const uint8_t *row = image + (size_t)y * width * channels;
        int64_t row_sum = 0, row_x = 0;
        if (channels == 1)
            for (uint32_t x = 0; x < width; x++) row_sum += row[x], row_x += (int64_t)row[x] * x;
        else
            for (uint32_t x = 0; x < width; x++) {
                int64_t v = 0;
                for (uint32_t c = 0; c < channels; c++) v += row[(size_t)x * channels + c];
                row_sum += v, row_x += v * x;
            }
        m += row_sum, sy += (__int128)row_sum * y, syy += (__int128)row_sum * y * y, sx += row_x, sxy += (__int128)row_x * y;
    }
    if (m == 0) {
        for (size_t i = 0; i < bytes; i++) out[i] = image[i];
        return;
    }
    __int128 denominator = m * syy - sy * sy, cap = (__int128)4 * (width + 1) * 65536;
    __int128 alpha = denominator == 0 ? 0 : rounded_div((m * sxy - sx * sy) * 65536, denominator);
    if (alpha > cap) alpha = cap;
    if (alpha < -cap) alpha = -cap;
    // Q16 offsets from the centre of mass to the image's centre, (side - 1) / 2 = (side - 1) << 15.
    int64_t shift_y = (int64_t)(rounded_div(sy * 65536, m) - (__int128)(height - 1) * 32768);
    int64_t shift_x = (int64_t)(rounded_div(sx * 65536, m) - (__int128)(width - 1) * 32768);
    for (uint32_t y = 0; y < height; y++) {
        // alpha · (y − (height − 1)/2) = alpha · (2y − height + 1) / 2, rounded to nearest.
        int64_t slant = floor_div((int64_t)alpha * (2 * (int64_t)y - (int64_t)height + 1) + 1, 2);
        int64_t ys = ((int64_t)y << 16) + shift_y, y0 = floor_div(ys, 65536), fy = ys - y0 * 65536;
        // xs = x + offset: the fraction, and so the four weights, are the same along the row.
        int64_t offset = slant + shift_x, step = floor_div(offset, 65536), fx = offset - step * 65536;
        int64_t w00 = (65536 - fy) * (65536 - fx), w01 = (65536 - fy) * fx, w10 = fy * (65536 - fx), w11 = fy * fx;
        uint8_t *row_out = out + (size_t)y * width * channels;
        // Outside both source rows every output byte of the row is 0.
        if (y0 + 1 < 0 || y0 >= (int64_t)height) {
            for (size_t i = 0; i < (size_t)width * channels; i++) row_out[i] = 0;
            continue;
        }
        // Where both source columns lie inside the image the bytes are read without checks.
        int64_t inner_begin = step < 0 ? -step : 0, inner_end = (int64_t)width - 1 - step;
        if (inner_end > (int64_t)width) inner_end = width;
        if (inner_begin < inner_end && y0 >= 0 && y0 + 1 < (int64_t)height) {
            const uint8_t *top = image + (size_t)y0 * width * channels, *bottom = top + (size_t)width * channels;
            if (channels == 1) {
                // The same sum in two steps: across the columns in 32 bits (below 2^24), then the rows.
                const uint8_t *top_left = top + step, *bottom_left = bottom + step;
                int32_t left_weight = (int32_t)(65536 - fx), right_weight = (int32_t)fx;
                for (int64_t x = inner_begin; x < inner_end; x++) {
                    int64_t upper = left_weight * top_left[x] + right_weight * top_left[x + 1];
                    int64_t lower = left_weight * bottom_left[x] + right_weight * bottom_left[x + 1];
                    row_out[x] = (uint8_t)(((65536 - fy) * upper + fy * lower + ((int64_t)1 << 31)) >> 32);
                }
            } else for (int64_t x = inner_begin; x < inner_end; x++) {
                size_t left = (size_t)(x + step) * channels;
                for (uint32_t c = 0; c < channels; c++) {
                    int64_t sum = w00 * top[left + c] + w01 * top[left + channels + c] + w10 * bottom[left + c]
                        + w11 * bottom[left + channels + c];
                    row_out[(size_t)x * channels + c] = (uint8_t)((sum + ((int64_t)1 << 31)) >> 32);
                }
            }
        } else {
            inner_begin = inner_end = 0;
        }
        for (uint32_t x = 0; x < width; x++) {
            if ((int64_t)x >= inner_begin && (int64_t)x < inner_end) continue;
            int64_t x0 = (int64_t)x + step;
            for (uint32_t c = 0; c < channels; c++) {
                int64_t sum = w00 * source_byte(image, y0, x0, height, width, channels, c)
                    + w01 * source_byte(image, y0, x0 + 1, height, width, channels, c)
                    + w10 * source_byte(image, y0 + 1, x0, height, width, channels, c)
                    + w11 * source_byte(image, y0 + 1, x0 + 1, height, width, channels, c);
                int64_t value = (sum + ((int64_t)1 << 31)) >> 32;
                row_out[(size_t)x * channels + c] = (uint8_t)(value < 0 ? 0 : value > 255 ? 255 : value);
            }
        }
    }
}

/// The neighbour bytes of pixel (y, x): per channel, 8 bytes in the header's order.
static uint8_t *neighbour_bytes(const uint8_t *restrict image, uint32_t y, uint32_t x, uint32_t height, uint32_t width,
                                uint32_t channels, uint32_t margin, uint8_t *restrict bytes) {
    static const int8_t dy[8] = {-1, -1, -1, 0, 0, 1, 1, 1}, dx[8] = {-1, 0, 1, -1, 1, -1, 0, 1};
    const uint8_t *pixel = image + ((size_t)y * width + x) * channels;
    for (uint32_t c = 0; c < channels; c++)
        for (int i = 0; i < 8; i++) {
            int64_t ny = (int64_t)y + dy[i], nx = (int64_t)x + dx[i];
            uint32_t own = pixel[c], other = (ny < 0 || nx < 0 || ny >= height || nx >= width)
                ? own : image[((size_t)ny * width + (size_t)nx) * channels + c];
            *bytes++ = above(other, own + margin);
        }
    return bytes;
}

void lutnet_encode_images(const uint8_t *restrict pixels, size_t image_count, const lutnet_encoding *encoding,
                          uint8_t *restrict scratch, uint8_t *restrict out) {
    uint32_t families = encoding->families, levels = encoding->levels, channels = encoding->channels;
    uint32_t height = encoding->height, width = encoding->width, margin = encoding->margin;
    size_t pixel_count = (size_t)height * width, image_bytes = pixel_count * channels;
    uint32_t encoded = lutnet_encoded_channels(channels, families, levels);
    uint8_t steps[LUTNET_MAX_THERMOMETER_LEVELS];
    if ((families & LUTNET_ENCODE_THERMOMETER) && (levels == 0 || levels > LUTNET_MAX_THERMOMETER_LEVELS)) return;
    if ((families & LUTNET_ENCODE_NEIGHBOURS) && margin > LUTNET_MAX_NEIGHBOUR_MARGIN) return;
    if ((families & LUTNET_ENCODE_DESKEW) && scratch == NULL) return;
    for (uint32_t i = 0; (families & LUTNET_ENCODE_THERMOMETER) && i < levels; i++) steps[i] = (uint8_t)lutnet_thermometer_step(i + 1, levels);
    for (size_t n = 0; n < image_count; n++) {
        const uint8_t *image = pixels + n * image_bytes;
        if (families & LUTNET_ENCODE_DESKEW) {
            deskew(image, height, width, channels, scratch);
            image = scratch;
        }
        uint8_t *bytes = out + n * pixel_count * encoded;
        // Family by family, each over every pixel: the families' bytes of a pixel lie at their
        // offsets within its `encoded` bytes.
        uint32_t offset = 0;
        // Gray images take loops of their own: a loop over one channel would copy each byte by a call.
        if (families & LUTNET_ENCODE_THRESHOLD) {
            if (channels == 1)
                for (size_t p = 0; p < pixel_count; p++) bytes[p * encoded + offset] = image[p];
            else
                for (size_t p = 0; p < pixel_count; p++)
                    for (uint32_t c = 0; c < channels; c++) bytes[p * encoded + offset + c] = image[p * channels + c];
            offset += channels;
        }
        if (families & LUTNET_ENCODE_IMAGE_MEAN) {
            // byte > sum / bytes, compared exactly in integers.
            uint32_t sum = image_sum(image, image_bytes);
            if (channels == 1)
                for (size_t p = 0; p < pixel_count; p++) bytes[p * encoded + offset] = above((uint32_t)image[p] * (uint32_t)image_bytes, sum);
            else
                for (size_t p = 0; p < pixel_count; p++)
                    for (uint32_t c = 0; c < channels; c++)
                        bytes[p * encoded + offset + c] = above((uint32_t)image[p * channels + c] * (uint32_t)image_bytes, sum);
            offset += channels;
        }
        if (families & LUTNET_ENCODE_OPPONENTS) {
            for (size_t p = 0; p < pixel_count; p++) {
                const uint8_t *pixel = image + p * channels;
                uint8_t *opponents = bytes + p * encoded + offset;
                opponents[0] = above(pixel[0], pixel[1]);
                opponents[1] = above(pixel[2], pixel[0]);
                opponents[2] = above(pixel[1], pixel[2]);
            }
            offset += 3;
        }
        if (families & LUTNET_ENCODE_THERMOMETER) {
            for (size_t p = 0; p < pixel_count; p++)
                for (uint32_t c = 0; c < channels; c++)
                    for (uint32_t i = 0; i < levels; i++)
                        bytes[p * encoded + offset + c * levels + i] = image[p * channels + c] >= steps[i] ? 255 : 0;
            offset += channels * levels;
        }
        if (families & LUTNET_ENCODE_NEIGHBOURS)
            for (size_t p = 0; p < pixel_count; p++)
                neighbour_bytes(image, (uint32_t)(p / width), (uint32_t)(p % width), height, width, channels, margin,
                                bytes + p * encoded + offset);
    }
}
