/// Binarization while inflating: an IDX image file read in chunks that are packed straight into a
/// feature-major bit matrix (the layout of `bit_packing.h`), so the file's bytes are never held
/// whole. Same statuses and messages as `idx_reader.h` for every kind of damage.
///
/// Ownership: `lutnet_idx_bit_stream_open` allocates the stream (and copies `path`);
/// `lutnet_idx_bit_stream_close` closes the file and frees it. The bit matrix belongs to the
/// caller. A stream is used by one thread at a time; separate streams may run on separate threads.
#ifndef LUTNET_IDX_BIT_STREAM_H
#define LUTNET_IDX_BIT_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "idx_reader.h"
#include "read_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/// An IDX file whose header has been read and whose data has not; opaque.
typedef struct lutnet_idx_bit_stream lutnet_idx_bit_stream;

/// Opens the IDX file at `path` and reads its header into `header` (its `data` stays NULL), so the
/// caller can check the element type and shape before any data is inflated. Returns the statuses
/// of `lutnet_idx_read` that concern the file and its header (_CANNOT_OPEN, _EMPTY_FILE, _NOT_GZIP,
/// _GZIP_TRUNCATED, _GZIP_CORRUPT, _IDX_BAD_MAGIC, _IDX_UNKNOWN_TYPE, _IDX_BAD_RANK,
/// _IDX_ZERO_DIMENSION, _TOO_LARGE, _IDX_TRUNCATED_HEADER, _OUT_OF_MEMORY, _IO_ERROR), with the
/// same messages, and _IDX_TRUNCATED_DATA for a header that claims more data than the file can hold
/// (a plain file shorter than the payload, a gzip file too small to inflate to it), so no buffer is
/// ever sized from such a claim. On success `*out` is a stream to close; on failure it is NULL.
lutnet_read_status lutnet_idx_bit_stream_open(const char *restrict path, lutnet_idx_bit_stream **restrict out,
                                              lutnet_idx_tensor *restrict header, char *restrict message,
                                              size_t message_capacity);

/// Reads the whole payload of an unsigned-byte IDX stream (N rows of F bytes, F the product of the
/// dimensions after the first) and binarizes the rows `example_indices[0 ..< selected_count]`, as
/// `lutnet_pack_threshold` would from the decoded file: output example i is row
/// `example_indices[i]`, its bit for feature f is `byte >= threshold`. `bits` holds `F *
/// words_per_row` words, `words_per_row >= lutnet_words_for_bits(selected_count)`; words past
/// `lutnet_words_for_bits(selected_count)` in a row are not touched. The indices must ascend
/// strictly and be below N. Rows are inflated in chunks of about 256 KiB, each packed while in
/// cache by a thread the call starts (and joins before it returns) while the calling thread
/// inflates the next chunk; a single chunk, or a thread that cannot be started, is packed on the
/// calling thread. Rows no index names are inflated and dropped. The end of the file is checked as
/// `lutnet_idx_read` checks it. Returns LUTNET_READ_OK, or _GZIP_TRUNCATED, _GZIP_CORRUPT,
/// _IDX_TRUNCATED_DATA, _IDX_TRAILING_DATA, _OUT_OF_MEMORY, _IO_ERROR (also for a stream already
/// read, a type other than unsigned byte, or indices that do not ascend below N), with a message
/// naming the file. Call it once per stream.
lutnet_read_status lutnet_idx_bit_stream_pack_threshold(lutnet_idx_bit_stream *restrict stream,
                                                        const uint32_t *restrict example_indices,
                                                        size_t selected_count, uint8_t threshold,
                                                        uint64_t *restrict bits, size_t words_per_row,
                                                        char *restrict message, size_t message_capacity);

/// Closes the file and frees the stream. NULL is allowed.
void lutnet_idx_bit_stream_close(lutnet_idx_bit_stream *stream);

#ifdef __cplusplus
}
#endif

#endif
