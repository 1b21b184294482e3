/// The outcome of every file reader — IDX (`idx_reader.h`), tar (`tar_reader.h`), whole files
/// (`file_contents.h`) — and of the gzip stream under them: one value per distinct failure. Each
/// reader's header lists the values it returns; on failure its `message` holds a sentence that names
/// the file and what is wrong.
#ifndef LUTNET_READ_STATUS_H
#define LUTNET_READ_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Outcome of a read.
typedef enum lutnet_read_status {
    LUTNET_READ_OK = 0,
    LUTNET_READ_END = 1,                  ///< tar: the archive has no more entries
    LUTNET_READ_CANNOT_OPEN = 2,          ///< the file does not exist or cannot be opened
    LUTNET_READ_EMPTY_FILE = 3,           ///< the file has no bytes at all
    LUTNET_READ_NOT_GZIP = 4,             ///< gzip is required by the name (.gz, .tgz) but the file
                                          ///< does not start with the gzip magic
    LUTNET_READ_GZIP_TRUNCATED = 5,       ///< the gzip stream ends early
    LUTNET_READ_GZIP_CORRUPT = 6,         ///< the gzip stream is damaged: bad data, CRC or length,
                                          ///< or bytes after it that are not a gzip member
    LUTNET_READ_OUT_OF_MEMORY = 7,        ///< memory for the data or zlib's state ran out
    LUTNET_READ_IO_ERROR = 8,             ///< the operating system reported an I/O error (or a
                                          ///< folder), or a reader was used out of turn
    LUTNET_READ_TOO_LARGE = 9,            ///< IDX: the dimensions' product overflows; whole file:
                                          ///< the contents exceed the caller's limit
    LUTNET_READ_IDX_BAD_MAGIC = 10,       ///< IDX: the first two bytes are not zero
    LUTNET_READ_IDX_UNKNOWN_TYPE = 11,    ///< IDX: the element-type byte is not an IDX type
    LUTNET_READ_IDX_BAD_RANK = 12,        ///< IDX: zero dimensions or more than LUTNET_IDX_MAX_RANK
    LUTNET_READ_IDX_ZERO_DIMENSION = 13,  ///< IDX: a dimension is zero
    LUTNET_READ_IDX_TRUNCATED_HEADER = 14,///< IDX: the file ends inside the header
    LUTNET_READ_IDX_TRUNCATED_DATA = 15,  ///< IDX: fewer payload bytes than the dimensions say
    LUTNET_READ_IDX_TRAILING_DATA = 16,   ///< IDX: more payload bytes than the dimensions say
    LUTNET_READ_TAR_BAD_CHECKSUM = 17,    ///< tar: a header's checksum does not match its bytes
    LUTNET_READ_TAR_BAD_HEADER = 18,      ///< tar: a header field cannot be used (size, name, pax record)
    LUTNET_READ_TAR_TRUNCATED = 19,       ///< tar: the archive ends inside a header or an entry's data
} lutnet_read_status;

#ifdef __cplusplus
}
#endif

#endif
