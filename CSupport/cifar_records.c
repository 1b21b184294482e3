// Planar CIFAR-10 records to interleaved pixels (see cifar_records.h).
#include "cifar_records.h"

#define PLANE (LUTNET_CIFAR_SIDE * LUTNET_CIFAR_SIDE)

size_t lutnet_cifar_decode_records(const uint8_t *restrict records, size_t count, uint8_t max_label,
                                   uint8_t *restrict pixels, uint8_t *restrict labels) {
    size_t first_bad = count;
    for (size_t i = 0; i < count; i++) {
        const uint8_t *record = records + i * LUTNET_CIFAR_RECORD_BYTES;
        const uint8_t *red = record + 1, *green = red + PLANE, *blue = green + PLANE;
        uint8_t *image = pixels + i * LUTNET_CIFAR_IMAGE_BYTES;
        labels[i] = record[0];
        if (record[0] > max_label && first_bad == count) first_bad = i;
        for (size_t p = 0; p < PLANE; p++) {
            image[3 * p] = red[p];
            image[3 * p + 1] = green[p];
            image[3 * p + 2] = blue[p];
        }
    }
    return first_bad;
}
