// Strict IDX reader over zlib: decompresses straight into the tensor's final buffer.
#include "idx_reader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/// The buffer starts at most this large and doubles as data arrives, so a damaged header that
/// claims a huge payload cannot reserve memory the file does not back.
#define INITIAL_CAPACITY ((uint64_t)64 << 20)
/// gzread takes an unsigned int length; larger reads are split.
#define READ_CHUNK ((uint64_t)1 << 30)

static lutnet_idx_status fail(char *message, size_t capacity, lutnet_idx_status status,
                              const char *format, ...) {
    if (message != NULL && capacity > 0) {
        va_list args;
        va_start(args, format);
        vsnprintf(message, capacity, format, args);
        va_end(args);
    }
    return status;
}

size_t lutnet_idx_element_size(uint8_t type) {
    switch (type) {
    case LUTNET_IDX_UINT8: case LUTNET_IDX_INT8: return 1;
    case LUTNET_IDX_INT16: return 2;
    case LUTNET_IDX_INT32: case LUTNET_IDX_FLOAT32: return 4;
    case LUTNET_IDX_FLOAT64: return 8;
    default: return 0;
    }
}

static int ends_with_gz(const char *path) {
    size_t length = strlen(path);
    return length >= 3 && strcmp(path + length - 3, ".gz") == 0;
}

/// Classifies a short or failed gzread: a zlib error if there is one, else `otherwise`.
static lutnet_idx_status stream_failure(gzFile file, const char *path, char *message,
                                        size_t capacity, lutnet_idx_status otherwise,
                                        const char *what) {
    int code = Z_OK;
    const char *reason = gzerror(file, &code);
    if (code == Z_BUF_ERROR)
        return fail(message, capacity, LUTNET_IDX_GZIP_TRUNCATED,
                    "%s: truncated gzip stream while reading %s (zlib: %s)", path, what, reason);
    if (code == Z_ERRNO)
        return fail(message, capacity, LUTNET_IDX_READ_ERROR, "%s: read error while reading %s (%s)",
                    path, what, strerror(errno));
    if (code != Z_OK)
        return fail(message, capacity, LUTNET_IDX_GZIP_CORRUPT,
                    "%s: corrupt gzip stream while reading %s (zlib: %s)", path, what, reason);
    return otherwise;
}

/// Reads exactly `length` bytes unless the stream ends; returns the count read, or -1 on error.
static int64_t read_fully(gzFile file, uint8_t *buffer, uint64_t length) {
    uint64_t done = 0;
    while (done < length) {
        uint64_t want = length - done < READ_CHUNK ? length - done : READ_CHUNK;
        int got = gzread(file, buffer + done, (unsigned)want);
        if (got < 0) return -1;
        if (got == 0) break;
        done += (uint64_t)got;
    }
    return (int64_t)done;
}

static void swap_to_host(uint8_t *data, uint64_t count, size_t size) {
    const uint16_t probe = 1;
    if (size == 1 || *(const uint8_t *)&probe == 0) return; // big-endian host: nothing to do
    for (uint64_t i = 0; i < count; i++) {
        uint8_t *element = data + i * size;
        for (size_t a = 0, b = size - 1; a < b; a++, b--) {
            uint8_t t = element[a];
            element[a] = element[b];
            element[b] = t;
        }
    }
}

/// Checks the file's first bytes: empty files and .gz files that are not gzip are refused early.
static lutnet_idx_status check_container(const char *path, char *message, size_t capacity) {
    FILE *raw = fopen(path, "rb");
    if (raw == NULL)
        return fail(message, capacity, LUTNET_IDX_CANNOT_OPEN, "%s: cannot open (%s)", path,
                    strerror(errno));
    unsigned char head[2] = {0, 0};
    size_t got = fread(head, 1, 2, raw);
    int failed = ferror(raw), error = errno;
    fclose(raw);
    // A folder opens on Linux but cannot be read: say so rather than call it empty.
    if (failed)
        return fail(message, capacity, LUTNET_IDX_READ_ERROR, "%s: cannot read (%s)", path,
                    strerror(error));
    if (got == 0)
        return fail(message, capacity, LUTNET_IDX_EMPTY_FILE, "%s: the file is empty", path);
    int gzip = got == 2 && head[0] == 0x1f && head[1] == 0x8b;
    if (!gzip && ends_with_gz(path))
        return fail(message, capacity, LUTNET_IDX_NOT_GZIP,
                    "%s: not a gzip file (starts with 0x%02x%02x, expected 0x1f8b)", path, head[0],
                    got == 2 ? head[1] : 0);
    return LUTNET_IDX_OK;
}

/// Describes a header that stopped short: a gzip failure if zlib saw one, else a truncated header.
static lutnet_idx_status header_ended(gzFile file, const char *path, char *message, size_t capacity,
                                      uint64_t expected) {
    lutnet_idx_status status =
        stream_failure(file, path, message, capacity, LUTNET_IDX_TRUNCATED_HEADER, "the header");
    if (status != LUTNET_IDX_TRUNCATED_HEADER) return status;
    return fail(message, capacity, status, "%s: file ends inside the IDX header (expected %llu bytes)",
                path, (unsigned long long)expected);
}

static lutnet_idx_status read_header(gzFile file, const char *path, lutnet_idx_tensor *tensor,
                                     char *message, size_t capacity) {
    uint8_t magic[4];
    int64_t got = read_fully(file, magic, 4);
    if (got != 4) return header_ended(file, path, message, capacity, 4);
    if (magic[0] != 0 || magic[1] != 0)
        return fail(message, capacity, LUTNET_IDX_BAD_MAGIC,
                    "%s: bad IDX magic 0x%02x%02x%02x%02x (the first two bytes must be zero)", path,
                    magic[0], magic[1], magic[2], magic[3]);
    if (lutnet_idx_element_size(magic[2]) == 0)
        return fail(message, capacity, LUTNET_IDX_UNKNOWN_TYPE,
                    "%s: unknown IDX element type 0x%02x (expected 0x08, 0x09, 0x0b, 0x0c, 0x0d or 0x0e)",
                    path, magic[2]);
    if (magic[3] == 0 || magic[3] > LUTNET_IDX_MAX_RANK)
        return fail(message, capacity, LUTNET_IDX_BAD_RANK,
                    "%s: IDX rank %u is not supported (1 to %d dimensions)", path, magic[3],
                    LUTNET_IDX_MAX_RANK);
    tensor->element_type = magic[2];
    tensor->rank = magic[3];

    uint8_t dims[4 * LUTNET_IDX_MAX_RANK];
    uint64_t dim_bytes = 4 * (uint64_t)tensor->rank;
    got = read_fully(file, dims, dim_bytes);
    if (got != (int64_t)dim_bytes) return header_ended(file, path, message, capacity, 4 + dim_bytes);
    uint64_t count = 1;
    size_t size = lutnet_idx_element_size(tensor->element_type);
    for (uint32_t d = 0; d < tensor->rank; d++) {
        const uint8_t *b = dims + 4 * d;
        uint32_t dim = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
        if (dim == 0)
            return fail(message, capacity, LUTNET_IDX_ZERO_DIMENSION,
                        "%s: IDX dimension %u of %u is zero", path, d + 1, tensor->rank);
        tensor->dims[d] = dim;
        if (__builtin_mul_overflow(count, (uint64_t)dim, &count) || count > (UINT64_MAX >> 4) / size)
            return fail(message, capacity, LUTNET_IDX_TOO_LARGE,
                        "%s: IDX dimensions are too large (their product overflows)", path);
    }
    tensor->element_count = count;
    return LUTNET_IDX_OK;
}

static lutnet_idx_status read_payload(gzFile file, const char *path, lutnet_idx_tensor *tensor,
                                      char *message, size_t capacity) {
    size_t size = lutnet_idx_element_size(tensor->element_type);
    uint64_t total = tensor->element_count * size;
    uint64_t allocated = total < INITIAL_CAPACITY ? total : INITIAL_CAPACITY;
    uint8_t *buffer = malloc((size_t)allocated);
    if (buffer == NULL)
        return fail(message, capacity, LUTNET_IDX_OUT_OF_MEMORY,
                    "%s: out of memory for %llu bytes of IDX data", path, (unsigned long long)allocated);
    uint64_t filled = 0;
    for (;;) {
        int64_t got = read_fully(file, buffer + filled, allocated - filled);
        if (got < 0) {
            free(buffer);
            return stream_failure(file, path, message, capacity, LUTNET_IDX_READ_ERROR, "the data");
        }
        filled += (uint64_t)got;
        if (filled < allocated || filled == total) break;
        uint64_t grown = allocated * 2 < total ? allocated * 2 : total;
        uint8_t *larger = realloc(buffer, (size_t)grown);
        if (larger == NULL) {
            free(buffer);
            return fail(message, capacity, LUTNET_IDX_OUT_OF_MEMORY,
                        "%s: out of memory for %llu bytes of IDX data", path, (unsigned long long)grown);
        }
        buffer = larger;
        allocated = grown;
    }
    if (filled < total) {
        free(buffer);
        lutnet_idx_status status =
            stream_failure(file, path, message, capacity, LUTNET_IDX_TRUNCATED_DATA, "the data");
        if (status != LUTNET_IDX_TRUNCATED_DATA) return status;
        return fail(message, capacity, status,
                    "%s: IDX data is truncated: the header says %llu bytes, the file has %llu", path,
                    (unsigned long long)total, (unsigned long long)filled);
    }
    // The payload must end exactly here; reading on also verifies the gzip trailer (CRC, length).
    uint8_t extra[4096];
    uint64_t trailing = 0;
    for (;;) {
        int got = gzread(file, extra, sizeof extra);
        if (got < 0) {
            free(buffer);
            return stream_failure(file, path, message, capacity, LUTNET_IDX_READ_ERROR, "the data");
        }
        if (got == 0) break;
        trailing += (uint64_t)got;
    }
    int code = Z_OK;
    gzerror(file, &code);
    if (code != Z_OK) {
        free(buffer);
        return stream_failure(file, path, message, capacity, LUTNET_IDX_READ_ERROR, "the data");
    }
    if (trailing > 0) {
        free(buffer);
        return fail(message, capacity, LUTNET_IDX_TRAILING_DATA,
                    "%s: %llu trailing %s after the %llu bytes of IDX data the header describes",
                    path, (unsigned long long)trailing, trailing == 1 ? "byte" : "bytes",
                    (unsigned long long)total);
    }
    swap_to_host(buffer, tensor->element_count, size);
    tensor->data = buffer;
    return LUTNET_IDX_OK;
}

lutnet_idx_status lutnet_idx_read(const char *path, lutnet_idx_tensor *out, char *message,
                                  size_t message_capacity) {
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    if (path == NULL || out == NULL)
        return fail(message, message_capacity, LUTNET_IDX_CANNOT_OPEN, "no path or no output given");
    memset(out, 0, sizeof *out);
    lutnet_idx_status status = check_container(path, message, message_capacity);
    if (status != LUTNET_IDX_OK) return status;
    gzFile file = gzopen(path, "rb");
    if (file == NULL)
        return fail(message, message_capacity, LUTNET_IDX_CANNOT_OPEN, "%s: cannot open (%s)", path,
                    strerror(errno));
    gzbuffer(file, 256 * 1024);
    lutnet_idx_tensor tensor;
    memset(&tensor, 0, sizeof tensor);
    status = read_header(file, path, &tensor, message, message_capacity);
    if (status == LUTNET_IDX_OK) status = read_payload(file, path, &tensor, message, message_capacity);
    gzclose(file);
    if (status == LUTNET_IDX_OK) *out = tensor;
    return status;
}

void lutnet_idx_tensor_free(lutnet_idx_tensor *tensor) {
    if (tensor == NULL) return;
    free(tensor->data);
    memset(tensor, 0, sizeof *tensor);
}
