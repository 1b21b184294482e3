import CSupport

/// Which instruction-set variant the C kernels run on this processor.
package enum KernelInfo {
    /// "avx512" or "portable".
    package static var variantName: String {
        lutnet_best_kernel_variant() == LUTNET_KERNEL_AVX512 ? "avx512" : "portable"
    }
}
