// Whole gzip-or-plain files through the gzip stream layer (see file_contents.h).
#include "file_contents.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gzip_stream.h"

/// The buffer starts as large as the file (at least this, at most the limit) and doubles as data
/// arrives, so a plain file is read into one allocation.
#define INITIAL_CAPACITY ((uint64_t)1 << 20)

static lutnet_file_status from_gzip(lutnet_gzip_outcome outcome) {
    switch (outcome) {
    case LUTNET_GZIP_OK: case LUTNET_GZIP_EMPTY: return LUTNET_FILE_OK;
    case LUTNET_GZIP_CANNOT_OPEN: return LUTNET_FILE_CANNOT_OPEN;
    case LUTNET_GZIP_NOT_GZIP: return LUTNET_FILE_NOT_GZIP;
    case LUTNET_GZIP_TRUNCATED: return LUTNET_FILE_GZIP_TRUNCATED;
    case LUTNET_GZIP_CORRUPT: return LUTNET_FILE_GZIP_CORRUPT;
    case LUTNET_GZIP_IO_ERROR: return LUTNET_FILE_READ_ERROR;
    case LUTNET_GZIP_OUT_OF_MEMORY: return LUTNET_FILE_OUT_OF_MEMORY;
    }
    return LUTNET_FILE_READ_ERROR;
}

static lutnet_file_status out_of_memory(const char *restrict path, uint64_t bytes,
                                        char *restrict message, size_t capacity) {
    lutnet_format_message(message, capacity, "%s: out of memory for %llu bytes", path,
                          (unsigned long long)bytes);
    return LUTNET_FILE_OUT_OF_MEMORY;
}

lutnet_file_status lutnet_file_read(const char *restrict path, uint64_t max_length,
                                    lutnet_file_contents *restrict out, char *restrict message,
                                    size_t message_capacity) {
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    if (out == NULL) {
        lutnet_format_message(message, message_capacity, "no output contents given");
        return LUTNET_FILE_CANNOT_OPEN;
    }
    memset(out, 0, sizeof *out);
    if (path == NULL) {
        lutnet_format_message(message, message_capacity, "no path given");
        return LUTNET_FILE_CANNOT_OPEN;
    }
    lutnet_gzip_stream *file = NULL;
    lutnet_gzip_outcome outcome = lutnet_gzip_open(path, lutnet_path_has_suffix(path, ".gz"), &file,
                                                   message, message_capacity);
    if (outcome == LUTNET_GZIP_EMPTY) {
        out->data = calloc(1, 1);
        if (out->data == NULL) return out_of_memory(path, 1, message, message_capacity);
        if (message != NULL && message_capacity > 0) message[0] = '\0';
        return LUTNET_FILE_OK;
    }
    if (outcome != LUTNET_GZIP_OK) return from_gzip(outcome);

    // Room for max_length + 1 bytes is enough to tell "at the limit" from "over it".
    uint64_t limit = max_length < UINT64_MAX - 1 ? max_length + 1 : max_length;
    struct stat info;
    uint64_t start = INITIAL_CAPACITY;
    if (stat(path, &info) == 0 && (uint64_t)info.st_size + 1 > start) start = (uint64_t)info.st_size + 1;
    uint64_t allocated = limit < start ? limit : start;
    uint8_t *buffer = malloc((size_t)allocated + 1);
    if (buffer == NULL) {
        lutnet_gzip_close(file);
        return out_of_memory(path, allocated + 1, message, message_capacity);
    }
    uint64_t filled = 0;
    lutnet_file_status status = LUTNET_FILE_OK;
    for (;;) {
        // A short read is the verified end of the data: every gzip trailer checked, nothing after.
        uint64_t got = 0;
        status = from_gzip(lutnet_gzip_read(file, buffer + filled, allocated - filled, &got,
                                            "the file", message, message_capacity));
        filled += got;
        if (status != LUTNET_FILE_OK || filled < allocated) break;
        if (filled >= limit) {
            lutnet_format_message(message, message_capacity,
                                  "%s: the contents are larger than %llu bytes", path,
                                  (unsigned long long)max_length);
            status = LUTNET_FILE_TOO_LARGE;
            break;
        }
        uint64_t grown = allocated * 2 < limit ? allocated * 2 : limit;
        uint8_t *larger = realloc(buffer, (size_t)grown + 1);
        if (larger == NULL) {
            status = out_of_memory(path, grown + 1, message, message_capacity);
            break;
        }
        buffer = larger;
        allocated = grown;
    }
    lutnet_gzip_close(file);
    if (status != LUTNET_FILE_OK) {
        free(buffer);
        return status;
    }
    buffer[filled] = 0;
    out->data = buffer;
    out->length = filled;
    return LUTNET_FILE_OK;
}

void lutnet_file_contents_free(lutnet_file_contents *contents) {
    if (contents == NULL) return;
    free(contents->data);
    memset(contents, 0, sizeof *contents);
}
