import LUTNet
import COpenBLAS

/// OpenBLAS's process-wide thread count. The baseline's workers each call OpenBLAS on blocks of
/// their own, so a program sets OpenBLAS to one thread once, at start-up, before any fit; no fit
/// changes the setting, so that fits can run side by side.
package enum OpenBLASThreads {
    /// The number of threads OpenBLAS uses for one call.
    package static var current: Int { Int(openblas_get_num_threads()) }

    /// Sets OpenBLAS's thread count; call it before any fit, never during one.
    package static func set(_ count: Int) {
        openblas_set_num_threads(Int32(clamping: max(1, count)))
    }
}
