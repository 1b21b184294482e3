/// A mutable buffer shared by workers that each write disjoint parts of it.
package struct SharedBuffer<Element>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<Element>
    package let count: Int

    /// Shares a buffer that the workers only read; its owner keeps it alive while they run.
    package init(readOnly buffer: UnsafeBufferPointer<Element>) {
        self.init(UnsafeMutableBufferPointer(mutating: buffer))
    }

    /// Shares a buffer whose owner keeps it alive for as long as the workers run.
    package init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        // An empty buffer may have no address; an aligned, never dereferenced one stands in.
        self.base = buffer.baseAddress
            ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment).unsafelyUnwrapped
        self.count = buffer.count
    }

    /// A new buffer of `count` copies of `value`; release it with `deallocate()`.
    package static func allocate(count: Int, repeating value: Element) -> SharedBuffer {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(count, 1))
        buffer.initialize(repeating: value)
        return SharedBuffer(base: buffer.baseAddress.unsafelyUnwrapped, count: count)
    }

    private init(base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base
        self.count = count
    }

    /// The element at `index`, which a worker reads or writes in its own part.
    package subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// The elements, copied into an array.
    package var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Releases a buffer made by `allocate(count:repeating:)`.
    package func deallocate() { base.deallocate() }
}
