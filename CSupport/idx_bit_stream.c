// Binarization while inflating (see idx_bit_stream.h): the selected rows of an IDX image file are
// inflated into one of two cache-sized staging chunks while a packing thread packs the other.
#include "idx_bit_stream.h"

#include <pthread.h>
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

/// A chunk of staged rows: output examples `first ..< first + count`, packed into `bits`.
typedef struct staged_chunk {
    uint8_t *rows;
    size_t first;
    size_t count;
    int full; ///< staged and not yet packed
} staged_chunk;

/// Where the reading thread hands chunks to the packing thread: two chunks, filled and packed in
/// turn, so one is inflated into while the other is packed.
typedef struct packing_pipeline {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    staged_chunk chunks[2];
    int finished; ///< no more chunks will be staged
    const uint32_t *identity;
    uint64_t row_bytes;
    uint8_t threshold;
    uint64_t *bits;
    size_t words_per_row;
} packing_pipeline;

static void pack_chunk(const packing_pipeline *restrict pipeline, const staged_chunk *restrict chunk) {
    lutnet_pack_threshold(chunk->rows, pipeline->row_bytes, pipeline->identity, chunk->count, pipeline->threshold,
                          pipeline->bits + chunk->first / 64, pipeline->words_per_row, 0,
                          lutnet_words_for_bits(chunk->count));
}

/// The packing thread: packs each chunk once it is full, until the reader has finished.
static void *pack_chunks(void *argument) {
    packing_pipeline *pipeline = argument;
    for (unsigned next = 0;; next ^= 1) {
        staged_chunk *chunk = &pipeline->chunks[next];
        pthread_mutex_lock(&pipeline->lock);
        while (!chunk->full && !pipeline->finished) pthread_cond_wait(&pipeline->changed, &pipeline->lock);
        int full = chunk->full;
        pthread_mutex_unlock(&pipeline->lock);
        if (!full) return NULL;
        pack_chunk(pipeline, chunk);
        pthread_mutex_lock(&pipeline->lock);
        chunk->full = 0;
        pthread_cond_broadcast(&pipeline->changed);
        pthread_mutex_unlock(&pipeline->lock);
    }
}

/// Stages the rows of output examples `first ..< end` into `rows`: runs of consecutive rows arrive
/// in one read each, rows between them are dropped.
static lutnet_read_status stage_rows(lutnet_idx_bit_stream *restrict stream, const uint32_t *restrict indices,
                                     size_t first, size_t end, uint8_t *restrict rows, uint64_t row_bytes,
                                     uint64_t *restrict next_row, uint64_t *restrict consumed,
                                     char *restrict message, size_t capacity) {
    uint64_t total = stream->header.element_count;
    lutnet_read_status status = LUTNET_READ_OK;
    for (size_t e = first; status == LUTNET_READ_OK && e < end;) {
        uint64_t row = indices[e];
        size_t run = 1;
        while (e + run < end && indices[e + run] == row + run) run++;
        status = take(stream, NULL, (row - *next_row) * row_bytes, total, consumed, message, capacity);
        if (status == LUTNET_READ_OK)
            status = take(stream, rows + (e - first) * row_bytes, run * row_bytes, total, consumed, message, capacity);
        *next_row = row + run;
        e += run;
    }
    return status;
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
    uint8_t *staging = chunk_rows > 0 ? malloc(2 * chunk_rows * row_bytes) : NULL;
    uint32_t *identity = chunk_rows > 0 ? malloc(chunk_rows * sizeof *identity) : NULL;
    if (chunk_rows > 0 && (staging == NULL || identity == NULL)) {
        free(staging);
        free(identity);
        lutnet_format_message(message, message_capacity, "%s: out of memory for %llu bytes of staged rows",
                              stream->path, (unsigned long long)(2 * chunk_rows * row_bytes));
        return LUTNET_READ_OUT_OF_MEMORY;
    }
    for (uint64_t i = 0; i < chunk_rows; i++) identity[i] = (uint32_t)i;
    packing_pipeline pipeline = {
        .chunks = {{.rows = staging}, {.rows = staging + chunk_rows * row_bytes}},
        .identity = identity, .row_bytes = row_bytes, .threshold = threshold, .bits = bits,
        .words_per_row = words_per_row,
    };
    // Packing runs on a thread of its own when there are two chunks or more and a thread can be
    // started; otherwise each chunk is packed as soon as it is staged.
    pthread_t packer;
    int pipelined = selected_count > chunk_rows && pthread_mutex_init(&pipeline.lock, NULL) == 0;
    if (pipelined && pthread_cond_init(&pipeline.changed, NULL) != 0) {
        pthread_mutex_destroy(&pipeline.lock);
        pipelined = 0;
    }
    if (pipelined && pthread_create(&packer, NULL, pack_chunks, &pipeline) != 0) {
        pthread_cond_destroy(&pipeline.changed);
        pthread_mutex_destroy(&pipeline.lock);
        pipelined = 0;
    }
    uint64_t consumed = 0, next_row = 0;
    unsigned next = 0;
    for (size_t first = 0; status == LUTNET_READ_OK && first < selected_count; first += chunk_rows, next ^= 1) {
        size_t end = selected_count - first < chunk_rows ? selected_count : first + chunk_rows;
        staged_chunk *chunk = &pipeline.chunks[next];
        if (pipelined) {
            pthread_mutex_lock(&pipeline.lock);
            while (chunk->full) pthread_cond_wait(&pipeline.changed, &pipeline.lock);
            pthread_mutex_unlock(&pipeline.lock);
        }
        status = stage_rows(stream, example_indices, first, end, chunk->rows, row_bytes, &next_row, &consumed,
                            message, message_capacity);
        if (status != LUTNET_READ_OK) break;
        chunk->first = first;
        chunk->count = end - first;
        if (!pipelined) {
            pack_chunk(&pipeline, chunk);
            continue;
        }
        pthread_mutex_lock(&pipeline.lock);
        chunk->full = 1;
        pthread_cond_broadcast(&pipeline.changed);
        pthread_mutex_unlock(&pipeline.lock);
    }
    if (pipelined) {
        pthread_mutex_lock(&pipeline.lock);
        pipeline.finished = 1;
        pthread_cond_broadcast(&pipeline.changed);
        pthread_mutex_unlock(&pipeline.lock);
        pthread_join(packer, NULL);
        pthread_cond_destroy(&pipeline.changed);
        pthread_mutex_destroy(&pipeline.lock);
    }
    free(staging);
    free(identity);
    if (status == LUTNET_READ_OK)
        status = take(stream, NULL, (rows - next_row) * row_bytes, total, &consumed, message, message_capacity);
    if (status == LUTNET_READ_OK)
        status = lutnet_idx_check_data_ends(stream->source, stream->path, total, message, message_capacity);
    return status;
}
