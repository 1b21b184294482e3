import Dispatch

/// Wall-clock time in seconds, for the figures that training, fitting and benchmarks report.
public struct Stopwatch: Sendable {
    private var start = DispatchTime.now()

    /// A stopwatch started now.
    public init() {}

    /// Seconds since the start (or the last lap or reset).
    public var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    /// Starts again from now.
    public mutating func reset() { start = DispatchTime.now() }

    /// Seconds since the start (or the last lap or reset); the next lap starts now.
    public mutating func lap() -> Double {
        let now = DispatchTime.now()
        defer { start = now }
        return Double(now.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
