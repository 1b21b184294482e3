import CSupport

/// The element types an IDX file can hold.
public enum IDXElementType: UInt8, Sendable, CustomStringConvertible {
    /// Unsigned bytes (0x08), the type of images and labels.
    case uint8 = 0x08
    /// Signed bytes (0x09).
    case int8 = 0x09
    /// Big-endian 16-bit integers (0x0B), decoded to host order.
    case int16 = 0x0B
    /// Big-endian 32-bit integers (0x0C), decoded to host order.
    case int32 = 0x0C
    /// Big-endian 32-bit floats (0x0D), decoded to host order.
    case float32 = 0x0D
    /// Big-endian 64-bit floats (0x0E), decoded to host order.
    case float64 = 0x0E

    /// Bytes per element.
    package var size: Int { Int(lutnet_idx_element_size(rawValue)) }

    /// The type's name in messages, e.g. "unsigned byte".
    public var description: String {
        switch self {
        case .uint8: "unsigned byte"
        case .int8: "signed byte"
        case .int16: "16-bit integer"
        case .int32: "32-bit integer"
        case .float32: "32-bit float"
        case .float64: "64-bit float"
        }
    }
}

/// Owns the buffer the C reader decoded into; freed once no tensor refers to it.
final class IDXStorage: @unchecked Sendable {
    var tensor: lutnet_idx_tensor

    init(tensor: lutnet_idx_tensor) { self.tensor = tensor }
    deinit { lutnet_idx_tensor_free(&tensor) }
}

/// A decoded IDX file: an element type, a shape, and the elements in host byte order.
///
/// The elements stay in the buffer zlib decompressed into; the tensor is an immutable value.
package struct IDXTensor: Sendable {
    /// The element type found in the file's magic number.
    package let elementType: IDXElementType
    /// The dimensions, outermost first (for images: count, height, width[, channels]).
    package let shape: [Int]
    /// The file the tensor was read from.
    package let path: String
    private let storage: IDXStorage

    /// Number of elements: the product of the shape.
    package var elementCount: Int { Int(storage.tensor.element_count) }

    /// Reads an IDX file, gzip-compressed or plain. Throws an `IDXReadError` that names the file for
    /// every kind of damage: a missing or empty file, a broken gzip stream, a bad header, or a
    /// payload shorter or longer than the header says.
    package static func read(path: String) throws(IDXReadError) -> IDXTensor {
        var tensor = lutnet_idx_tensor()
        var message = makeCMessageBuffer()
        let status = lutnet_idx_read(path, &tensor, &message, message.count)
        guard status == LUTNET_READ_OK else {
            throw IDXReadError(kind: IDXReadError.Kind(status),
                               path: path, message: decodeCMessage(message))
        }
        let storage = IDXStorage(tensor: tensor)
        let dims = Swift.withUnsafeBytes(of: tensor.dims) { raw in Array(raw.bindMemory(to: UInt32.self)) }
        // The reader only accepts the element types listed in IDXElementType.
        let type = IDXElementType(rawValue: tensor.element_type) ?? .uint8
        return IDXTensor(elementType: type, shape: dims.prefix(Int(tensor.rank)).map(Int.init),
                         path: path, storage: storage)
    }

    /// Reads shard `shard` of `shards` of an IDX file: of its N rows (the first dimension), the
    /// contiguous rows N·shard/shards ..< N·(shard+1)/shards, keeping only those in memory. Returns
    /// the shard as a tensor (its first dimension the shard's row count, possibly 0), its first
    /// row and N. Throws as `read(path:)` does for a damaged file (the shard that ends at the last
    /// row checks the end of the file too).
    package static func readShard(path: String, shard: Int, of shards: Int) throws(IDXReadError)
        -> (tensor: IDXTensor, firstRow: Int, totalRows: Int) {
        precondition((0..<shards).contains(shard), "shard \(shard) of \(shards)")
        var tensor = lutnet_idx_tensor()
        var message = makeCMessageBuffer()
        var first: UInt64 = 0, total: UInt64 = 0
        let status = lutnet_idx_read_shard(path, UInt64(shard), UInt64(shards), &tensor, &first, &total,
                                           &message, message.count)
        guard status == LUTNET_READ_OK else {
            throw IDXReadError(kind: IDXReadError.Kind(status), path: path, message: decodeCMessage(message))
        }
        let storage = IDXStorage(tensor: tensor)
        let dims = Swift.withUnsafeBytes(of: tensor.dims) { raw in Array(raw.bindMemory(to: UInt32.self)) }
        let type = IDXElementType(rawValue: tensor.element_type) ?? .uint8
        let shape = dims.prefix(Int(tensor.rank)).map(Int.init)
        return (IDXTensor(elementType: type, shape: shape, path: path, storage: storage), Int(first), Int(total))
    }

    /// Calls `body` with the raw element bytes (host byte order).
    package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let byteCount = elementCount * elementType.size
        return try body(UnsafeRawBufferPointer(start: storage.tensor.data, count: byteCount))
    }

    /// The elements as unsigned bytes; only for `.uint8` tensors.
    package func withUnsignedBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        precondition(elementType == .uint8, "withUnsignedBytes needs an unsigned-byte tensor")
        return try withUnsafeBytes { try body($0.bindMemory(to: UInt8.self)) }
    }

    /// The elements converted to Double, whatever their type (for statistics and display).
    package func doubleValues() -> [Double] {
        withUnsafeBytes { raw in
            switch elementType {
            case .uint8: raw.bindMemory(to: UInt8.self).map(Double.init)
            case .int8: raw.bindMemory(to: Int8.self).map(Double.init)
            case .int16: raw.bindMemory(to: Int16.self).map(Double.init)
            case .int32: raw.bindMemory(to: Int32.self).map(Double.init)
            case .float32: raw.bindMemory(to: Float.self).map(Double.init)
            case .float64: Array(raw.bindMemory(to: Double.self))
            }
        }
    }
}
