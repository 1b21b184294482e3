// Whole gzip-or-plain files through the gzip stream layer (see file_contents.h).
#include "file_contents.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gzip_stream.h"

/// The buffer starts as large as the file (at least this, at most the limit) and doubles as data
/// arrives, so a plain file is read into one allocation.
#define INITIAL_CAPACITY ((uint64_t)1 << 20)

static lutnet_read_status out_of_memory(const char *restrict path, uint64_t bytes,
                                        char *restrict message, size_t capacity) {
    lutnet_format_message(message, capacity, "%s: out of memory for %llu bytes", path,
                          (unsigned long long)bytes);
    return LUTNET_READ_OUT_OF_MEMORY;
}

lutnet_read_status lutnet_file_read(const char *restrict path, uint64_t max_length,
                                    lutnet_file_contents *restrict out, char *restrict message,
                                    size_t message_capacity) {
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    if (out == NULL) {
        lutnet_format_message(message, message_capacity, "no output contents given");
        return LUTNET_READ_CANNOT_OPEN;
    }
    memset(out, 0, sizeof *out);
    if (path == NULL) {
        lutnet_format_message(message, message_capacity, "no path given");
        return LUTNET_READ_CANNOT_OPEN;
    }
    lutnet_gzip_stream *file = NULL;
    lutnet_read_status outcome = lutnet_gzip_open(path, lutnet_path_has_suffix(path, ".gz"), &file,
                                                   message, message_capacity);
    if (outcome == LUTNET_READ_EMPTY_FILE) {
        out->data = calloc(1, 1);
        if (out->data == NULL) return out_of_memory(path, 1, message, message_capacity);
        if (message != NULL && message_capacity > 0) message[0] = '\0';
        return LUTNET_READ_OK;
    }
    if (outcome != LUTNET_READ_OK) return outcome;

    // Room for max_length + 1 bytes is enough to tell "at the limit" from "over it".
    uint64_t limit = max_length < UINT64_MAX - 1 ? max_length + 1 : max_length;
    struct stat info;
    uint64_t start = INITIAL_CAPACITY;
    if (stat(path, &info) == 0 && (uint64_t)info.st_size + 1 > start) start = (uint64_t)info.st_size + 1;
    uint8_t *buffer = NULL;
    uint64_t filled = 0, wanted = 0;
    // A short read is the verified end of the data: every gzip trailer checked, nothing after.
    lutnet_read_status status = lutnet_gzip_read_growing(file, start, limit, 1, &buffer, &filled, &wanted,
                                                         "the file", message, message_capacity);
    if (status == LUTNET_READ_OUT_OF_MEMORY) status = out_of_memory(path, wanted, message, message_capacity);
    if (status == LUTNET_READ_OK && filled >= limit) {
        lutnet_format_message(message, message_capacity, "%s: the contents are larger than %llu bytes", path,
                              (unsigned long long)max_length);
        status = LUTNET_READ_TOO_LARGE;
    }
    lutnet_gzip_close(file);
    if (status != LUTNET_READ_OK) {
        free(buffer);
        return status;
    }
    buffer[filled] = 0;
    out->data = buffer;
    out->length = filled;
    return LUTNET_READ_OK;
}

void lutnet_file_contents_free(lutnet_file_contents *contents) {
    if (contents == NULL) return;
    free(contents->data);
    memset(contents, 0, sizeof *contents);
}
