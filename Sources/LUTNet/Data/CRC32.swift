import CZlib

/// zlib's CRC-32 over buffers of any size (zlib takes at most 2^32 − 1 bytes a call).
package enum CRC32 {
    /// `crc` continued over `bytes` (start from 0).
    package static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var value = uLong(crc)
        var offset = 0
        while offset < bytes.count {
            let length = min(bytes.count - offset, 1 << 30)
            value = crc32(value, bytes.baseAddress.map { $0.assumingMemoryBound(to: Bytef.self) + offset }, uInt(length))
            offset += length
        }
        return UInt32(value)
    }
}
