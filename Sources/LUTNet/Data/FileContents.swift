import CSupport

/// Owns the buffer the C reader filled; freed once no value refers to it.
final class FileContentsStorage: @unchecked Sendable {
    var contents: lutnet_file_contents

    init(contents: lutnet_file_contents) { self.contents = contents }
    deinit { lutnet_file_contents_free(&contents) }
}

/// The whole contents of a file, decompressed through zlib when the file is gzip.
public struct FileContents: Sendable {
    /// The file the bytes were read from.
    public let path: String
    private let storage: FileContentsStorage

    /// Number of bytes (after decompression).
    public var count: Int { Int(storage.contents.length) }

    /// Reads the file at `path`, gzip-compressed or plain (a name ending in `.gz` must be gzip).
    /// Throws a `FileReadError` naming the file if it cannot be opened, its gzip stream is truncated
    /// or corrupt, or it holds more than `maxLength` bytes.
    public static func read(path: String, maxLength: UInt64) throws(FileReadError) -> FileContents {
        var contents = lutnet_file_contents()
        var message = makeCMessageBuffer()
        let status = lutnet_file_read(path, maxLength, &contents, &message, message.count)
        guard status == LUTNET_READ_OK else {
            throw FileReadError(kind: FileReadError.Kind(status),
                                path: path, message: decodeCMessage(message))
        }
        return FileContents(path: path, storage: FileContentsStorage(contents: contents))
    }

    /// Calls `body` with the bytes.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: storage.contents.data, count: count))
    }
}
