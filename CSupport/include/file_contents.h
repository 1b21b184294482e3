/// Whole-file reading: the complete contents of a gzip-compressed (inflated by zlib) or plain file.
///
/// Ownership: a successful `lutnet_file_read` fills a caller-owned `lutnet_file_contents` whose
/// `data` buffer is allocated by the reader; release it with `lutnet_file_contents_free`. On failure
/// nothing is allocated and `message` holds a sentence that names the file and what is wrong.
#ifndef LUTNET_FILE_CONTENTS_H
#define LUTNET_FILE_CONTENTS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Outcome of `lutnet_file_read`; every failure has its own code.
typedef enum lutnet_file_status {
    LUTNET_FILE_OK = 0,
    LUTNET_FILE_CANNOT_OPEN = 1,     ///< the file does not exist or cannot be opened
    LUTNET_FILE_NOT_GZIP = 2,        ///< named .gz but does not start with the gzip magic
    LUTNET_FILE_GZIP_TRUNCATED = 3,  ///< the gzip stream ends early
    LUTNET_FILE_GZIP_CORRUPT = 4,    ///< the gzip stream is damaged: bad data, CRC, length, or
                                     ///< bytes after it that are not a gzip member
    LUTNET_FILE_TOO_LARGE = 5,       ///< the (decompressed) contents exceed the caller's limit
    LUTNET_FILE_OUT_OF_MEMORY = 6,
    LUTNET_FILE_READ_ERROR = 7,      ///< the operating system reported an I/O error (or a folder)
} lutnet_file_status;

/// The bytes of a file. `data` holds `length` bytes followed by one NUL byte (so text can be
/// scanned safely); it is never NULL after a successful read, even for an empty file.
typedef struct lutnet_file_contents {
    uint8_t *data;   ///< owned by the contents; free with lutnet_file_contents_free
    uint64_t length; ///< number of bytes, the NUL not counted
} lutnet_file_contents;

/// Reads the file at `path` into `out`. A file that starts with the gzip magic is decompressed
/// straight into the buffer (multi-member streams are accepted, trailers are verified, bytes after
/// the last member that are not a gzip member are refused); a file whose name ends in ".gz" must be
/// gzip, except that an empty file, whatever its name, gives empty contents. Contents longer than `max_length` bytes are refused with LUTNET_FILE_TOO_LARGE.
lutnet_file_status lutnet_file_read(const char *restrict path, uint64_t max_length,
                                    lutnet_file_contents *restrict out, char *restrict message,
                                    size_t message_capacity);

/// Releases the buffer of contents filled by lutnet_file_read and zeroes the struct. NULL is allowed.
void lutnet_file_contents_free(lutnet_file_contents *contents);

#ifdef __cplusplus
}
#endif

#endif
