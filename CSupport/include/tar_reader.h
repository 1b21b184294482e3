/// Streaming reader for tar archives (POSIX ustar, GNU and pax headers), gzip-compressed or plain.
///
/// The archive is read in one pass, inflated by zlib when it is gzip: the reader holds one 512-byte
/// header at a time and the caller reads each entry's data, in pieces of its choosing, straight into
/// its own buffers. A gzip archive may hold several members; bytes after the last one that are not
/// a gzip member are refused (LUTNET_READ_GZIP_CORRUPT), where zlib's gzread would ignore them.
/// Names longer than the ustar fields (GNU 'L' entries, pax `path` records) are resolved.
///
/// Ownership: `lutnet_tar_open` fills a caller-owned `lutnet_tar_reader`, opening the file and
/// copying the path; `lutnet_tar_close` releases both. On failure of `lutnet_tar_open` nothing is
/// left open. Every failure writes a sentence into `message` that names the archive and what is wrong.
#ifndef LUTNET_TAR_READER_H
#define LUTNET_TAR_READER_H

#include <stddef.h>
#include <stdint.h>

#include "read_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Room for an entry name, terminating NUL included; longer names are refused.
#define LUTNET_TAR_NAME_CAPACITY 1024

/// The tar functions return LUTNET_READ_OK or one of: _END (lutnet_tar_next: no more entries),
/// _CANNOT_OPEN, _EMPTY_FILE, _NOT_GZIP (named .gz or .tgz), _GZIP_TRUNCATED, _GZIP_CORRUPT,
/// _TAR_BAD_CHECKSUM, _TAR_BAD_HEADER (a size, name or pax record that cannot be used),
/// _TAR_TRUNCATED, _OUT_OF_MEMORY, _IO_ERROR (also for a reader that is not open or a read past
/// the entry's data).

/// Kinds of entries; links, devices and FIFOs are `LUTNET_TAR_OTHER`.
typedef enum lutnet_tar_entry_type {
    LUTNET_TAR_REGULAR = 0,
    LUTNET_TAR_DIRECTORY = 1,
    LUTNET_TAR_OTHER = 2,
} lutnet_tar_entry_type;

/// One entry of the archive, as described by its header(s).
typedef struct lutnet_tar_entry {
    char name[LUTNET_TAR_NAME_CAPACITY]; ///< NUL-terminated path inside the archive
    uint64_t size;                       ///< bytes of data that follow the header
    uint32_t type;                       ///< one of lutnet_tar_entry_type
} lutnet_tar_entry;

/// The state of one pass over an archive. Fields are private to the reader.
typedef struct lutnet_tar_reader {
    struct lutnet_gzip_stream *stream; ///< the file, decompressed when it is gzip (owned)
    char *path;          ///< copy of the archive's path, for messages
    uint64_t size;       ///< data bytes of the current entry
    uint64_t remaining;  ///< unread data bytes of the current entry
    uint64_t padding;    ///< bytes after the current entry's data up to the next 512-byte block
    uint64_t offset;     ///< bytes consumed from the uncompressed archive
    char current[LUTNET_TAR_NAME_CAPACITY]; ///< name of the current entry, for messages
} lutnet_tar_reader;

/// Opens the archive at `path`. A file whose name ends in ".gz" or ".tgz" must be gzip; other files
/// may be gzip or plain tar.
lutnet_read_status lutnet_tar_open(const char *restrict path, lutnet_tar_reader *restrict reader,
                                   char *restrict message, size_t message_capacity);

/// Advances to the next entry, skipping whatever data of the current entry was not read, and
/// describes it in `entry`. Returns LUTNET_READ_END after the last entry (the end-of-archive blocks or
/// the end of the file at a block boundary); the rest of the stream is then read through so that a
/// damaged gzip trailer, or bytes after the gzip stream, are still reported. An entry whose size
/// the rest of the file cannot hold (a plain file too short, a gzip file too small to inflate to
/// it) is refused as LUTNET_READ_TAR_TRUNCATED, so no caller sizes a buffer from it.
lutnet_read_status lutnet_tar_next(lutnet_tar_reader *restrict reader,
                                   lutnet_tar_entry *restrict entry, char *restrict message,
                                   size_t message_capacity);

/// Reads the next `length` bytes of the current entry's data into `buffer`; `length` must not exceed
/// the entry's unread bytes (`lutnet_tar_remaining`). Fails with LUTNET_READ_TAR_TRUNCATED or a gzip
/// status if the archive ends or breaks first.
lutnet_read_status lutnet_tar_read(lutnet_tar_reader *restrict reader, void *restrict buffer,
                                   uint64_t length, char *restrict message, size_t message_capacity);

/// Unread data bytes of the current entry.
uint64_t lutnet_tar_remaining(const lutnet_tar_reader *reader);

/// Closes the file and releases the path copy; zeroes the reader. NULL and closed readers are allowed.
void lutnet_tar_close(lutnet_tar_reader *reader);

#ifdef __cplusplus
}
#endif

#endif
