/// Strict reader for IDX files (MNIST's format), gzip-compressed or plain.
///
/// Ownership: a successful `lutnet_idx_read` fills a caller-owned `lutnet_idx_tensor` whose `data`
/// buffer is allocated by the reader; release it with `lutnet_idx_tensor_free`. On failure nothing
/// is allocated and `message` holds a sentence that names the file and what is wrong.
#ifndef LUTNET_IDX_READER_H
#define LUTNET_IDX_READER_H

#include <stddef.h>
#include <stdint.h>

#include "read_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/// The largest rank (number of dimensions) the reader accepts.
#define LUTNET_IDX_MAX_RANK 8

/// IDX element types, as stored in the third byte of the magic number.
typedef enum lutnet_idx_element_type {
    LUTNET_IDX_UINT8 = 0x08,
    LUTNET_IDX_INT8 = 0x09,
    LUTNET_IDX_INT16 = 0x0B,
    LUTNET_IDX_INT32 = 0x0C,
    LUTNET_IDX_FLOAT32 = 0x0D,
    LUTNET_IDX_FLOAT64 = 0x0E,
} lutnet_idx_element_type;


/// A decoded IDX tensor. `data` holds `element_count` elements in host byte order.
typedef struct lutnet_idx_tensor {
    uint8_t element_type;                   ///< one of lutnet_idx_element_type
    uint32_t rank;                          ///< number of dimensions, 1 ... LUTNET_IDX_MAX_RANK
    uint32_t dims[LUTNET_IDX_MAX_RANK];     ///< the first `rank` entries are used
    uint64_t element_count;                 ///< product of the dimensions
    void *data;                             ///< owned by the tensor; free with lutnet_idx_tensor_free
} lutnet_idx_tensor;

/// Size in bytes of one element of `type`, or 0 if `type` is not an IDX element type.
size_t lutnet_idx_element_size(uint8_t type);

/// Reads the IDX file at `path` into `out`. Returns LUTNET_READ_OK or one of: _CANNOT_OPEN,
/// _EMPTY_FILE, _NOT_GZIP, _GZIP_TRUNCATED, _GZIP_CORRUPT, _IDX_BAD_MAGIC, _IDX_UNKNOWN_TYPE,
/// _IDX_BAD_RANK, _IDX_ZERO_DIMENSION, _TOO_LARGE (the dimensions' product overflows),
/// _IDX_TRUNCATED_HEADER, _IDX_TRUNCATED_DATA, _IDX_TRAILING_DATA, _OUT_OF_MEMORY, _IO_ERROR. A file that starts with the gzip magic is decompressed
/// straight into the tensor's buffer by zlib's inflate; multi-member streams are accepted, but bytes
/// after the last member that do not start another one are refused (LUTNET_READ_GZIP_CORRUPT). A file
/// whose name ends in ".gz" must be gzip. The payload must be exactly as long as the header says; a
/// header claiming more than the file can hold (its size for a plain file, 1,032 times its size,
/// deflate's largest expansion, for gzip) is refused as _IDX_TRUNCATED_DATA before any data is read.
/// Writes a NUL-terminated description of any failure into `message` (may be NULL).
lutnet_read_status lutnet_idx_read(const char *restrict path, lutnet_idx_tensor *restrict out,
                                   char *restrict message, size_t message_capacity);

/// Reads shard `shard` of `shards` of the IDX file at `path` into `out`: of the file's N rows (the
/// first dimension), rows [N * shard / shards, N * (shard + 1) / shards), so that the shards of
/// 0..<shards are contiguous, in order, and cover every row once. The stream is decompressed up to
/// the shard's last row and only the shard's rows are kept, so memory grows with the shard, not the
/// file; `out->dims[0]` is the shard's row count (possibly 0, with `data` NULL), `*first_row` its
/// first row and `*total_rows` N. The shard that ends at the last row also checks the end of the
/// file (trailing bytes, gzip trailers), as lutnet_idx_read does. Requires shard < shards. Returns
/// the statuses of lutnet_idx_read; release `out` with lutnet_idx_tensor_free.
lutnet_read_status lutnet_idx_read_shard(const char *restrict path, uint64_t shard, uint64_t shards,
                                         lutnet_idx_tensor *restrict out, uint64_t *restrict first_row,
                                         uint64_t *restrict total_rows, char *restrict message,
                                         size_t message_capacity);

/// Releases the buffer of a tensor filled by lutnet_idx_read and zeroes the struct. NULL is allowed.
void lutnet_idx_tensor_free(lutnet_idx_tensor *tensor);

#ifdef __cplusplus
}
#endif

#endif
