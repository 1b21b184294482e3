import CLUTNetAPI
import LUTNet

/// The `size` field that begins `lutnet_parameters` since 0.5.0: how many bytes of a caller's
/// struct the library may touch, and what it makes of a size other than its own.
enum ParametersLayout {
    /// This library's `sizeof(lutnet_parameters)`, the smallest struct that has a size field.
    static let size = MemoryLayout<lutnet_parameters>.size

    /// The largest struct taken from a program compiled against a later header: one page, as the
    /// Linux kernel's extensible structs allow. A larger size is no struct's: an unfilled one.
    static let largestSize = 4096

    /// A struct whose size the library cannot take.
    enum Problem: Equatable {
        /// Smaller than this library's struct: never written by `lutnet_default_parameters`.
        case tooSmall(Int)
        /// Larger than `largestSize` (a size_t of 2^63 or more arrives negative).
        case tooLarge(UInt)
        /// A later header's struct with a byte that is not zero at `offset`, past this library's fields.
        case unknownField(size: Int, offset: Int)

        /// A sentence that lives for the whole process.
        var staticMessage: StaticString {
            switch self {
            case .tooSmall: "lutnet_parameters.size is smaller than this library's struct: fill it with lutnet_default_parameters"
            case .tooLarge: "lutnet_parameters.size is larger than 4096 bytes: fill the struct with lutnet_default_parameters"
            case .unknownField: "lutnet_parameters sets a field this library does not know: the program was compiled against a later lutnet.h"
            }
        }

        /// The same with the values at fault.
        var detail: String {
            switch self {
            case .tooSmall(let size):
                "lutnet_parameters.size is \(size), but this library's struct has \(ParametersLayout.size) bytes: fill it with lutnet_default_parameters"
            case .tooLarge(let size):
                "lutnet_parameters.size is \(size), more than the \(ParametersLayout.largestSize) bytes of any struct: fill it with lutnet_default_parameters"
            case .unknownField(let size, let offset):
                "lutnet_parameters of \(size) bytes has a byte that is not zero at offset \(offset), past the \(ParametersLayout.size) bytes "
                    + "of the fields this library (\(LUTNetVersion.text)) knows: the program was compiled against a later lutnet.h"
            }
        }
    }

    /// Why the struct at `parameters` cannot be read, or nil when its first `size` bytes hold
    /// this library's fields (then `parameters.pointee` is safe to read). Reads the size field,
    /// then, for a larger struct, the bytes past this library's fields, up to its size.
    static func problem(_ parameters: UnsafePointer<lutnet_parameters>) -> Problem? {
        let raw = UnsafeRawPointer(parameters)
        let claimed = raw.loadUnaligned(as: Int.self)
        guard claimed >= 0, claimed <= largestSize else { return .tooLarge(UInt(bitPattern: claimed)) }
        guard claimed >= size else { return .tooSmall(claimed) }
        if let offset = (size..<claimed).first(where: { raw.load(fromByteOffset: $0, as: UInt8.self) != 0 }) {
            return .unknownField(size: claimed, offset: offset)
        }
        return nil
    }

    /// Writes `defaults` into the first `size` bytes at `parameters`, zero past this library's
    /// fields, and `size` into the size field; a size this library cannot take gets the size
    /// field alone (when it fits), so that the checks refuse the struct.
    static func write(_ defaults: lutnet_parameters, to parameters: UnsafeMutablePointer<lutnet_parameters>, size: Int) {
        let raw = UnsafeMutableRawPointer(parameters)
        guard size >= MemoryLayout<Int>.size else { return }
        guard size >= self.size, size <= largestSize else {
            raw.storeBytes(of: size, as: Int.self)
            return
        }
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        parameters.pointee = defaults
        parameters.pointee.size = size
    }
}
