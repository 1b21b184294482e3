import CLUTNetAPI
import LUTNet

// The entry points of programs compiled against a lutnet.h before 0.5.0 (see lutnet_legacy.h):
// their struct has no size, so they touch only the fields every old layout began with.

/// Why parameters from a program compiled against a header before 0.5.0 are refused.
private let legacyRefusal: StaticString =
    "lutnet_parameters has no size field: the program was compiled against a lutnet.h before 0.5.0; recompile it against the library's lutnet.h"

/// Implements `lutnet_default_parameters` of headers before 0.5.0 (see lutnet_legacy.h).
@c @implementation
public func lutnet_default_parameters(_ parameters: UnsafeMutablePointer<lutnet_legacy_parameters>?) {
    guard let parameters else { return }
    let defaults = defaultParameters()
    parameters.pointee = lutnet_legacy_parameters(k: defaults.k, layers: defaults.layers, hidden_widths: defaults.hidden_widths,
                                                  hidden_layer_count: defaults.hidden_layer_count, threshold: defaults.threshold,
                                                  seed: defaults.seed, threads: defaults.threads)
}

/// Implements `lutnet_check_parameters` of headers before 0.5.0 (see lutnet_legacy.h).
@c @implementation
public func lutnet_check_parameters(_ parameters: UnsafePointer<lutnet_legacy_parameters>?) -> UnsafePointer<CChar>? {
    staticCString(legacyRefusal)
}

/// Implements `lutnet_train` of headers before 0.5.0 (see lutnet_legacy.h).
@c @implementation
public func lutnet_train(_ dataset: OpaquePointer?, _ task: UnsafePointer<CChar>?,
                         _ parameters: UnsafePointer<lutnet_legacy_parameters>?,
                         _ model: UnsafeMutablePointer<OpaquePointer?>?,
                         _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    model?.pointee = nil
    return reportingOutcome(to: error) { () throws(APIFailure) in
        throw APIFailure(status: LUTNET_ERROR_INVALID_PARAMETERS,
                         message: "lutnet_train: \(legacyRefusal); this library is \(LUTNetVersion.text)")
    }
}
