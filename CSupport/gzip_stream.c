// Opening gzip-or-plain files and classifying zlib's failures (see gzip_stream.h).
#include "gzip_stream.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/// gzread takes an unsigned int length; larger reads are split.
#define READ_CHUNK ((uint64_t)1 << 30)

void lutnet_format_message(char *message, size_t capacity, const char *format, ...) {
    if (message == NULL || capacity == 0) return;
    va_list args;
    va_start(args, format);
    vsnprintf(message, capacity, format, args);
    va_end(args);
}

int lutnet_path_has_suffix(const char *path, const char *suffix) {
    size_t length = strlen(path), tail = strlen(suffix);
    return length >= tail && strcmp(path + length - tail, suffix) == 0;
}

lutnet_gzip_outcome lutnet_gzip_open(const char *path, int require_gzip, gzFile *out,
                                     char *message, size_t capacity) {
    *out = NULL;
    FILE *raw = fopen(path, "rb");
    if (raw == NULL) {
        lutnet_format_message(message, capacity, "%s: cannot open (%s)", path, strerror(errno));
        return LUTNET_GZIP_CANNOT_OPEN;
    }
    unsigned char head[2] = {0, 0};
    size_t got = fread(head, 1, 2, raw);
    fclose(raw);
    if (got == 0) {
        lutnet_format_message(message, capacity, "%s: the file is empty", path);
        return LUTNET_GZIP_EMPTY;
    }
    int gzip = got == 2 && head[0] == 0x1f && head[1] == 0x8b;
    if (!gzip && require_gzip) {
        lutnet_format_message(message, capacity,
                              "%s: not a gzip file (starts with 0x%02x%02x, expected 0x1f8b)", path,
                              head[0], got == 2 ? head[1] : 0);
        return LUTNET_GZIP_NOT_GZIP;
    }
    gzFile file = gzopen(path, "rb");
    if (file == NULL) {
        lutnet_format_message(message, capacity, "%s: cannot open (%s)", path, strerror(errno));
        return LUTNET_GZIP_CANNOT_OPEN;
    }
    gzbuffer(file, 256 * 1024);
    *out = file;
    return LUTNET_GZIP_OK;
}

int64_t lutnet_gzip_read(gzFile file, void *buffer, uint64_t length) {
    uint8_t *bytes = buffer;
    uint64_t done = 0;
    while (done < length) {
        uint64_t want = length - done < READ_CHUNK ? length - done : READ_CHUNK;
        int got = gzread(file, bytes + done, (unsigned)want);
        if (got < 0) return -1;
        if (got == 0) break;
        done += (uint64_t)got;
    }
    return (int64_t)done;
}

lutnet_gzip_outcome lutnet_gzip_failure(gzFile file, const char *path, const char *what,
                                        char *message, size_t capacity) {
    int code = Z_OK;
    const char *reason = gzerror(file, &code);
    if (code == Z_OK || code == Z_STREAM_END) return LUTNET_GZIP_OK;
    // zlib prefixes its reason with the path given to gzopen; the message names the file already.
    size_t path_length = strlen(path);
    if (strncmp(reason, path, path_length) == 0 && strncmp(reason + path_length, ": ", 2) == 0)
        reason += path_length + 2;
    if (code == Z_BUF_ERROR) {
        lutnet_format_message(message, capacity,
                              "%s: truncated gzip stream while reading %s (zlib: %s)", path, what,
                              reason);
        return LUTNET_GZIP_TRUNCATED;
    }
    if (code == Z_ERRNO) {
        lutnet_format_message(message, capacity, "%s: read error while reading %s (%s)", path, what,
                              strerror(errno));
        return LUTNET_GZIP_IO_ERROR;
    }
    lutnet_format_message(message, capacity, "%s: corrupt gzip stream while reading %s (zlib: %s)",
                          path, what, reason);
    return LUTNET_GZIP_CORRUPT;
}

lutnet_gzip_outcome lutnet_gzip_drain(gzFile file, const char *path, const char *what, uint64_t *left,
                                      char *message, size_t capacity) {
    uint8_t scratch[16384];
    uint64_t total = 0;
    for (;;) {
        int got = gzread(file, scratch, sizeof scratch);
        if (got <= 0) break;
        total += (uint64_t)got;
    }
    if (left != NULL) *left = total;
    return lutnet_gzip_failure(file, path, what, message, capacity);
}
