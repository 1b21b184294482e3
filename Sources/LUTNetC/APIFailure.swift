import CLUTNetAPI
import LUTNet

/// Why a C API call failed: the status it returns and the sentence it reports.
struct APIFailure: Error {
    let status: lutnet_status
    let message: String

    init(status: lutnet_status, message: String) {
        self.status = status
        self.message = message
    }

    /// A required pointer argument of `function` is NULL.
    static func null(_ function: String, _ argument: String) -> APIFailure {
        APIFailure(status: LUTNET_ERROR_NULL_ARGUMENT, message: "\(function): \(argument) is NULL")
    }

    /// An argument of `function` is out of range or disagrees with another.
    static func invalid(_ function: String, _ reason: String) -> APIFailure {
        APIFailure(status: LUTNET_ERROR_INVALID_ARGUMENT, message: "\(function): \(reason)")
    }

    /// A dataset that could not be loaded; the description names the file.
    init(_ error: DatasetError) {
        self.init(status: LUTNET_ERROR_DATASET, message: error.description)
    }

    /// A model file that could not be read or written; the description names the file.
    init(_ error: ModelFileError) {
        self.init(status: LUTNET_ERROR_MODEL_FILE, message: error.description)
    }

    /// An impossible task, parameter or size, reported by `function`.
    init(_ error: ConfigurationError, in function: String) {
        let status = switch error {
        case .invalidTask: LUTNET_ERROR_INVALID_TASK
        case .emptyTaskGroup: LUTNET_ERROR_EMPTY_TASK_GROUP
        case .inputSizeMismatch: LUTNET_ERROR_SIZE_MISMATCH
        case .invalidK, .invalidKs, .invalidLayers, .invalidThreshold, .invalidValue, .networkTooLarge: LUTNET_ERROR_INVALID_PARAMETERS
        case .tooLarge: LUTNET_ERROR_DATASET
        }
        self.init(status: status, message: "\(function): \(error.description)")
    }
}

/// Runs the body of a C entry point, writes its outcome into the caller's `lutnet_error` (when
/// given) and returns its status.
func reportingOutcome(to outcome: UnsafeMutablePointer<lutnet_error>?,
                      _ body: () throws(APIFailure) -> Void) -> lutnet_status {
    do {
        try body()
        write(status: LUTNET_OK, message: "", to: outcome)
        return LUTNET_OK
    } catch {
        write(status: error.status, message: error.message, to: outcome)
        return error.status
    }
}

/// Stores `status` and `message` (NUL-terminated, cut at a UTF-8 character boundary to fit).
func write(status: lutnet_status, message: String, to error: UnsafeMutablePointer<lutnet_error>?) {
    guard let error else { return }
    error.pointee.status = status
    let utf8 = Array(message.utf8)
    withUnsafeMutableBytes(of: &error.pointee.message) { buffer in
        guard buffer.count > 0 else { return }
        var length = min(utf8.count, buffer.count - 1)
        if length < utf8.count {
            // Never end inside a multi-byte character: back up to the start of the cut one.
            while length > 0 && utf8[length] & 0xC0 == 0x80 { length -= 1 }
        }
        for index in 0..<length { buffer[index] = utf8[index] }
        buffer[length] = 0
    }
}

/// The pointee of a required pointer argument, or a NULL-argument failure naming it.
func required<Pointer>(_ pointer: Pointer?, _ function: String, _ argument: String) throws(APIFailure) -> Pointer {
    guard let pointer else { throw .null(function, argument) }
    return pointer
}

/// A C string argument, or a NULL-argument failure naming it.
func string(_ pointer: UnsafePointer<CChar>?, _ function: String, _ argument: String) throws(APIFailure) -> String {
    String(cString: try required(pointer, function, argument))
}

/// A count or size argument that must be 1 to 2^32 - 1 (the engine indexes examples and features
/// with 32 bits, as the IDX format does).
func positiveCount(_ value: Int, _ function: String, _ argument: String) throws(APIFailure) -> Int {
    // size_t arrives as Int: a size_t of 2^63 or more reads as negative.
    guard value != 0 else { throw .invalid(function, "\(argument) is 0") }
    guard value > 0, value <= Int(UInt32.max) else {
        throw .invalid(function, "\(argument) is \(UInt(bitPattern: value)), more than the \(UInt32.max) supported")
    }
    return value
}

/// The byte count of `count` examples of `features` bytes, refused when it overflows.
func byteCount(count: Int, features: Int, _ function: String) throws(APIFailure) -> Int {
    let (product, overflow) = count.multipliedReportingOverflow(by: features)
    guard !overflow else { throw .invalid(function, "count × features (\(count) × \(features)) overflows") }
    return product
}

/// A pointer to a static, NUL-terminated string literal, valid for the whole process.
func staticCString(_ text: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
}
