import Dispatch
import Foundation
import Synchronization

/// Spreads independent items (LUTs) across threads. Workers take chunks of items from a shared
/// counter, so the split adapts to load; results never depend on which worker ran an item.
package enum ParallelWork {
    /// Calls `body(worker, items)` for consecutive chunks of `0..<count` on `threads` workers;
    /// `worker` (0..<threads) identifies per-worker scratch space.
    package static func forEach(count: Int, threads: Int, chunk: Int = 8,
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
