import Foundation

/// Ranks that are threads of one process, summing through shared memory: the same arithmetic as
/// ranks that are processes joined by MPI, without MPI. `communicator(rank:)` gives each thread its
/// own view.
public final class InProcessRanks: @unchecked Sendable {
    /// The number of ranks (threads) taking part.
    public let rankCount: Int
    private let condition = NSCondition()
    private var accumulator: [UInt64] = []
    private var failures: [String?] = []
    private var result: [UInt64] = []
    private var resultFailures: [String?] = []
    private var arrived = 0
    private var generation = 0

    /// A group of ranks that are threads of this process.
    ///
    /// - Parameter rankCount: The number of ranks, 1 or more.
    public init(rankCount: Int) {
        precondition(rankCount >= 1, "at least one rank")
        self.rankCount = rankCount
    }

    /// The communicator one rank (thread) uses.
    ///
    /// - Parameter rank: The rank, 0..<``rankCount``.
    /// - Returns: That rank's view of the group.
    public func communicator(rank: Int) -> RankCommunicator {
        precondition((0..<rankCount).contains(rank), "rank \(rank) of \(rankCount)")
        return Member(group: self, rank: rank)
    }

    /// Adds `values` (and `failure`, at `rank`) into the current round; returns the round's totals
    /// once every rank has contributed.
    fileprivate func exchange(rank: Int, values: [UInt64], failure: String?) -> (sums: [UInt64], failures: [String?]) {
        condition.lock()
        defer { condition.unlock() }
        let round = generation
        if arrived == 0 {
            accumulator = values
            failures = [String?](repeating: nil, count: rankCount)
        } else {
            precondition(accumulator.count == values.count, "every rank sums buffers of the same size")
            for i in values.indices { accumulator[i] &+= values[i] }
        }
        failures[rank] = failure
        arrived += 1
        if arrived == rankCount {
            // A rank can only start the next round after this one's results are published.
            result = accumulator
            resultFailures = failures
            arrived = 0
            generation += 1
            condition.broadcast()
        } else {
            while generation == round { condition.wait() }
        }
        return (result, resultFailures)
    }

    private struct Member: RankCommunicator {
        let group: InProcessRanks
        let rank: Int
        var rankCount: Int { group.rankCount }

        func sum(_ values: UnsafeMutableBufferPointer<UInt32>) throws(DistributedError) {
            let sums = group.exchange(rank: rank, values: values.map(UInt64.init), failure: nil).sums
            for i in values.indices { values[i] = UInt32(truncatingIfNeeded: sums[i]) }
        }

        func sum(_ values: UnsafeMutableBufferPointer<UInt64>) throws(DistributedError) {
            let sums = group.exchange(rank: rank, values: Array(values), failure: nil).sums
            for i in values.indices { values[i] = sums[i] }
        }

        func barrier() throws(DistributedError) {
            _ = group.exchange(rank: rank, values: [], failure: nil)
        }

        func gather(failure: String?) throws(DistributedError) -> [String?] {
            group.exchange(rank: rank, values: [], failure: failure).failures
        }
    }
}
