/// Which instruction-set variant the C kernels run in this process.
package enum KernelInfo {
    /// The active variant's name (see `KernelVariant.active`): "portable", "avx2" or "avx512".
    package static var variantName: String { KernelVariant.active.rawValue }
}
