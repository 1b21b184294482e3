// Streaming tar reader over the gzip stream layer (see tar_reader.h).
#include "tar_reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gzip_stream.h"
#include "read_status.h"

#define BLOCK 512
/// The largest pax extended header the reader accepts (they hold a few short records).
#define PAX_CAPACITY 16384

/// A copy of `text` in memory of its own (the caller frees it), or NULL when memory runs out.
static char *copy_string(const char *text) {
    size_t size = strlen(text) + 1;
    char *copy = malloc(size);
    if (copy != NULL) memcpy(copy, text, size);
    return copy;
}

static uint64_t padding_of(uint64_t size) { return (BLOCK - size % BLOCK) % BLOCK; }

/// Reads exactly `length` bytes straight into `buffer`. On a short read returns the stream's failure
/// if there was one, else LUTNET_READ_TAR_TRUNCATED with `*got` set (the caller describes where the
/// archive ended).
static lutnet_read_status read_exact(lutnet_tar_reader *restrict reader, void *restrict buffer,
                                     uint64_t length, const char *restrict what,
                                     uint64_t *restrict got, char *restrict message, size_t capacity) {
    uint64_t read = 0;
    lutnet_read_status outcome = lutnet_gzip_read(reader->stream, buffer, length, &read, what,
                                                   message, capacity);
    reader->offset += read;
    if (got != NULL) *got = read;
    if (outcome != LUTNET_READ_OK) return outcome;
    return read == length ? LUTNET_READ_OK : LUTNET_READ_TAR_TRUNCATED;
}

/// Skips `length` bytes of the current entry's data and padding.
static lutnet_read_status skip(lutnet_tar_reader *restrict reader, uint64_t length,
                               char *restrict message, size_t capacity) {
    uint64_t skipped = 0;
    lutnet_read_status outcome = lutnet_gzip_skip(reader->stream, length, &skipped,
                                                   reader->current, message, capacity);
    reader->offset += skipped;
    if (outcome != LUTNET_READ_OK) return outcome;
    if (skipped == length) return LUTNET_READ_OK;
    lutnet_format_message(message, capacity,
                          "%s: tar archive is truncated: it ends inside the data of '%s'",
                          reader->path, reader->current);
    return LUTNET_READ_TAR_TRUNCATED;
}

static int all_zero(const uint8_t *bytes, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (bytes[i] != 0) return 0;
    return 1;
}

/// Parses an octal field: optional leading spaces, digits, then spaces or NULs. An empty field is 0.
static int parse_octal(const uint8_t *field, size_t width, uint64_t *value) {
    size_t i = 0;
    uint64_t result = 0;
    while (i < width && field[i] == ' ') i++;
    for (; i < width && field[i] >= '0' && field[i] <= '7'; i++) {
        if (result >> 60) return 0;
        result = result * 8 + (uint64_t)(field[i] - '0');
    }
    for (; i < width; i++)
        if (field[i] != ' ' && field[i] != 0) return 0;
    *value = result;
    return 1;
}

/// Parses a numeric field: octal, or GNU base-256 when the first byte has its high bit set.
static int parse_number(const uint8_t *field, size_t width, uint64_t *value) {
    if ((field[0] & 0x80) == 0) return parse_octal(field, width, value);
    if (field[0] != 0x80) return 0; // negative numbers are meaningless for sizes
    uint64_t result = 0;
    for (size_t i = 1; i < width; i++) {
        if (result >> 56) return 0;
        result = result << 8 | field[i];
    }
    *value = result;
    return 1;
}

/// Copies a NUL-padded header field into `out` (capacity at least width + 1).
static void copy_field(char *out, const uint8_t *field, size_t width) {
    size_t length = 0;
    while (length < width && field[length] != 0) length++;
    memcpy(out, field, length);
    out[length] = '\0';
}

static int printable(const char *text) {
    for (const char *c = text; *c != '\0'; c++)
        if ((unsigned char)*c < 0x20 || (unsigned char)*c > 0x7e) return 0;
    return 1;
}

static lutnet_read_status check_checksum(const lutnet_tar_reader *reader, const uint8_t *header,
                                         uint64_t header_offset, char *message, size_t capacity) {
    uint64_t unsigned_sum = 0;
    int64_t signed_sum = 0;
    for (size_t i = 0; i < BLOCK; i++) {
        uint8_t byte = i >= 148 && i < 156 ? ' ' : header[i];
        unsigned_sum += byte;
        signed_sum += (int8_t)byte;
    }
    uint64_t stored = 0;
    int parsed = parse_octal(header + 148, 8, &stored);
    if (parsed && (stored == unsigned_sum || (int64_t)stored == signed_sum)) return LUTNET_READ_OK;
    char name[101];
    copy_field(name, header, 100);
    if (header_offset == 0 && !parsed)
        lutnet_format_message(message, capacity,
                              "%s: not a tar archive (the first 512 bytes are not a tar header)",
                              reader->path);
    else if (name[0] != '\0' && printable(name))
        lutnet_format_message(message, capacity,
                              "%s: bad tar header checksum for '%s' at byte %llu of the archive "
                              "(stored %llu, computed %llu)",
                              reader->path, name, (unsigned long long)header_offset,
                              (unsigned long long)stored, (unsigned long long)unsigned_sum);
    else
        lutnet_format_message(message, capacity,
                              "%s: bad tar header checksum at byte %llu of the archive "
                              "(stored %llu, computed %llu)",
                              reader->path, (unsigned long long)header_offset,
                              (unsigned long long)stored, (unsigned long long)unsigned_sum);
    return LUTNET_READ_TAR_BAD_CHECKSUM;
}

/// Reads a pax extended header's records; takes `path` and `size` when present.
static lutnet_read_status read_pax(lutnet_tar_reader *reader, uint64_t size, char *name,
                                   int *has_name, uint64_t *pax_size, int *has_size,
                                   char *message, size_t capacity) {
    if (size > PAX_CAPACITY) {
        lutnet_format_message(message, capacity,
                              "%s: pax extended header of %llu bytes is too large (at most %d)",
                              reader->path, (unsigned long long)size, PAX_CAPACITY);
        return LUTNET_READ_TAR_BAD_HEADER;
    }
    char records[PAX_CAPACITY + 1];
    uint64_t got = 0;
    lutnet_read_status status = read_exact(reader, records, size, "a pax header", &got, message,
                                          capacity);
    if (status == LUTNET_READ_TAR_TRUNCATED)
        lutnet_format_message(message, capacity,
                              "%s: tar archive is truncated: it ends inside a pax extended header",
                              reader->path);
    if (status != LUTNET_READ_OK) return status;
    records[size] = '\0';
    uint64_t at = 0;
    while (at < size) {
        // A record is "<length> <key>=<value>\n", its length counting every byte of it.
        uint64_t length = 0, i = at;
        while (i < size && records[i] >= '0' && records[i] <= '9' && length < size)
            length = length * 10 + (uint64_t)(records[i++] - '0');
        char *equals = NULL;
        if (i < size && records[i] == ' ' && length > i - at + 1 && at + length <= size &&
            records[at + length - 1] == '\n')
            equals = memchr(records + i + 1, '=', at + length - 1 - (i + 1));
        if (equals == NULL) {
            lutnet_format_message(message, capacity,
                                  "%s: malformed pax record at byte %llu of a pax extended header",
                                  reader->path, (unsigned long long)at);
            return LUTNET_READ_TAR_BAD_HEADER;
        }
        const char *key = records + i + 1;
        size_t key_length = (size_t)(equals - key);
        const char *value = equals + 1;
        size_t value_length = (size_t)(records + at + length - 1 - value);
        if (key_length == 4 && memcmp(key, "path", 4) == 0) {
            if (value_length >= LUTNET_TAR_NAME_CAPACITY) {
                lutnet_format_message(message, capacity,
                                      "%s: entry name of %zu bytes is too long (at most %d)",
                                      reader->path, value_length, LUTNET_TAR_NAME_CAPACITY - 1);
                return LUTNET_READ_TAR_BAD_HEADER;
            }
            memcpy(name, value, value_length);
            name[value_length] = '\0';
            *has_name = 1;
        } else if (key_length == 4 && memcmp(key, "size", 4) == 0) {
            uint64_t parsed = 0;
            size_t d = 0;
            for (; d < value_length && value[d] >= '0' && value[d] <= '9' && !(parsed >> 59); d++)
                parsed = parsed * 10 + (uint64_t)(value[d] - '0');
            if (d != value_length || value_length == 0) {
                lutnet_format_message(message, capacity, "%s: pax size record is not a number",
                                      reader->path);
                return LUTNET_READ_TAR_BAD_HEADER;
            }
            *pax_size = parsed;
            *has_size = 1;
        }
        at += length;
    }
    return skip(reader, padding_of(size), message, capacity);
}

lutnet_read_status lutnet_tar_open(const char *restrict path, lutnet_tar_reader *restrict reader,
                                   char *restrict message, size_t message_capacity) {
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    if (reader == NULL) {
        lutnet_format_message(message, message_capacity, "no tar reader given");
        return LUTNET_READ_CANNOT_OPEN;
    }
    memset(reader, 0, sizeof *reader);
    if (path == NULL) {
        lutnet_format_message(message, message_capacity, "no path given");
        return LUTNET_READ_CANNOT_OPEN;
    }
    char *copy = copy_string(path);
    if (copy == NULL) {
        lutnet_format_message(message, message_capacity, "%s: out of memory", path);
        return LUTNET_READ_OUT_OF_MEMORY;
    }
    bool require_gzip = lutnet_path_has_suffix(path, ".gz") || lutnet_path_has_suffix(path, ".tgz");
    lutnet_gzip_stream *stream = NULL;
    // The stream borrows the copy, which lives until lutnet_tar_close.
    lutnet_read_status outcome = lutnet_gzip_open(copy, require_gzip, &stream, message,
                                                   message_capacity);
    if (outcome != LUTNET_READ_OK) {
        free(copy);
        return outcome;
    }
    reader->stream = stream;
    reader->path = copy;
    return LUTNET_READ_OK;
}

/// The end of the archive: reads the rest of the stream so zlib checks the gzip trailer.
static lutnet_read_status finish(lutnet_tar_reader *reader, char *message, size_t capacity) {
    reader->current[0] = '\0';
    lutnet_read_status outcome = lutnet_gzip_drain(reader->stream, NULL, "the end of the archive",
                                                    message, capacity);
    if (outcome != LUTNET_READ_OK) return outcome;
    return LUTNET_READ_END;
}

/// An archive that ends right after a long-name or pax header: the entry it describes is missing.
static lutnet_read_status dangling_extension(lutnet_tar_reader *reader, char *message, size_t capacity) {
    lutnet_format_message(message, capacity,
                          "%s: tar archive is truncated: it ends after an extension header, before "
                          "the entry that header describes", reader->path);
    return LUTNET_READ_TAR_TRUNCATED;
}

/// A size no archive can hold (it would wrap the reader's offsets).
static lutnet_read_status size_too_large(lutnet_tar_reader *reader, const char *name, uint64_t size,
                                         uint64_t header_offset, char *message, size_t capacity) {
    lutnet_format_message(message, capacity, "%s: the header of '%s' at byte %llu gives an impossible size of %llu bytes",
                          reader->path, printable(name) ? name : "?", (unsigned long long)header_offset,
                          (unsigned long long)size);
    return LUTNET_READ_TAR_BAD_HEADER;
}

lutnet_read_status lutnet_tar_next(lutnet_tar_reader *restrict reader,
                                   lutnet_tar_entry *restrict entry, char *restrict message,
                                   size_t message_capacity) {
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    if (reader == NULL || reader->stream == NULL || entry == NULL) {
        lutnet_format_message(message, message_capacity, "the tar reader is not open");
        return LUTNET_READ_IO_ERROR;
    }
    lutnet_read_status status = skip(reader, reader->remaining + reader->padding, message,
                                    message_capacity);
    reader->remaining = reader->padding = 0;
    if (status != LUTNET_READ_OK) return status;

    char long_name[LUTNET_TAR_NAME_CAPACITY];
    int has_long_name = 0, has_pax_size = 0;
    int pending_extension = 0; // an extension header was read: an entry must follow
    uint64_t pax_size = 0;
    for (;;) {
        uint8_t header[BLOCK];
        uint64_t header_offset = reader->offset, got = 0;
        status = read_exact(reader, header, BLOCK, "a tar header", &got, message, message_capacity);
        if (status == LUTNET_READ_TAR_TRUNCATED && got == 0 && !pending_extension)
            return finish(reader, message, message_capacity);
        if (status == LUTNET_READ_TAR_TRUNCATED && got == 0) return dangling_extension(reader, message, message_capacity);
        if (status == LUTNET_READ_TAR_TRUNCATED)
            lutnet_format_message(message, message_capacity,
                                  "%s: tar archive is truncated: it ends inside the header at byte %llu",
                                  reader->path, (unsigned long long)header_offset);
        if (status != LUTNET_READ_OK) return status;

        if (all_zero(header, BLOCK)) {
            if (pending_extension) return dangling_extension(reader, message, message_capacity);
            // End of archive: a second zero block (or the end of the file) must follow.
            status = read_exact(reader, header, BLOCK, "the end of the archive", &got, message,
                                message_capacity);
            if (status == LUTNET_READ_TAR_TRUNCATED && got == 0) return finish(reader, message, message_capacity);
            if (status == LUTNET_READ_OK && all_zero(header, BLOCK))
                return finish(reader, message, message_capacity);
            if (status == LUTNET_READ_OK || status == LUTNET_READ_TAR_TRUNCATED) {
                lutnet_format_message(message, message_capacity,
                                      "%s: a zero block at byte %llu of the archive is followed by data "
                                      "(a damaged or concatenated archive)",
                                      reader->path, (unsigned long long)header_offset);
                return LUTNET_READ_TAR_BAD_HEADER;
            }
            return status;
        }
        status = check_checksum(reader, header, header_offset, message, message_capacity);
        if (status != LUTNET_READ_OK) return status;

        char name[LUTNET_TAR_NAME_CAPACITY];
        copy_field(name, header, 100);
        uint64_t size = 0;
        if (!parse_number(header + 124, 12, &size)) {
            lutnet_format_message(message, message_capacity,
                                  "%s: the size field of the header of '%s' at byte %llu is not a number",
                                  reader->path, printable(name) ? name : "?",
                                  (unsigned long long)header_offset);
            return LUTNET_READ_TAR_BAD_HEADER;
        }
        if (size > (uint64_t)INT64_MAX) return size_too_large(reader, name, size, header_offset, message, message_capacity);
        char type = (char)header[156];
        if (type == 'L' || type == 'x' || type == 'g' || type == 'K') {
            pending_extension = 1;
            // Messages about the extension's data and padding name the extension header itself.
            snprintf(reader->current, sizeof reader->current, "%s",
                     name[0] != '\0' && printable(name) ? name : "a tar extension header");
        }
        if (type == 'L') { // GNU long name: the data is the next entry's name
            if (size >= LUTNET_TAR_NAME_CAPACITY) {
                lutnet_format_message(message, message_capacity,
                                      "%s: entry name of %llu bytes is too long (at most %d)",
                                      reader->path, (unsigned long long)size,
                                      LUTNET_TAR_NAME_CAPACITY - 1);
                return LUTNET_READ_TAR_BAD_HEADER;
            }
            status = read_exact(reader, long_name, size, "a long entry name", &got, message,
                                message_capacity);
            if (status == LUTNET_READ_TAR_TRUNCATED)
                lutnet_format_message(message, message_capacity,
                                      "%s: tar archive is truncated: it ends inside a long entry name",
                                      reader->path);
            if (status == LUTNET_READ_OK) status = skip(reader, padding_of(size), message, message_capacity);
            if (status != LUTNET_READ_OK) return status;
            long_name[size] = '\0';
            has_long_name = 1;
            continue;
        }
        if (type == 'x') {
            status = read_pax(reader, size, long_name, &has_long_name, &pax_size, &has_pax_size,
                              message, message_capacity);
            if (status != LUTNET_READ_OK) return status;
            continue;
        }
        if (type == 'g' || type == 'K') { // global pax records and long link names do not matter here
            status = skip(reader, size + padding_of(size), message, message_capacity);
            if (status != LUTNET_READ_OK) return status;
            continue;
        }

        if (has_long_name) {
            snprintf(name, sizeof name, "%s", long_name);
        } else if (memcmp(header + 257, "ustar\0", 6) == 0 && header[345] != 0) {
            char prefix[156];
            copy_field(prefix, header + 345, 155);
            char joined[LUTNET_TAR_NAME_CAPACITY];
            snprintf(joined, sizeof joined, "%s/%s", prefix, name);
            memcpy(name, joined, sizeof name);
        }
        if (has_pax_size) size = pax_size;
        if (size > (uint64_t)INT64_MAX) return size_too_large(reader, name, size, header_offset, message, message_capacity);
        int has_data = 1;
        switch (type) {
        case '0': case '\0': case '7': entry->type = LUTNET_TAR_REGULAR; break;
        case '5': entry->type = LUTNET_TAR_DIRECTORY; has_data = 0; break;
        case '1': case '2': case '3': case '4': case '6': entry->type = LUTNET_TAR_OTHER; has_data = 0; break;
        default: entry->type = LUTNET_TAR_OTHER; break;
        }
        if (!has_data) size = 0;
        // Callers size buffers from an entry's size: refuse one the file cannot hold.
        uint64_t most = lutnet_gzip_max_data_bytes(reader->stream);
        if (most != UINT64_MAX && size > 0 && (reader->offset > most || size > most - reader->offset)) {
            lutnet_format_message(message, message_capacity,
                                  "%s: tar archive is truncated: '%s' at byte %llu should have %llu bytes, "
                                  "more than the file can hold", reader->path, printable(name) ? name : "?",
                                  (unsigned long long)header_offset, (unsigned long long)size);
            return LUTNET_READ_TAR_TRUNCATED;
        }
        snprintf(entry->name, sizeof entry->name, "%s", name);
        snprintf(reader->current, sizeof reader->current, "%s", name);
        entry->size = size;
        reader->size = size;
        reader->remaining = size;
        reader->padding = padding_of(size);
        return LUTNET_READ_OK;
    }
}

lutnet_read_status lutnet_tar_read(lutnet_tar_reader *restrict reader, void *restrict buffer,
                                   uint64_t length, char *restrict message, size_t message_capacity) {
    if (message != NULL && message_capacity > 0) message[0] = '\0';
    if (reader == NULL || reader->stream == NULL) {
        lutnet_format_message(message, message_capacity, "the tar reader is not open");
        return LUTNET_READ_IO_ERROR;
    }
    if (length > reader->remaining) {
        lutnet_format_message(message, message_capacity,
                              "%s: asked for %llu bytes of '%s' but only %llu are left", reader->path,
                              (unsigned long long)length, reader->current,
                              (unsigned long long)reader->remaining);
        return LUTNET_READ_IO_ERROR;
    }
    uint64_t got = 0;
    lutnet_read_status status = read_exact(reader, buffer, length, reader->current, &got, message,
                                          message_capacity);
    uint64_t before = reader->size - reader->remaining;
    reader->remaining -= got;
    if (status == LUTNET_READ_TAR_TRUNCATED)
        lutnet_format_message(message, message_capacity,
                              "%s: tar archive is truncated: '%s' should have %llu bytes but the "
                              "archive ends after %llu",
                              reader->path, reader->current, (unsigned long long)reader->size,
                              (unsigned long long)(before + got));
    return status;
}

uint64_t lutnet_tar_remaining(const lutnet_tar_reader *reader) {
    return reader == NULL ? 0 : reader->remaining;
}

void lutnet_tar_close(lutnet_tar_reader *reader) {
    if (reader == NULL) return;
    lutnet_gzip_close(reader->stream);
    free(reader->path);
    memset(reader, 0, sizeof *reader);
}
