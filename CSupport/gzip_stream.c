// Gzip-or-plain files as byte streams over zlib's inflate (see gzip_stream.h).
// strerror_r is POSIX: ask for it explicitly, as a strict C11 build declares only ISO C.
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200112L
#undef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "gzip_stream.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

/// Compressed (or plain) input is read from the file in blocks of this size.
#define INPUT_SIZE ((size_t)256 << 10)
/// inflate takes an unsigned int output length; larger reads are split.
#define READ_CHUNK ((uint64_t)1 << 30)
/// Deflate's largest expansion: a 258-byte match coded in two bits gives 1,032 bytes per byte.
#define MAX_INFLATE_RATIO ((uint64_t)1032)
/// Skipped and drained bytes are inflated into a scratch buffer of this size on the stack.
#define SCRATCH_SIZE ((size_t)16 << 10)

struct lutnet_gzip_stream {
    const char *path;  ///< borrowed from the caller, for messages
    FILE *file;
    bool gzip;         ///< the file starts with the gzip magic
    bool inflating;    ///< inflateInit2 succeeded (inflateEnd is then due)
    bool member_ended; ///< the current gzip member has ended (its trailer verified)
    bool input_ended;  ///< the file has no more bytes to read
    z_stream zlib;     ///< next_in / avail_in: unread bytes of `input` (plain files use them too)
    uint8_t input[];   ///< INPUT_SIZE bytes, allocated with the stream
};

void lutnet_format_message(char *restrict message, size_t capacity, const char *restrict format, ...) {
    if (message == NULL || capacity == 0) return;
    va_list args;
    va_start(args, format);
    vsnprintf(message, capacity, format, args);
    va_end(args);
}

/// The system's description of the error `code`, written into `buffer` when it is not a fixed
/// string (strerror shares one buffer between threads; strerror_r does not). strerror_r comes in
/// two forms: XSI (POSIX), which returns 0 and fills the buffer, and GNU (glibc with _GNU_SOURCE),
/// which returns the text; `SYSTEM_ERROR_TEXT` takes whichever the C library declares.
static const char *xsi_error_text(int result, const char *buffer) {
    return result == 0 ? buffer : "unknown error";
}

static const char *gnu_error_text(const char *result, const char *buffer) {
    (void)buffer;
    return result != NULL ? result : "unknown error";
}

#define SYSTEM_ERROR_TEXT(code, buffer)                                                            \
    _Generic(strerror_r((code), (buffer), sizeof(buffer)),                                          \
             char *: gnu_error_text, default: xsi_error_text)(                                     \
        strerror_r((code), (buffer), sizeof(buffer)), (buffer))

/// Room for a system error's description.
#define ERROR_TEXT_SIZE 256

bool lutnet_path_has_suffix(const char *restrict path, const char *restrict suffix) {
    size_t length = strlen(path), tail = strlen(suffix);
    return length >= tail && strcmp(path + length - tail, suffix) == 0;
}

/// Reads more of the file until at least `wanted` bytes are buffered or the file ends. Failures
/// are reported for `what` ("cannot read" when `what` is NULL: the stream is being opened).
static lutnet_read_status buffer_input(lutnet_gzip_stream *restrict stream, size_t wanted,
                                       const char *restrict what, char *restrict message,
                                       size_t capacity) {
    z_stream *zlib = &stream->zlib;
    while (zlib->avail_in < wanted && !stream->input_ended) {
        if (zlib->avail_in > 0 && zlib->next_in != stream->input)
            memmove(stream->input, zlib->next_in, zlib->avail_in);
        size_t room = INPUT_SIZE - zlib->avail_in;
        size_t got = fread(stream->input + zlib->avail_in, 1, room, stream->file);
        if (got < room) {
            if (ferror(stream->file)) {
                int code = errno;
                char text[ERROR_TEXT_SIZE];
                if (what == NULL)
                    lutnet_format_message(message, capacity, "%s: cannot read (%s)", stream->path,
                                          SYSTEM_ERROR_TEXT(code, text));
                else
                    lutnet_format_message(message, capacity, "%s: read error while reading %s (%s)",
                                          stream->path, what, SYSTEM_ERROR_TEXT(code, text));
                return LUTNET_READ_IO_ERROR;
            }
            stream->input_ended = true;
        }
        zlib->next_in = stream->input;
        zlib->avail_in += (uInt)got;
    }
    return LUTNET_READ_OK;
}

/// Opens the file and looks at its first bytes; the stream is closed by the caller on failure.
static lutnet_read_status start(lutnet_gzip_stream *restrict stream, bool require_gzip,
                                char *restrict message, size_t capacity) {
    const char *path = stream->path;
    stream->file = fopen(path, "rb");
    if (stream->file == NULL) {
        int code = errno;
        char text[ERROR_TEXT_SIZE];
        lutnet_format_message(message, capacity, "%s: cannot open (%s)", path, SYSTEM_ERROR_TEXT(code, text));
        return LUTNET_READ_CANNOT_OPEN;
    }
    // A folder opens on Linux but cannot be read: buffer_input reports it.
    lutnet_read_status outcome = buffer_input(stream, 2, NULL, message, capacity);
    if (outcome != LUTNET_READ_OK) return outcome;
    const uint8_t *head = stream->zlib.next_in;
    uInt got = stream->zlib.avail_in;
    if (got == 0) {
        lutnet_format_message(message, capacity, "%s: the file is empty", path);
        return LUTNET_READ_EMPTY_FILE;
    }
    stream->gzip = got >= 2 && head[0] == 0x1f && head[1] == 0x8b;
    if (!stream->gzip && require_gzip) {
        if (got >= 2)
            lutnet_format_message(message, capacity,
                                  "%s: not a gzip file (starts with 0x%02x%02x, expected 0x1f8b)", path,
                                  head[0], head[1]);
        else
            lutnet_format_message(message, capacity,
                                  "%s: not a gzip file (one byte, 0x%02x, where a gzip file starts with 0x1f8b)",
                                  path, head[0]);
        return LUTNET_READ_NOT_GZIP;
    }
    if (!stream->gzip) return LUTNET_READ_OK;
    int code = inflateInit2(&stream->zlib, 16 + MAX_WBITS); // the gzip wrapper only
    if (code != Z_OK) {
        lutnet_format_message(message, capacity, "%s: cannot start gzip decoding (zlib: %s)", path,
                              stream->zlib.msg != NULL ? stream->zlib.msg : zError(code));
        return code == Z_MEM_ERROR ? LUTNET_READ_OUT_OF_MEMORY : LUTNET_READ_GZIP_CORRUPT;
    }
    stream->inflating = true;
    return LUTNET_READ_OK;
}

lutnet_read_status lutnet_gzip_open(const char *restrict path, bool require_gzip,
                                    lutnet_gzip_stream **restrict out, char *restrict message,
                                    size_t capacity) {
    *out = NULL;
    lutnet_gzip_stream *stream = malloc(sizeof *stream + INPUT_SIZE);
    if (stream == NULL) {
        lutnet_format_message(message, capacity, "%s: out of memory for the input buffer", path);
        return LUTNET_READ_OUT_OF_MEMORY;
    }
    memset(stream, 0, sizeof *stream);
    stream->path = path;
    stream->zlib.next_in = stream->input;
    lutnet_read_status outcome = start(stream, require_gzip, message, capacity);
    if (outcome != LUTNET_READ_OK) {
        lutnet_gzip_close(stream);
        return outcome;
    }
    *out = stream;
    return LUTNET_READ_OK;
}

bool lutnet_gzip_is_compressed(const lutnet_gzip_stream *stream) { return stream->gzip; }

uint64_t lutnet_gzip_max_data_bytes(const lutnet_gzip_stream *stream) {
    struct stat info;
    if (fstat(fileno(stream->file), &info) != 0 || !S_ISREG(info.st_mode) || info.st_size < 0) return UINT64_MAX;
    uint64_t size = (uint64_t)info.st_size;
    if (!stream->gzip) return size;
    return size > UINT64_MAX / MAX_INFLATE_RATIO ? UINT64_MAX : size * MAX_INFLATE_RATIO;
}

void lutnet_gzip_close(lutnet_gzip_stream *stream) {
    if (stream == NULL) return;
    if (stream->inflating) inflateEnd(&stream->zlib);
    if (stream->file != NULL) fclose(stream->file);
    free(stream);
}

/// After a gzip member: starts the next member, or, at the end of the file, reports the end of the
/// data (`*ended`). Bytes that do not start a gzip member are counted to the end of the file and
/// refused.
static lutnet_read_status next_member(lutnet_gzip_stream *restrict stream, bool *restrict ended,
                                      const char *restrict what, char *restrict message,
                                      size_t capacity) {
    z_stream *zlib = &stream->zlib;
    lutnet_read_status outcome = buffer_input(stream, 2, what, message, capacity);
    if (outcome != LUTNET_READ_OK) return outcome;
    *ended = zlib->avail_in == 0;
    if (*ended) return LUTNET_READ_OK;
    if (zlib->avail_in >= 2 && zlib->next_in[0] == 0x1f && zlib->next_in[1] == 0x8b) {
        inflateReset(zlib);
        stream->member_ended = false;
        return LUTNET_READ_OK;
    }
    uint64_t extra = zlib->avail_in;
    while (!stream->input_ended) {
        zlib->avail_in = 0;
        outcome = buffer_input(stream, 1, what, message, capacity);
        if (outcome != LUTNET_READ_OK) return outcome;
        extra += zlib->avail_in;
    }
    zlib->avail_in = 0;
    lutnet_format_message(message, capacity,
                          "%s: corrupt gzip stream while reading %s: %llu %s after the end of the "
                          "gzip data are not a gzip member", stream->path, what,
                          (unsigned long long)extra, extra == 1 ? "byte" : "bytes");
    return LUTNET_READ_GZIP_CORRUPT;
}

/// Inflates up to `length` bytes into `buffer`, straight from the file's input; adds to `*done`
/// what arrived. Stops short only at the end of the last gzip member.
static lutnet_read_status inflate_into(lutnet_gzip_stream *restrict stream,
                                       uint8_t *restrict buffer, uint64_t length,
                                       uint64_t *restrict done, const char *restrict what,
                                       char *restrict message, size_t capacity) {
    z_stream *zlib = &stream->zlib;
    uint64_t filled = 0;
    lutnet_read_status outcome = LUTNET_READ_OK;
    while (filled < length) {
        if (stream->member_ended) {
            bool ended = false;
            outcome = next_member(stream, &ended, what, message, capacity);
            if (outcome != LUTNET_READ_OK || ended) break;
        }
        outcome = buffer_input(stream, 1, what, message, capacity);
        if (outcome != LUTNET_READ_OK) break;
        if (zlib->avail_in == 0) {
            lutnet_format_message(message, capacity,
                                  "%s: truncated gzip stream while reading %s (zlib: unexpected end "
                                  "of file)", stream->path, what);
            outcome = LUTNET_READ_GZIP_TRUNCATED;
            break;
        }
        uint64_t want = length - filled < READ_CHUNK ? length - filled : READ_CHUNK;
        zlib->next_out = buffer + filled;
        zlib->avail_out = (uInt)want;
        uInt input_before = zlib->avail_in;
        int code = inflate(zlib, Z_NO_FLUSH);
        filled += want - zlib->avail_out;
        // With input and room for output, no progress at all means the stream cannot go on.
        if (code == Z_BUF_ERROR && zlib->avail_in == input_before && zlib->avail_out == want)
            code = Z_DATA_ERROR;
        if (code == Z_OK || code == Z_BUF_ERROR) continue; // more input or output room is needed
        if (code == Z_STREAM_END) {
            stream->member_ended = true;
            continue;
        }
        if (code == Z_MEM_ERROR) {
            lutnet_format_message(message, capacity, "%s: out of memory while decompressing %s",
                                  stream->path, what);
            outcome = LUTNET_READ_OUT_OF_MEMORY;
        } else {
            lutnet_format_message(message, capacity,
                                  "%s: corrupt gzip stream while reading %s (zlib: %s)",
                                  stream->path, what, zlib->msg != NULL ? zlib->msg : zError(code));
            outcome = LUTNET_READ_GZIP_CORRUPT;
        }
        break;
    }
    *done += filled;
    return outcome;
}

/// Copies up to `length` bytes of a plain file into `buffer`: first what is buffered, then large
/// remainders straight from the file, small ones through the input block. Adds to `*done`.
static lutnet_read_status copy_into(lutnet_gzip_stream *restrict stream, uint8_t *restrict buffer,
                                    uint64_t length, uint64_t *restrict done,
                                    const char *restrict what, char *restrict message,
                                    size_t capacity) {
    z_stream *zlib = &stream->zlib;
    uint64_t filled = 0;
    lutnet_read_status outcome = LUTNET_READ_OK;
    while (filled < length) {
        if (zlib->avail_in > 0) {
            uint64_t part = length - filled < zlib->avail_in ? length - filled : zlib->avail_in;
            memcpy(buffer + filled, zlib->next_in, (size_t)part);
            zlib->next_in += part;
            zlib->avail_in -= (uInt)part;
            filled += part;
        } else if (stream->input_ended) {
            break;
        } else if (length - filled >= INPUT_SIZE) {
            size_t want = (size_t)(length - filled);
            size_t got = fread(buffer + filled, 1, want, stream->file);
            filled += got;
            if (got < want) {
                if (ferror(stream->file)) {
                    int code = errno;
                    char text[ERROR_TEXT_SIZE];
                    lutnet_format_message(message, capacity,
                                          "%s: read error while reading %s (%s)", stream->path,
                                          what, SYSTEM_ERROR_TEXT(code, text));
                    outcome = LUTNET_READ_IO_ERROR;
                    break;
                }
                stream->input_ended = true;
            }
        } else {
            outcome = buffer_input(stream, 1, what, message, capacity);
            if (outcome != LUTNET_READ_OK) break;
        }
    }
    *done += filled;
    return outcome;
}

lutnet_read_status lutnet_gzip_read(lutnet_gzip_stream *restrict stream, void *restrict buffer,
                                    uint64_t length, uint64_t *restrict done,
                                    const char *restrict what, char *restrict message,
                                    size_t capacity) {
    *done = 0;
    if (stream->gzip) return inflate_into(stream, buffer, length, done, what, message, capacity);
    return copy_into(stream, buffer, length, done, what, message, capacity);
}

lutnet_read_status lutnet_gzip_skip(lutnet_gzip_stream *restrict stream, uint64_t length,
                                    uint64_t *restrict skipped, const char *restrict what,
                                    char *restrict message, size_t capacity) {
    uint8_t scratch[SCRATCH_SIZE];
    uint64_t total = 0;
    lutnet_read_status outcome = LUTNET_READ_OK;
    while (total < length) {
        uint64_t want = length - total < SCRATCH_SIZE ? length - total : SCRATCH_SIZE;
        uint64_t got = 0;
        outcome = lutnet_gzip_read(stream, scratch, want, &got, what, message, capacity);
        total += got;
        if (outcome != LUTNET_READ_OK || got < want) break;
    }
    if (skipped != NULL) *skipped = total;
    return outcome;
}

lutnet_read_status lutnet_gzip_drain(lutnet_gzip_stream *restrict stream, uint64_t *restrict left,
                                     const char *restrict what, char *restrict message,
                                     size_t capacity) {
    return lutnet_gzip_skip(stream, UINT64_MAX, left, what, message, capacity);
}

lutnet_read_status lutnet_gzip_read_growing(lutnet_gzip_stream *restrict stream, uint64_t initial,
                                            uint64_t limit, uint64_t spare, uint8_t **restrict out,
                                            uint64_t *restrict filled, uint64_t *restrict wanted,
                                            const char *restrict what, char *restrict message,
                                            size_t capacity) {
    *out = NULL;
    *filled = 0;
    *wanted = 0;
    uint64_t allocated = initial < limit ? initial : limit;
    uint8_t *buffer = malloc((size_t)(allocated + spare));
    if (buffer == NULL) {
        *wanted = allocated + spare;
        return LUTNET_READ_OUT_OF_MEMORY;
    }
    uint64_t done = 0;
    lutnet_read_status status;
    for (;;) {
        uint64_t got = 0;
        status = lutnet_gzip_read(stream, buffer + done, allocated - done, &got, what, message,
                                  capacity);
        done += got;
        // A short read is the end of the data; a full buffer at the limit is as far as it goes.
        if (status != LUTNET_READ_OK || done < allocated || done == limit) break;
        uint64_t grown = allocated * 2 < limit ? allocated * 2 : limit;
        uint8_t *larger = realloc(buffer, (size_t)(grown + spare));
        if (larger == NULL) {
            *wanted = grown + spare;
            status = LUTNET_READ_OUT_OF_MEMORY;
            break;
        }
        buffer = larger;
        allocated = grown;
    }
    if (status != LUTNET_READ_OK) {
        free(buffer);
        return status;
    }
    *out = buffer;
    *filled = done;
    return LUTNET_READ_OK;
}
