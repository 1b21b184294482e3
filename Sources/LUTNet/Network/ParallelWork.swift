import Dispatch
import Foundation
import Synchronization

/// Spreads independent items (LUTs) across threads. Workers take chunks of items from a shared
/// counter, so the split adapts to load; results never depend on which worker ran an item.
package enum ParallelWork {
    /// Calls `body(worker, items)` for consecutive chunks of `0..<count` on `threads` workers;
    /// `worker` (0..<threads) identifies per-worker scratch space.
    static func forEach(count: Int, threads: Int, chunk: Int = 8,
                        _ body: @Sendable (_ worker: Int, _ items: Range<Int>) -> Void) {
        let workers = max(1, min(threads, (count + chunk - 1) / max(chunk, 1)))
        if workers == 1 {
            if count > 0 { body(0, 0..<count) }
            return
        }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                let start = next.wrappingAdd(chunk, ordering: .relaxed).oldValue
                if start >= count { break }
                body(worker, start..<min(start + chunk, count))
            }
        }
    }

    /// The number of threads to use when none is given: every active core (at most `maxThreads`).
    package static var defaultThreads: Int { min(ProcessInfo.processInfo.activeProcessorCount, maxThreads) }

    /// The most worker threads any command accepts.
    package static let maxThreads = 1024

    /// `threads` if it is 1...maxThreads, else an error naming `option`.
    package static func validated(threads: Int, option: String = "--threads") throws(ConfigurationError) -> Int {
        guard (1...maxThreads).contains(threads) else {
            throw .invalidValue(option: option, reason: "\(threads) threads; use 1 to \(maxThreads)")
        }
        return threads
    }
}

/// A mutable buffer shared by workers that each write disjoint parts of it.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    /// Shares a buffer that the workers only read; its owner keeps it alive while they run.
    init(readOnly buffer: UnsafeBufferPointer<Element>) {
        self.init(UnsafeMutableBufferPointer(mutating: buffer))
    }

    /// Shares a buffer whose owner keeps it alive for as long as the workers run.
    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        // An empty buffer may have no address; an aligned, never dereferenced one stands in.
        self.base = buffer.baseAddress
            ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment).unsafelyUnwrapped
        self.count = buffer.count
    }

    /// A new buffer of `count` copies of `value`; release it with `deallocate()`.
    static func allocate(count: Int, repeating value: Element) -> SharedBuffer {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(count, 1))
        buffer.initialize(repeating: value)
        return SharedBuffer(base: buffer.baseAddress.unsafelyUnwrapped, count: count)
    }

    private init(base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base
        self.count = count
    }

    /// The element at `index`, which a worker reads or writes in its own part.
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// The elements, copied into an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Releases a buffer made by `allocate(count:repeating:)`.
    func deallocate() { base.deallocate() }
}
