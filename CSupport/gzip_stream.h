// Private: one file read as a stream of bytes, decompressed by zlib's inflate when it is gzip; the
// single streaming layer under the IDX reader, the tar reader and the whole-file reader.
//
// A stream reads the file in blocks of 256 KiB and inflates straight into the caller's buffer (no
// intermediate output buffer). Gzip files may hold several members one after the other, as `cat
// a.gz b.gz` writes them; every member's trailer (CRC-32 and length) is verified. Bytes after the
// last member that do not start another one are refused, where zlib's gzread would ignore them.
//
// Ownership: lutnet_gzip_open allocates the stream (state and input block in one allocation) and
// opens the file; lutnet_gzip_close closes the file and frees both. The stream borrows `path` for
// its messages: the caller keeps it valid until lutnet_gzip_close. Buffers passed to reads belong to
// the caller. No function keeps state outside the stream, so separate streams may be used from
// separate threads.
#ifndef LUTNET_GZIP_STREAM_H
#define LUTNET_GZIP_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "read_status.h"

// Streams report in the readers' own status (read_status.h): LUTNET_READ_OK, _CANNOT_OPEN (a
// missing or unopenable file), _EMPTY_FILE, _NOT_GZIP (gzip required, magic absent),
// _GZIP_TRUNCATED, _GZIP_CORRUPT (bad data, a bad CRC/length trailer, or bytes after the last
// member that are not a gzip member), _IO_ERROR (the system reported an error; a folder, for one)
// and _OUT_OF_MEMORY (no memory for the stream, zlib's state or a buffer).

/// A file being read; opaque, owned by whoever opened it.
typedef struct lutnet_gzip_stream lutnet_gzip_stream;

/// Writes a formatted, NUL-terminated message into `message` (capacity bytes; NULL allowed).
void lutnet_format_message(char *restrict message, size_t capacity, const char *restrict format, ...)
    __attribute__((format(printf, 3, 4)));

/// True if `path` ends in `suffix`.
bool lutnet_path_has_suffix(const char *restrict path, const char *restrict suffix);

/// Opens `path`: a file that starts with the gzip magic (0x1f 0x8b) is inflated, any other file is
/// passed through as it is. With `require_gzip`, a file without the magic is refused
/// (LUTNET_READ_NOT_GZIP). A missing file is LUTNET_READ_CANNOT_OPEN, one without bytes
/// LUTNET_READ_EMPTY_FILE, one that opens but cannot be read (a folder) LUTNET_READ_IO_ERROR. On
/// success `*out` is an open stream the caller closes with lutnet_gzip_close; on failure `*out` is
/// NULL and `message` says what is wrong, naming the file once ("<path>: the file is empty").
lutnet_read_status lutnet_gzip_open(const char *restrict path, bool require_gzip,
                                    lutnet_gzip_stream **restrict out, char *restrict message,
                                    size_t capacity);

/// Reads up to `length` bytes of the (decompressed) data straight into `buffer`; `*done` says how
/// many arrived (also on failure). A read stops short with LUTNET_READ_OK only at the end of the
/// data, after the trailers of every member have been verified and nothing but the end of the file
/// was found after the last one. Failures are described as
/// "<path>: truncated gzip stream while reading <what> (zlib: unexpected end of file)",
/// "<path>: corrupt gzip stream while reading <what> (zlib: <zlib's reason>)",
/// "<path>: corrupt gzip stream while reading <what>: N bytes after the end of the gzip data are
/// not a gzip member" or "<path>: read error while reading <what> (<the system's reason>)".
lutnet_read_status lutnet_gzip_read(lutnet_gzip_stream *restrict stream, void *restrict buffer,
                                    uint64_t length, uint64_t *restrict done,
                                    const char *restrict what, char *restrict message,
                                    size_t capacity);

/// Reads and discards up to `length` bytes of the data, as lutnet_gzip_read would read them;
/// `*skipped` (may be NULL) says how many there were.
lutnet_read_status lutnet_gzip_skip(lutnet_gzip_stream *restrict stream, uint64_t length,
                                    uint64_t *restrict skipped, const char *restrict what,
                                    char *restrict message, size_t capacity);

/// Reads the stream to its end, which verifies the remaining gzip trailers and refuses bytes after
/// the last member. Stores the number of data bytes that were left in `*left` (may be NULL).
lutnet_read_status lutnet_gzip_drain(lutnet_gzip_stream *restrict stream, uint64_t *restrict left,
                                     const char *restrict what, char *restrict message,
                                     size_t capacity);

/// Reads the rest of the data into a buffer of its own: `initial` bytes at first (never more than
/// `limit`), doubled whenever a read fills it, never past `limit`, with `spare` bytes allocated after
/// the room for data (for a terminator). Stops at the end of the data or when `limit` bytes have
/// arrived. On success `*out` is the buffer (the caller frees it) and `*filled` the bytes read. On
/// failure `*out` is NULL and nothing stays allocated; LUTNET_READ_OUT_OF_MEMORY writes no message
/// but sets `*wanted` to the size of the allocation that failed, for the caller to describe.
lutnet_read_status lutnet_gzip_read_growing(lutnet_gzip_stream *restrict stream, uint64_t initial,
                                            uint64_t limit, uint64_t spare, uint8_t **restrict out,
                                            uint64_t *restrict filled, uint64_t *restrict wanted,
                                            const char *restrict what, char *restrict message,
                                            size_t capacity);

/// True if the file is gzip (it starts with the gzip magic), false if it is read as it is.
bool lutnet_gzip_is_compressed(const lutnet_gzip_stream *stream);

/// The most data bytes the whole stream can hold, from the size of the file, so that a header's
/// claim can be checked before anything is allocated for it: a plain file holds its size, a gzip
/// file at most 1,032 times its size (deflate's largest expansion: a 258-byte match in two bits).
/// UINT64_MAX when the size is unknown (a pipe or other file that is not regular).
uint64_t lutnet_gzip_max_data_bytes(const lutnet_gzip_stream *stream);

/// Closes the file and frees the stream. NULL is allowed.
void lutnet_gzip_close(lutnet_gzip_stream *stream);

#endif
