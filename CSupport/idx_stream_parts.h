// Private: the parts of the IDX reader that the streaming binarizer (idx_bit_stream.c) reads files
// with too, so both give the same statuses and the same messages.
#ifndef LUTNET_IDX_STREAM_PARTS_H
#define LUTNET_IDX_STREAM_PARTS_H

#include <stddef.h>
#include <stdint.h>

#include "gzip_stream.h"
#include "idx_reader.h"

/// Opens `path` (gzip when it starts with gzip's magic; a ".gz" name must be) into `*source` and
/// reads its IDX header into `*tensor` (zeroed first, its data still NULL). A header whose payload
/// the file cannot hold (lutnet_gzip_max_data_bytes) is refused here as truncated data, before
/// any reader sizes a buffer from it. The caller closes `*source`, which may be NULL, whatever the
/// status.
lutnet_read_status lutnet_idx_open_with_header(const char *restrict path, lutnet_gzip_stream **restrict source,
                                               lutnet_idx_tensor *restrict tensor, char *restrict message,
                                               size_t capacity);

/// After `total` bytes of IDX data: the payload must end exactly there. Reads on to the end of the
/// stream, which also verifies each gzip trailer (CRC, length), and refuses any byte left over
/// (LUTNET_READ_IDX_TRAILING_DATA).
lutnet_read_status lutnet_idx_check_data_ends(lutnet_gzip_stream *restrict source, const char *restrict path,
                                              uint64_t total, char *restrict message, size_t capacity);

/// Describes a payload that ended after `filled` of the header's `total` bytes; returns
/// LUTNET_READ_IDX_TRUNCATED_DATA.
lutnet_read_status lutnet_idx_truncated(const char *restrict path, uint64_t total, uint64_t filled,
                                        char *restrict message, size_t capacity);

#endif
