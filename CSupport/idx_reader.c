// Strict IDX reader over zlib's inflate: decompresses straight into the tensor's final buffer.
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
/// inflate takes an unsigned int output length; larger reads are split.
#define READ_CHUNK ((uint64_t)1 << 30)
/// Compressed input is read from the file in blocks of this size.
#define INPUT_SIZE ((size_t)256 << 10)

/// One file being read: plain bytes, or a gzip stream (one or more members) inflated by zlib.
typedef struct idx_source {
    const char *path;
    FILE *file;
    int gzip;             ///< 1 if the file starts with the gzip magic
    int inflating;        ///< 1 once inflateInit2 succeeded (inflateEnd is then due)
    int member_ended;     ///< the current gzip member has ended (trailer checked)
    int input_ended;      ///< the file has no more bytes to read
    z_stream stream;      ///< next_in / avail_in: unread input in `input`
    uint8_t *input;       ///< INPUT_SIZE bytes, owned by the source
} idx_source;

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

/// Reads more of the file until at least `wanted` input bytes are buffered or the file ends.
static lutnet_idx_status buffer_input(idx_source *source, size_t wanted, char *message,
                                      size_t capacity) {
    z_stream *stream = &source->stream;
    while (stream->avail_in < wanted && !source->input_ended) {
        if (stream->avail_in > 0 && stream->next_in != source->input)
            memmove(source->input, stream->next_in, stream->avail_in);
        size_t room = INPUT_SIZE - stream->avail_in;
        size_t got = fread(source->input + stream->avail_in, 1, room, source->file);
        if (got < room) {
            if (ferror(source->file))
                return fail(message, capacity, LUTNET_IDX_READ_ERROR, "%s: cannot read (%s)",
                            source->path, strerror(errno));
            source->input_ended = 1;
        }
        stream->next_in = source->input;
        stream->avail_in += (uInt)got;
    }
    return LUTNET_IDX_OK;
}

/// Opens `path`: refuses missing, unreadable and empty files and .gz files that are not gzip, and
/// prepares zlib for gzip files.
static lutnet_idx_status open_source(idx_source *source, const char *path, char *message,
                                     size_t capacity) {
    memset(source, 0, sizeof *source);
    source->path = path;
    source->file = fopen(path, "rb");
    if (source->file == NULL)
        return fail(message, capacity, LUTNET_IDX_CANNOT_OPEN, "%s: cannot open (%s)", path,
                    strerror(errno));
    source->input = malloc(INPUT_SIZE);
    if (source->input == NULL)
        return fail(message, capacity, LUTNET_IDX_OUT_OF_MEMORY,
                    "%s: out of memory for the input buffer", path);
    // A folder opens on Linux but cannot be read: buffer_input reports it as a read error.
    lutnet_idx_status status = buffer_input(source, 2, message, capacity);
    if (status != LUTNET_IDX_OK) return status;
    const uint8_t *head = source->stream.next_in;
    uInt got = source->stream.avail_in;
    if (got == 0)
        return fail(message, capacity, LUTNET_IDX_EMPTY_FILE, "%s: the file is empty", path);
    source->gzip = got >= 2 && head[0] == 0x1f && head[1] == 0x8b;
    if (!source->gzip && ends_with_gz(path))
        return fail(message, capacity, LUTNET_IDX_NOT_GZIP,
                    "%s: not a gzip file (starts with 0x%02x%02x, expected 0x1f8b)", path, head[0],
                    got >= 2 ? head[1] : 0);
    if (source->gzip) {
        int code = inflateInit2(&source->stream, 16 + MAX_WBITS); // gzip wrapper only
        if (code != Z_OK)
            return fail(message, capacity, code == Z_MEM_ERROR ? LUTNET_IDX_OUT_OF_MEMORY
                                                               : LUTNET_IDX_GZIP_CORRUPT,
                        "%s: cannot start gzip decoding (zlib: %s)", path,
                        source->stream.msg != NULL ? source->stream.msg : zError(code));
        source->inflating = 1;
    }
    return LUTNET_IDX_OK;
}

static void close_source(idx_source *source) {
    if (source->inflating) inflateEnd(&source->stream);
    if (source->file != NULL) fclose(source->file);
    free(source->input);
    memset(source, 0, sizeof *source);
}

/// After a gzip member: starts the next member, or, at the end of the file, reports the end of the
/// data (`*ended` = 1). Bytes that do not start a gzip member are refused as a damaged stream.
static lutnet_idx_status next_member(idx_source *source, int *ended, const char *what,
                                     char *message, size_t capacity) {
    z_stream *stream = &source->stream;
    lutnet_idx_status status = buffer_input(source, 2, message, capacity);
    if (status != LUTNET_IDX_OK) return status;
    *ended = stream->avail_in == 0;
    if (*ended) return LUTNET_IDX_OK;
    if (stream->avail_in >= 2 && stream->next_in[0] == 0x1f && stream->next_in[1] == 0x8b) {
        inflateReset(stream);
        source->member_ended = 0;
        return LUTNET_IDX_OK;
    }
    uint64_t extra = stream->avail_in;
    while (!source->input_ended) {
        stream->avail_in = 0;
        status = buffer_input(source, 1, message, capacity);
        if (status != LUTNET_IDX_OK) return status;
        extra += stream->avail_in;
    }
    return fail(message, capacity, LUTNET_IDX_GZIP_CORRUPT,
                "%s: corrupt gzip stream while reading %s: %llu %s after the end of the gzip data "
                "are not a gzip member", source->path, what, (unsigned long long)extra,
                extra == 1 ? "byte" : "bytes");
}

/// Inflates up to `length` bytes into `buffer`, straight from the file's input; `*done` says how
/// many arrived. Stops short only at the end of the last gzip member.
static lutnet_idx_status inflate_into(idx_source *source, uint8_t *buffer, uint64_t length,
                                      uint64_t *done, const char *what, char *message,
                                      size_t capacity) {
    z_stream *stream = &source->stream;
    while (*done < length) {
        lutnet_idx_status status;
        if (source->member_ended) {
            int ended = 0;
            status = next_member(source, &ended, what, message, capacity);
            if (status != LUTNET_IDX_OK || ended) return status;
        }
        status = buffer_input(source, 1, message, capacity);
        if (status != LUTNET_IDX_OK) return status;
        if (stream->avail_in == 0)
            return fail(message, capacity, LUTNET_IDX_GZIP_TRUNCATED,
                        "%s: truncated gzip stream while reading %s (zlib: unexpected end of file)",
                        source->path, what);
        uint64_t want = length - *done < READ_CHUNK ? length - *done : READ_CHUNK;
        stream->next_out = buffer + *done;
        stream->avail_out = (uInt)want;
        uInt input_before = stream->avail_in;
        int code = inflate(stream, Z_NO_FLUSH);
        *done += want - stream->avail_out;
        // With input and room for output, no progress at all means the stream cannot go on.
        if (code == Z_BUF_ERROR && stream->avail_in == input_before && stream->avail_out == want)
            code = Z_DATA_ERROR;
        switch (code) {
        case Z_OK: case Z_BUF_ERROR: break; // progress; more input or output room is needed
        case Z_STREAM_END: source->member_ended = 1; break;
        case Z_MEM_ERROR:
            return fail(message, capacity, LUTNET_IDX_OUT_OF_MEMORY,
                        "%s: out of memory while decompressing %s", source->path, what);
        default:
            return fail(message, capacity, LUTNET_IDX_GZIP_CORRUPT,
                        "%s: corrupt gzip stream while reading %s (zlib: %s)", source->path, what,
                        stream->msg != NULL ? stream->msg : zError(code));
        }
    }
    return LUTNET_IDX_OK;
}

/// Reads up to `length` bytes of the (decompressed) data into `buffer`; `*done` says how many
/// arrived, fewer only at the end of the data.
static lutnet_idx_status read_bytes(idx_source *source, uint8_t *buffer, uint64_t length,
                                    uint64_t *done, const char *what, char *message,
                                    size_t capacity) {
    *done = 0;
    if (source->gzip) return inflate_into(source, buffer, length, done, what, message, capacity);
    z_stream *stream = &source->stream; // plain files keep their first bytes here too
    uint64_t buffered = stream->avail_in < length ? stream->avail_in : length;
    memcpy(buffer, stream->next_in, (size_t)buffered);
    stream->next_in += buffered;
    stream->avail_in -= (uInt)buffered;
    *done = buffered;
    if (*done < length && !source->input_ended) {
        size_t got = fread(buffer + *done, 1, (size_t)(length - *done), source->file);
        *done += got;
        if (*done < length) {
            if (ferror(source->file))
                return fail(message, capacity, LUTNET_IDX_READ_ERROR,
                            "%s: read error while reading %s (%s)", source->path, what,
                            strerror(errno));
            source->input_ended = 1;
        }
    }
    return LUTNET_IDX_OK;
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

static lutnet_idx_status read_header(idx_source *source, lutnet_idx_tensor *tensor, char *message,
                                     size_t capacity) {
    const char *path = source->path;
    uint8_t magic[4];
    uint64_t got = 0;
    lutnet_idx_status status = read_bytes(source, magic, 4, &got, "the header", message, capacity);
    if (status != LUTNET_IDX_OK) return status;
    if (got != 4)
        return fail(message, capacity, LUTNET_IDX_TRUNCATED_HEADER,
                    "%s: file ends inside the IDX header (expected 4 bytes)", path);
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
    status = read_bytes(source, dims, dim_bytes, &got, "the header", message, capacity);
    if (status != LUTNET_IDX_OK) return status;
    if (got != dim_bytes)
        return fail(message, capacity, LUTNET_IDX_TRUNCATED_HEADER,
                    "%s: file ends inside the IDX header (expected %llu bytes)", path,
                    (unsigned long long)(4 + dim_bytes));
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

static lutnet_idx_status read_payload(idx_source *source, lutnet_idx_tensor *tensor,
                                      char *message, size_t capacity) {
    const char *path = source->path;
    size_t size = lutnet_idx_element_size(tensor->element_type);
    uint64_t total = tensor->element_count * size;
    uint64_t allocated = total < INITIAL_CAPACITY ? total : INITIAL_CAPACITY;
    uint8_t *buffer = malloc((size_t)allocated);
    if (buffer == NULL)
        return fail(message, capacity, LUTNET_IDX_OUT_OF_MEMORY,
                    "%s: out of memory for %llu bytes of IDX data", path, (unsigned long long)allocated);
    uint64_t filled = 0;
    lutnet_idx_status status;
    for (;;) {
        uint64_t got = 0;
        status = read_bytes(source, buffer + filled, allocated - filled, &got, "the data", message,
                            capacity);
        filled += got;
        if (status != LUTNET_IDX_OK || filled < allocated || filled == total) break;
        uint64_t grown = allocated * 2 < total ? allocated * 2 : total;
        uint8_t *larger = realloc(buffer, (size_t)grown);
        if (larger == NULL) {
            status = fail(message, capacity, LUTNET_IDX_OUT_OF_MEMORY,
                          "%s: out of memory for %llu bytes of IDX data", path,
                          (unsigned long long)grown);
            break;
        }
        buffer = larger;
        allocated = grown;
    }
    if (status == LUTNET_IDX_OK && filled < total)
        status = fail(message, capacity, LUTNET_IDX_TRUNCATED_DATA,
                      "%s: IDX data is truncated: the header says %llu bytes, the file has %llu", path,
                      (unsigned long long)total, (unsigned long long)filled);
    // The payload must end exactly here; reading on also verifies each gzip trailer (CRC, length).
    uint64_t trailing = 0;
    while (status == LUTNET_IDX_OK) {
        uint8_t extra[4096];
        uint64_t got = 0;
        status = read_bytes(source, extra, sizeof extra, &got, "the data", message, capacity);
        if (got == 0) break;
        trailing += got;
    }
    if (status == LUTNET_IDX_OK && trailing > 0)
        status = fail(message, capacity, LUTNET_IDX_TRAILING_DATA,
                      "%s: %llu trailing %s after the %llu bytes of IDX data the header describes",
                      path, (unsigned long long)trailing, trailing == 1 ? "byte" : "bytes",
                      (unsigned long long)total);
    if (status != LUTNET_IDX_OK) {
        free(buffer);
        return status;
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
    idx_source source;
    lutnet_idx_status status = open_source(&source, path, message, message_capacity);
    lutnet_idx_tensor tensor;
    memset(&tensor, 0, sizeof tensor);
    if (status == LUTNET_IDX_OK) status = read_header(&source, &tensor, message, message_capacity);
    if (status == LUTNET_IDX_OK) status = read_payload(&source, &tensor, message, message_capacity);
    close_source(&source);
    if (status == LUTNET_IDX_OK) *out = tensor;
    return status;
}

void lutnet_idx_tensor_free(lutnet_idx_tensor *tensor) {
    if (tensor == NULL) return;
    free(tensor->data);
    memset(tensor, 0, sizeof *tensor);
}
