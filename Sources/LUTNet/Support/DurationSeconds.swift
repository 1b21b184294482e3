extension Duration {
    /// The duration in seconds: the unit of the times that training, fitting, experiments and
    /// benchmarks report (measured with `ContinuousClock`).
    package var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}

/// Runs `body` `runs` times (at least once) and returns its last result and the fastest run's
/// seconds: how prediction times are reported, so that a first run's page faults and cold caches
/// do not count against one method and not the other.
package func fastestRun<T>(of runs: Int, _ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
    var best = Double.infinity
    var result: T? = nil
    for _ in 0..<max(1, runs) {
        let start = ContinuousClock.now
        result = try body()
        best = min(best, (ContinuousClock.now - start).seconds)
    }
    // The loop ran at least once.
    return (result.unsafelyUnwrapped, best)
}
