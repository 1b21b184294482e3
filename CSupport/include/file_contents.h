/// Whole-file reading: the complete contents of a gzip-compressed (inflated by zlib) or plain file.
///
/// Ownership: a successful `lutnet_file_read` fills a caller-owned `lutnet_file_contents` whose
/// `data` buffer is allocated by the reader; release it with `lutnet_file_contents_free`. On failure
/// nothing is allocated and `message` holds a sentence that names the file and what is wrong.
#ifndef LUTNET_FILE_CONTENTS_H
#define LUTNET_FILE_CONTENTS_H

#include <stddef.h>
#include <stdint.h>

#include "read_status.h"

#ifdef __cplusplus
extern "C" {
#endif


/// The bytes of a file. `data` holds `length` bytes followed by one NUL byte (so text can be
/// scanned safely); it is never NULL after a successful read, even for an empty file.
typedef struct lutnet_file_contents {
    uint8_t *data;   ///< owned by the contents; free with lutnet_file_contents_free
    uint64_t length; ///< number of bytes, the NUL not counted
} lutnet_file_contents;

/// Reads the file at `path` into `out`. A file that starts with the gzip magic is decompressed
/// straight into the buffer (multi-member streams are accepted, trailers are verified, bytes after
/// the last member that are not a gzip member are refused); a file whose name ends in ".gz" must be
/// gzip, except that an empty file, whatever its name, gives empty contents. Contents longer than `max_length` bytes are refused with LUTNET_READ_TOO_LARGE. Returns LUTNET_READ_OK or one of: _CANNOT_OPEN, _NOT_GZIP,
/// _GZIP_TRUNCATED, _GZIP_CORRUPT, _TOO_LARGE, _OUT_OF_MEMORY, _IO_ERROR.
lutnet_read_status lutnet_file_read(const char *restrict path, uint64_t max_length,
                                    lutnet_file_contents *restrict out, char *restrict message,
                                    size_t message_capacity);

/// Releases the buffer of contents filled by lutnet_file_read and zeroes the struct. NULL is allowed.
void lutnet_file_contents_free(lutnet_file_contents *contents);

#ifdef __cplusplus
}
#endif

#endif
