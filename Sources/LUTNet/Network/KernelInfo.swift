/// Which instruction-set variant the C kernels run in this process.
public enum KernelInfo {
    /// The active variant's name (see `KernelVariant.active`): "portable", "avx2" or "avx512".
    public static var variantName: String { KernelVariant.active.rawValue }
}
