// Private: opening gzip-or-plain files for streaming reads and telling zlib's failures apart,
// shared by the tar reader and the whole-file reader.
#ifndef LUTNET_GZIP_STREAM_H
#define LUTNET_GZIP_STREAM_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

/// What happened to a stream: one value per failure the readers report differently.
typedef enum lutnet_gzip_outcome {
    LUTNET_GZIP_OK = 0,
    LUTNET_GZIP_CANNOT_OPEN,  ///< missing or unreadable file
    LUTNET_GZIP_EMPTY,        ///< the file has no bytes
    LUTNET_GZIP_NOT_GZIP,     ///< the name promises gzip but the magic is missing
    LUTNET_GZIP_TRUNCATED,    ///< the compressed stream ends early
    LUTNET_GZIP_CORRUPT,      ///< bad compressed data or a bad CRC/length trailer
    LUTNET_GZIP_IO_ERROR,     ///< the operating system reported an error
} lutnet_gzip_outcome;

/// Writes a formatted, NUL-terminated message into `message` (capacity bytes; NULL allowed).
void lutnet_format_message(char *message, size_t capacity, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/// True if `path` ends in `suffix`.
int lutnet_path_has_suffix(const char *path, const char *suffix);

/// Opens `path` for reading through zlib: gzip data is decompressed (multi-member streams are
/// accepted), other data is passed through. With `require_gzip`, a file that does not start with the
/// gzip magic is refused. An empty file yields LUTNET_GZIP_EMPTY (and no open stream). On success the
/// caller owns `*out` and closes it with gzclose.
lutnet_gzip_outcome lutnet_gzip_open(const char *path, int require_gzip, gzFile *out,
                                     char *message, size_t capacity);

/// Reads up to `length` bytes, stopping early only at the end of the stream or on an error.
/// Returns the number of bytes read, or -1 on error.
int64_t lutnet_gzip_read(gzFile file, void *buffer, uint64_t length);

/// After a read that came up short or failed: LUTNET_GZIP_OK if the stream simply ended, otherwise
/// the failure, described in `message` as "<path>: <problem> while reading <what> (zlib: ...)".
lutnet_gzip_outcome lutnet_gzip_failure(gzFile file, const char *path, const char *what,
                                        char *message, size_t capacity);

/// Reads the stream to its end, which makes zlib verify the gzip trailers (CRC and length).
/// Stores the number of bytes that were left in `*left` (may be NULL).
lutnet_gzip_outcome lutnet_gzip_drain(gzFile file, const char *path, const char *what, uint64_t *left,
                                      char *message, size_t capacity);

#endif
