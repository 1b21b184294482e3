extension RankCommunicator {
    /// Checks that every rank trains with the setup of rank 0 before any rank sums a counter: rank
    /// 0's setup travels to every rank, each compares it with its own, and when any differs every
    /// rank throws `rankFailed` naming each differing rank and what differs ("rank 1: --layers is
    /// 2x65 here but 2x64 on rank 0"). The calls it makes have the same sizes on every rank
    /// whatever the setups, so ranks that disagree stop together.
    ///
    /// - Parameter setup: This rank's setup.
    /// - Throws: `DistributedError.rankFailed` on every rank when a rank's setup differs from rank
    ///   0's; `DistributedError.communication` when a call fails.
    package func agree(on setup: TrainingSetup) throws(DistributedError) {
        let reference = try rankZeroBytes(setup.encoded)
        var failure: String? = nil
        if rank != 0 {
            if let theirs = TrainingSetup(encoded: reference) {
                let differences = setup.differences(from: theirs, referenceName: "rank 0")
                if !differences.isEmpty { failure = differences.joined(separator: ", ") }
            } else {
                failure = "it cannot read rank 0's setup (do all ranks run the same lutnet build?)"
            }
        }
        let failures = try gather(failure: failure).enumerated().compactMap { rank, reason in reason.map { (rank: rank, reason: $0) } }
        if !failures.isEmpty { throw .rankFailed(failures) }
    }

    /// Rank 0's `bytes` on every rank: two sums, of the length and then of the bytes, to which the
    /// other ranks add zeros.
    func rankZeroBytes(_ bytes: [UInt8]) throws(DistributedError) -> [UInt8] {
        let length = Int(try summed([rank == 0 ? UInt64(bytes.count) : 0])[0])
        var words = [UInt64](repeating: 0, count: (length + 7) / 8)
        if rank == 0 {
            for (index, byte) in bytes.enumerated() { words[index / 8] |= UInt64(byte) << UInt64(8 * (index % 8)) }
        }
        let sums = try summed(words)
        return (0..<length).map { UInt8(truncatingIfNeeded: sums[$0 / 8] >> UInt64(8 * ($0 % 8))) }
    }
}
