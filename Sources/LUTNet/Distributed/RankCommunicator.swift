/// How the ranks of a data-parallel run (processes, or threads standing in for them) combine what
/// each counted on its shard. Every rank makes the same calls in the same order with buffers of the
/// same size; a call returns on a rank once every rank has made it.
public protocol RankCommunicator {
    /// This rank: 0..<rankCount.
    var rank: Int { get }
    /// The number of ranks.
    var rankCount: Int { get }
    /// Replaces `values` by their element-wise sum over all ranks (wrapping; callers choose a width
    /// the sums fit).
    ///
    /// - Parameter values: This rank's values; every rank passes as many.
    /// - Throws: ``DistributedError/communication(call:message:)`` when the sum fails.
    func sum(_ values: UnsafeMutableBufferPointer<UInt32>) throws(DistributedError)
    /// Replaces `values` by their element-wise sum over all ranks.
    ///
    /// - Parameter values: This rank's values; every rank passes as many.
    /// - Throws: ``DistributedError/communication(call:message:)`` when the sum fails.
    func sum(_ values: UnsafeMutableBufferPointer<UInt64>) throws(DistributedError)
    /// Returns once every rank has called it (so that the time of a sum after it is the sum's own,
    /// not the wait for the slowest rank).
    ///
    /// - Throws: ``DistributedError/communication(call:message:)`` when the barrier fails.
    func barrier() throws(DistributedError)
    /// Every rank's failure, gathered on every rank.
    ///
    /// - Parameter failure: Why this rank failed, or nil when it succeeded.
    /// - Returns: Every rank's failure (nil where a rank succeeded), in rank order.
    /// - Throws: ``DistributedError/communication(call:message:)`` when the exchange fails.
    func gather(failure: String?) throws(DistributedError) -> [String?]
}

extension RankCommunicator {
    /// `values` summed over all ranks.
    package func summed(_ values: [UInt64]) throws(DistributedError) -> [UInt64] {
        var values = values
        try values.withUnsafeMutableBufferPointer { (buffer) throws(DistributedError) in try sum(buffer) }
        return values
    }

    /// Runs `body`; when it fails on any rank, every rank throws `rankFailed` naming the failed
    /// ranks and their reasons (so no rank waits for one that stopped).
    package func agree<T>(_ body: () throws -> T) throws(DistributedError) -> T {
        var value: T? = nil
        var failure: String? = nil
        do { value = try body() } catch { failure = String(describing: error) }
        let failures = try gather(failure: failure).enumerated().compactMap { rank, reason in
            reason.map { (rank: rank, reason: $0) }
        }
        if let value, failures.isEmpty { return value }
        throw .rankFailed(failures.isEmpty ? [(rank, failure ?? "failed")] : failures)
    }
}

/// A failure of a data-parallel run.
public enum DistributedError: Error, CustomStringConvertible, Sendable {
    /// Ranks that could not go on (their data could not be read, their options were impossible, their
    /// memory would not do), each with its reason; every rank stops with this error.
    case rankFailed([(rank: Int, reason: String)])
    /// The communication layer reported an error (the call and its message).
    case communication(call: String, message: String)
    /// The ranks do not hold the same data (shape, splits) or options.
    case inconsistent(String)
    /// The ranks' examples together make an impossible run (a task group with no examples).
    case invalid(ConfigurationError)

    /// A sentence naming the ranks or call at fault and why.
    public var description: String {
        switch self {
        case .rankFailed(let failures):
            failures.map { "rank \($0.rank): \($0.reason)" }.joined(separator: "; ")
        case .communication(let call, let message):
            "\(call) failed: \(message)"
        case .inconsistent(let reason):
            "the ranks disagree: \(reason)"
        case .invalid(let error):
            error.description
        }
    }
}
