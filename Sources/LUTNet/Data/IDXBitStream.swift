import CSupport

/// An IDX image file opened to be binarized while it is inflated (`lutnet_idx_bit_stream`): its
/// header is read, its data not yet. Used by one thread at a time; its data is read once.
final class IDXBitStream: @unchecked Sendable {
    /// The file.
    let path: String
    /// The element type found in the file's magic number.
    let elementType: IDXElementType
    /// The dimensions, outermost first (for images: count, height, width[, channels]).
    let shape: [Int]
    private let stream: OpaquePointer

    /// Opens the file and reads its header; throws as `IDXTensor.read(path:)` does for a missing,
    /// empty or damaged file or header.
    init(path: String) throws(IDXReadError) {
        var header = lutnet_idx_tensor()
        var message = makeCMessageBuffer()
        var opened: OpaquePointer?
        let status = lutnet_idx_bit_stream_open(path, &opened, &header, &message, message.count)
        guard status == LUTNET_READ_OK, let opened else {
            throw IDXReadError(kind: IDXReadError.Kind(status), path: path, message: decodeCMessage(message))
        }
        let dims = Swift.withUnsafeBytes(of: header.dims) { raw in Array(raw.bindMemory(to: UInt32.self)) }
        self.path = path
        // The reader only accepts the element types listed in IDXElementType.
        self.elementType = IDXElementType(rawValue: header.element_type) ?? .uint8
        self.shape = dims.prefix(Int(header.rank)).map(Int.init)
        self.stream = opened
    }

    deinit { lutnet_idx_bit_stream_close(stream) }

    /// Inflates the whole file and binarizes rows `indices` (ascending, below the first dimension)
    /// into `bits`, a matrix of one row per byte feature and a column per index: bit = (byte >=
    /// `threshold`), as `BitMatrix(binarizing:indices:threshold:)` makes from the decoded file.
    /// Throws as `IDXTensor.read(path:)` does for damaged data (truncated, trailing bytes, a broken
    /// gzip stream).
    func packThreshold(indices: [UInt32], threshold: UInt8, into bits: inout BitMatrix) throws(IDXReadError) {
        precondition(bits.columnCount == indices.count && bits.rowCount == shape.dropFirst().reduce(1, *),
                     "one column per index, one row per feature")
        var message = makeCMessageBuffer()
        let wordsPerRow = bits.wordsPerRow
        let status = indices.withUnsafeBufferPointer { selected in
            bits.words.withUnsafeMutableBufferPointer { words in
                lutnet_idx_bit_stream_pack_threshold(stream, selected.baseAddress, selected.count, threshold,
                                                     words.baseAddress, wordsPerRow, &message, message.count)
            }
        }
        guard status == LUTNET_READ_OK else {
            throw IDXReadError(kind: IDXReadError.Kind(status), path: path, message: decodeCMessage(message))
        }
    }
}
