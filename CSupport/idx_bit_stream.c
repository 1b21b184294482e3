// Binarization while inflating (see idx_bit_stream.h): the selected rows of an IDX image file are
// inflated into a cache-sized staging buffer and packed from there, chunk after chunk.
#include "idx_bit_stream.h"

#include <stdlib.h>
#include <string.h>
#include "bit_packing.h"
#include "gzip_stream.h"
#include "idx_stream_parts.h"

/// Rows are staged in chunks of about this many bytes (a whole number of 64-row words), small
/// enough to stay in L2 between inflating and packing.
#define STAGING_BYTES ((uint64_t)256 << 10)

struct lutnet_idx_bit_stream {
    lutnet_gzip_stream *source;
    lutnet_idx_tensor header;
    int read;    ///< the payload has been read (or reading it failed)
    char path[]; ///< a copy of the caller's path: the gzip stream borrows it for its messages
};

lutnet_read_status lutnet_idx_bit_stream_open(const char *restrict path, lutnet_idx_bit_stream **restrict out,
                                              lutnet_idx_tensor *restrict header, char *restrict message,
                                              size_t message_capacity) {
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    if (path == NULL || out == NULL || header == NULL) {
        lutnet_format_message(message, message_capacity, "no path or no output given");
        return LUTNET_READ_CANNOT_OPEN;
    }
    *out = NULL;
    memset(header, 0, sizeof *header);
    size_t length = strlen(path);
    lutnet_idx_bit_stream *stream = calloc(1, sizeof *stream + length + 1);
    if (stream == NULL) {
        lutnet_format_message(message, message_capacity, "%s: out of memory for the reader", path);
        return LUTNET_READ_OUT_OF_MEMORY;
    }
    memcpy(stream->path, path, length + 1);
    lutnet_read_status status = lutnet_idx_open_with_header(stream->path, &stream->source, &stream->header,
                                                            message, message_capacity);
    if (status != LUTNET_READ_OK) {
        lutnet_idx_bit_stream_close(stream);
        return status;
    }
    *header = stream->header;
    *out = stream;
    return LUTNET_READ_OK;
}

void lutnet_idx_bit_stream_close(lutnet_idx_bit_stream *stream) {
    if (stream == NULL) return;
    lutnet_gzip_close(stream->source);
    free(stream);
}

/// Reads the next `length` payload bytes into `buffer` (or drops them when `buffer` is NULL),
/// adding what arrived to `*consumed`; a payload that ends first is truncated data.
static lutnet_read_status take(lutnet_idx_bit_stream *restrict stream, uint8_t *restrict buffer, uint64_t length,
                               uint64_t total, uint64_t *restrict consumed, char *restrict message,
                               size_t capacity) {
    if (length == 0) return LUTNET_READ_OK;
    uint64_t got = 0;
    lutnet_read_status status =
        buffer != NULL ? lutnet_gzip_read(stream->source, buffer, length, &got, "the data", message, capacity)
                       : lutnet_gzip_skip(stream->source, length, &got, "the data", message, capacity);
    *consumed += got;
    if (status == LUTNET_READ_OK && got < length)
        status = lutnet_idx_truncated(stream->path, total, *consumed, message, capacity);
    return status;
}

/// Checks what the stream and the indices must be before anything is read.
static lutnet_read_status check_request(const lutnet_idx_bit_stream *restrict stream,
                                        const uint32_t *restrict indices, size_t count,
                                        char *restrict message, size_t capacity) {
    const char *problem = NULL;
    if (stream->read) problem = "its data has already been read";
    else if (stream->header.element_type != LUTNET_IDX_UINT8) problem = "only unsigned-byte images can be binarized";
    for (size_t i = 0; problem == NULL && i < count; i++) {
        if (indices[i] >= stream->header.dims[0]) problem = "an example index is past the last row";
        else if (i > 0 && indices[i] <= indices[i - 1]) problem = "the example indices do not ascend";
    }
    if (problem == NULL) return LUTNET_READ_OK;
    lutnet_format_message(message, capacity, "%s: cannot binarize while reading: %s", stream->path, problem);
    return LUTNET_READ_IO_ERROR;
}

lutnet_read_status lutnet_idx_bit_stream_pack_threshold(lutnet_idx_bit_stream *restrict stream,
                                                        const uint32_t *restrict example_indices,
                                                        size_t selected_count, uint8_t threshold,
                                                        uint64_t *restrict bits, size_t words_per_row,
                                                        char *restrict message, size_t message_capacity) {
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    lutnet_read_status status = check_request(stream, example_indices, selected_count, message, message_capacity);
    if (status != LUTNET_READ_OK) return status;
    stream->read = 1;
    uint64_t rows = stream->header.dims[0];
    uint64_t row_bytes = stream->header.element_count / rows;
    uint64_t total = stream->header.element_count;
    uint64_t chunk_rows = STAGING_BYTES / row_bytes / 64 * 64;
    if (chunk_rows == 0) chunk_rows = 64;
    if (chunk_rows > selected_count) chunk_rows = (selected_count + 63) / 64 * 64;
    uint8_t *staging = chunk_rows > 0 ? malloc(chunk_rows * row_bytes) : NULL;
    uint32_t *identity = chunk_rows > 0 ? malloc(chunk_rows * sizeof *identity) : NULL;
    if (chunk_rows > 0 && (staging == NULL || identity == NULL)) {
        free(staging);
        free(identity);
        lutnet_format_message(message, message_capacity, "%s: out of memory for %llu bytes of staged rows",
                              stream->path, (unsigned long long)(chunk_rows * row_bytes));
        return LUTNET_READ_OUT_OF_MEMORY;
    }
    for (uint64_t i = 0; i < chunk_rows; i++) identity[i] = (uint32_t)i;
    uint64_t consumed = 0, next_row = 0;
    for (size_t first = 0; status == LUTNET_READ_OK && first < selected_count; first += chunk_rows) {
        size_t end = selected_count - first < chunk_rows ? selected_count : first + chunk_rows;
        // Runs of consecutive rows arrive in one read each; rows between runs are dropped.
        for (size_t e = first; status == LUTNET_READ_OK && e < end;) {
            uint64_t row = example_indices[e];
            size_t run = 1;
            while (e + run < end && example_indices[e + run] == row + run) run++;
            status = take(stream, NULL, (row - next_row) * row_bytes, total, &consumed, message, message_capacity);
            if (status == LUTNET_READ_OK)
                status = take(stream, staging + (e - first) * row_bytes, run * row_bytes, total, &consumed, message,
                              message_capacity);
            next_row = row + run;
            e += run;
        }
        if (status == LUTNET_READ_OK)
            lutnet_pack_threshold(staging, row_bytes, identity, end - first, threshold, bits + first / 64,
                                  words_per_row, 0, lutnet_words_for_bits(end - first));
    }
    free(staging);
    free(identity);
    if (status == LUTNET_READ_OK)
        status = take(stream, NULL, (rows - next_row) * row_bytes, total, &consumed, message, message_capacity);
    if (status == LUTNET_READ_OK)
        status = lutnet_idx_check_data_ends(stream->source, stream->path, total, message, message_capacity);
    return status;
}
