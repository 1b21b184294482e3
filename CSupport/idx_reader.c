// Strict IDX reader over the gzip stream layer: decompresses straight into the tensor's final buffer.
#include "idx_reader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gzip_stream.h"
#include "idx_stream_parts.h"

/// The buffer starts at most this large and doubles as data arrives, so a damaged header that
/// claims a huge payload cannot reserve memory the file does not back.
#define INITIAL_CAPACITY ((uint64_t)64 << 20)

static lutnet_read_status fail(char *restrict message, size_t capacity, lutnet_read_status status,
                               const char *restrict format, ...) __attribute__((format(printf, 4, 5)));

static lutnet_read_status fail(char *restrict message, size_t capacity, lutnet_read_status status,
                               const char *restrict format, ...) {
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

static lutnet_read_status read_header(lutnet_gzip_stream *restrict source, const char *restrict path,
                                      lutnet_idx_tensor *restrict tensor, char *restrict message,
                                      size_t capacity) {
    uint8_t magic[4];
    uint64_t got = 0;
    lutnet_read_status status = lutnet_gzip_read(source, magic, 4, &got, "the header", message, capacity);
    if (status != LUTNET_READ_OK) return status;
    if (got != 4)
        return fail(message, capacity, LUTNET_READ_IDX_TRUNCATED_HEADER,
                    "%s: file ends inside the IDX header (expected 4 bytes)", path);
    if (magic[0] != 0 || magic[1] != 0)
        return fail(message, capacity, LUTNET_READ_IDX_BAD_MAGIC,
                    "%s: bad IDX magic 0x%02x%02x%02x%02x (the first two bytes must be zero)", path,
                    magic[0], magic[1], magic[2], magic[3]);
    if (lutnet_idx_element_size(magic[2]) == 0)
        return fail(message, capacity, LUTNET_READ_IDX_UNKNOWN_TYPE,
                    "%s: unknown IDX element type 0x%02x (expected 0x08, 0x09, 0x0b, 0x0c, 0x0d or 0x0e)",
                    path, magic[2]);
    if (magic[3] == 0 || magic[3] > LUTNET_IDX_MAX_RANK)
        return fail(message, capacity, LUTNET_READ_IDX_BAD_RANK,
                    "%s: IDX rank %u is not supported (1 to %d dimensions)", path, magic[3],
                    LUTNET_IDX_MAX_RANK);
    tensor->element_type = magic[2];
    tensor->rank = magic[3];

    uint8_t dims[4 * LUTNET_IDX_MAX_RANK];
    uint64_t dim_bytes = 4 * (uint64_t)tensor->rank;
    status = lutnet_gzip_read(source, dims, dim_bytes, &got, "the header", message, capacity);
    if (status != LUTNET_READ_OK) return status;
    if (got != dim_bytes)
        return fail(message, capacity, LUTNET_READ_IDX_TRUNCATED_HEADER,
                    "%s: file ends inside the IDX header (expected %llu bytes)", path,
                    (unsigned long long)(4 + dim_bytes));
    uint64_t count = 1;
    size_t size = lutnet_idx_element_size(tensor->element_type);
    for (uint32_t d = 0; d < tensor->rank; d++) {
        const uint8_t *b = dims + 4 * d;
        uint32_t dim = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
        if (dim == 0)
            return fail(message, capacity, LUTNET_READ_IDX_ZERO_DIMENSION,
                        "%s: IDX dimension %u of %u is zero", path, d + 1, tensor->rank);
        tensor->dims[d] = dim;
        if (__builtin_mul_overflow(count, (uint64_t)dim, &count) || count > (UINT64_MAX >> 4) / size)
            return fail(message, capacity, LUTNET_READ_TOO_LARGE,
                        "%s: IDX dimensions are too large (their product overflows)", path);
    }
    tensor->element_count = count;
    return LUTNET_READ_OK;
}

lutnet_read_status lutnet_idx_check_data_ends(lutnet_gzip_stream *restrict source, const char *restrict path,
                                              uint64_t total, char *restrict message, size_t capacity) {
    uint64_t trailing = 0;
    lutnet_read_status status = lutnet_gzip_drain(source, &trailing, "the data", message, capacity);
    if (status == LUTNET_READ_OK && trailing > 0)
        status = fail(message, capacity, LUTNET_READ_IDX_TRAILING_DATA,
                      "%s: %llu trailing %s after the %llu bytes of IDX data the header describes",
                      path, (unsigned long long)trailing, trailing == 1 ? "byte" : "bytes",
                      (unsigned long long)total);
    return status;
}

static lutnet_read_status read_payload(lutnet_gzip_stream *restrict source, const char *restrict path,
                                       lutnet_idx_tensor *restrict tensor, char *restrict message,
                                       size_t capacity) {
    size_t size = lutnet_idx_element_size(tensor->element_type);
    uint64_t total = tensor->element_count * size;
    uint8_t *buffer = NULL;
    uint64_t filled = 0, wanted = 0;
    lutnet_read_status status = lutnet_gzip_read_growing(source, INITIAL_CAPACITY, total, 0, &buffer, &filled,
                                                         &wanted, "the data", message, capacity);
    if (status == LUTNET_READ_OUT_OF_MEMORY)
        return fail(message, capacity, status, "%s: out of memory for %llu bytes of IDX data", path,
                    (unsigned long long)wanted);
    if (status == LUTNET_READ_OK && filled < total)
        status = lutnet_idx_truncated(path, total, filled, message, capacity);
    if (status == LUTNET_READ_OK) status = lutnet_idx_check_data_ends(source, path, total, message, capacity);
    if (status != LUTNET_READ_OK) {
        free(buffer);
        return status;
    }
    swap_to_host(buffer, tensor->element_count, size);
    tensor->data = buffer;
    return LUTNET_READ_OK;
}

lutnet_read_status lutnet_idx_truncated(const char *restrict path, uint64_t total, uint64_t filled,
                                        char *restrict message, size_t capacity) {
    return fail(message, capacity, LUTNET_READ_IDX_TRUNCATED_DATA,
                "%s: IDX data is truncated: the header says %llu bytes, the file has %llu", path,
                (unsigned long long)total, (unsigned long long)filled);
}

/// Refuses a header whose payload the file cannot hold (lutnet_gzip_max_data_bytes), before any
/// buffer is sized from it: a plain file shorter than the header says is truncated data, as reading
/// it would find; a gzip file too small to inflate to the payload is refused the same way.
static lutnet_read_status check_claim(const lutnet_gzip_stream *restrict source, const char *restrict path,
                                      const lutnet_idx_tensor *restrict tensor, char *restrict message,
                                      size_t capacity) {
    uint64_t header = 4 + 4 * (uint64_t)tensor->rank;
    uint64_t total = tensor->element_count * lutnet_idx_element_size(tensor->element_type);
    uint64_t most = lutnet_gzip_max_data_bytes(source);
    if (most == UINT64_MAX) return LUTNET_READ_OK;
    uint64_t room = most > header ? most - header : 0;
    if (total <= room) return LUTNET_READ_OK;
    if (!lutnet_gzip_is_compressed(source)) return lutnet_idx_truncated(path, total, room, message, capacity);
    return fail(message, capacity, LUTNET_READ_IDX_TRUNCATED_DATA,
                "%s: IDX data is truncated: the header says %llu bytes, more than the %llu a gzip file of this "
                "size can hold", path, (unsigned long long)total, (unsigned long long)room);
}

lutnet_read_status lutnet_idx_open_with_header(const char *restrict path, lutnet_gzip_stream **restrict source,
                                               lutnet_idx_tensor *restrict tensor, char *restrict message,
                                               size_t capacity) {
    memset(tensor, 0, sizeof *tensor);
    lutnet_read_status status = lutnet_gzip_open(path, lutnet_path_has_suffix(path, ".gz"), source, message, capacity);
    if (status == LUTNET_READ_OK) status = read_header(*source, path, tensor, message, capacity);
    if (status == LUTNET_READ_OK) status = check_claim(*source, path, tensor, message, capacity);
    return status;
}

lutnet_read_status lutnet_idx_read(const char *restrict path, lutnet_idx_tensor *restrict out,
                                   char *restrict message, size_t message_capacity) {
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    if (path == NULL || out == NULL)
        return fail(message, message_capacity, LUTNET_READ_CANNOT_OPEN, "no path or no output given");
    memset(out, 0, sizeof *out);
    lutnet_gzip_stream *source = NULL;
    lutnet_idx_tensor tensor;
    lutnet_read_status status = lutnet_idx_open_with_header(path, &source, &tensor, message, message_capacity);
    if (status == LUTNET_READ_OK) status = read_payload(source, path, &tensor, message, message_capacity);
    lutnet_gzip_close(source);
    if (status == LUTNET_READ_OK) *out = tensor;
    return status;
}

/// The rows [first, first + rows) of a tensor whose header `tensor` holds: skips the rows before,
/// reads the shard's rows into a buffer of their own, and, when the shard ends at the last row,
/// checks that the data ends there.
static lutnet_read_status read_rows(lutnet_gzip_stream *restrict source, const char *restrict path,
                                    lutnet_idx_tensor *restrict tensor, uint64_t first, uint64_t rows,
                                    char *restrict message, size_t capacity) {
    size_t size = lutnet_idx_element_size(tensor->element_type);
    uint64_t total_rows = tensor->dims[0];
    uint64_t row_bytes = tensor->element_count / total_rows * size;
    uint64_t skipped = 0;
    lutnet_read_status status = lutnet_gzip_skip(source, first * row_bytes, &skipped, "the data", message, capacity);
    if (status != LUTNET_READ_OK) return status;
    uint64_t length = rows * row_bytes, filled = 0;
    uint8_t *buffer = NULL;
    if (length > 0) {
        buffer = malloc(length);
        if (buffer == NULL)
            return fail(message, capacity, LUTNET_READ_OUT_OF_MEMORY, "%s: out of memory for %llu bytes of IDX data",
                        path, (unsigned long long)length);
        status = lutnet_gzip_read(source, buffer, length, &filled, "the data", message, capacity);
    }
    uint64_t total = tensor->element_count * size;
    if (status == LUTNET_READ_OK && skipped + filled < first * row_bytes + length)
        status = lutnet_idx_truncated(path, total, skipped + filled, message, capacity);
    if (status == LUTNET_READ_OK && first + rows == total_rows)
        status = lutnet_idx_check_data_ends(source, path, total, message, capacity);
    if (status != LUTNET_READ_OK) {
        free(buffer);
        return status;
    }
    tensor->element_count = tensor->element_count / total_rows * rows;
    tensor->dims[0] = (uint32_t)rows;
    swap_to_host(buffer, tensor->element_count, size);
    tensor->data = buffer;
    return LUTNET_READ_OK;
}

lutnet_read_status lutnet_idx_read_shard(const char *restrict path, uint64_t shard, uint64_t shards,
                                         lutnet_idx_tensor *restrict out, uint64_t *restrict first_row,
                                         uint64_t *restrict total_rows, char *restrict message,
                                         size_t message_capacity) {
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    if (path == NULL || out == NULL || first_row == NULL || total_rows == NULL)
        return fail(message, message_capacity, LUTNET_READ_CANNOT_OPEN, "no path or no output given");
    if (shards == 0 || shards > UINT32_MAX || shard >= shards)
        return fail(message, message_capacity, LUTNET_READ_IO_ERROR, "%s: shard %llu of %llu does not exist", path,
                    (unsigned long long)shard, (unsigned long long)shards);
    memset(out, 0, sizeof *out);
    lutnet_gzip_stream *source = NULL;
    lutnet_idx_tensor tensor;
    lutnet_read_status status = lutnet_idx_open_with_header(path, &source, &tensor, message, message_capacity);
    uint64_t n = tensor.dims[0];
    // n < 2^32 and shards <= 2^32 (MPI ranks are ints): the products fit in 64 bits.
    uint64_t first = status == LUTNET_READ_OK ? n * shard / shards : 0;
    uint64_t end = status == LUTNET_READ_OK ? n * (shard + 1) / shards : 0;
    if (status == LUTNET_READ_OK)
        status = read_rows(source, path, &tensor, first, end - first, message, message_capacity);
    lutnet_gzip_close(source);
    if (status == LUTNET_READ_OK) {
        *out = tensor;
        *first_row = first;
        *total_rows = n;
    }
    return status;
}

void lutnet_idx_tensor_free(lutnet_idx_tensor *tensor) {
    if (tensor == NULL) return;
    free(tensor->data);
    memset(tensor, 0, sizeof *tensor);
}
