/// Appends little-endian integers to a byte array.
struct ByteWriter {
    var data: [UInt8] = []
    mutating func bytes(_ values: [UInt8]) { data.append(contentsOf: values) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u32s(_ values: [UInt32]) { for value in values { u32(value) } }
    mutating func u64s(_ values: [UInt64]) { for value in values { u64(value) } }
}

/// Reads little-endian integers from bytes, throwing `truncated` past the end.
struct ByteReader {
    let bytes: ArraySlice<UInt8>
    let path: String
    var offset: Int

    init(bytes: ArraySlice<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
        self.offset = bytes.startIndex
    }

    var remaining: Int { bytes.endIndex - offset }
    /// Bytes read so far.
    var consumed: Int { offset - bytes.startIndex }
    mutating func skip(_ count: Int) throws(ModelFileError) { _ = try self.bytes(count) }

    mutating func bytes(_ count: Int) throws(ModelFileError) -> ArraySlice<UInt8> {
        guard count >= 0, remaining >= count else { throw .truncated(path: path) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func u32() throws(ModelFileError) -> UInt32 { try u32s(1)[0] }

    mutating func u64() throws(ModelFileError) -> UInt64 { try u64s(1)[0] }

    /// `count` consecutive u32 values, decoded straight from the bytes.
    mutating func u32s(_ count: Int) throws(ModelFileError) -> [UInt32] { try integers(count, of: UInt32.self) }

    /// `count` consecutive u64 values, decoded straight from the bytes.
    mutating func u64s(_ count: Int) throws(ModelFileError) -> [UInt64] { try integers(count, of: UInt64.self) }

    private mutating func integers<T: FixedWidthInteger>(_ count: Int, of type: T.Type) throws(ModelFileError) -> [T] {
        let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
        guard !overflow else { throw .truncated(path: path) }
        let slice = try bytes(size)
        return slice.withUnsafeBytes { raw in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    buffer[i] = T(littleEndian: raw.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self))
                }
                initialized = count
            }
        }
    }
}
