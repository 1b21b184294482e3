/// A fresh buffer for the sentence a C reader writes on failure.
func makeCMessageBuffer() -> [CChar] { [CChar](repeating: 0, count: 1024) }

/// The NUL-terminated sentence in a buffer filled by a C reader.
func decodeCMessage(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
