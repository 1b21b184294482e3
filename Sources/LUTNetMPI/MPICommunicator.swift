#if MPI
import COpenMPI
import Foundation
import LUTNet

/// The ranks of an MPI job (`mpirun -np N`) as a `RankCommunicator`: sums are `MPI_Allreduce`s
/// over `MPI_COMM_WORLD`, failures travel by `MPI_Allgather`. Errors of MPI calls are returned, not
/// fatal (`MPI_ERRORS_RETURN`), and every call is checked. Every exchange is a non-blocking
/// collective that this rank polls against `timeout`: when the other ranks have not all taken
/// part by then (one stopped, hangs, or lost its machine), it says so and ends the whole job with
/// `MPI_Abort`.
public final class MPICommunicator: RankCommunicator {
    /// This process's rank in MPI_COMM_WORLD.
    public let rank: Int
    /// The number of processes in MPI_COMM_WORLD.
    public let rankCount: Int
    /// The longest this rank waits in one exchange for the other ranks; nil to wait forever.
    public let timeout: Duration?
    /// Exchanges this rank has started, to name the one that timed out.
    private var exchanges = 0
    /// The most elements one MPI call carries (its count is a C int).
    static let maxElementsPerCall = 1 << 28
    /// Bytes of each rank's failure message that travel (longer messages are cut).
    static let messageBytes = 1024

    /// Initializes MPI (once per process) and sets MPI_COMM_WORLD's error handler to return errors;
    /// every exchange waits at most `timeout` for the other ranks (nil: forever).
    public init(timeout: Duration?) throws(DistributedError) {
        self.timeout = timeout
        try Self.check(MPI_Init(nil, nil), "MPI_Init")
        try Self.check(MPI_Comm_set_errhandler(lutnet_mpi_comm_world(), lutnet_mpi_errors_return()), "MPI_Comm_set_errhandler")
        var rank: Int32 = 0, size: Int32 = 0
        try Self.check(MPI_Comm_rank(lutnet_mpi_comm_world(), &rank), "MPI_Comm_rank")
        try Self.check(MPI_Comm_size(lutnet_mpi_comm_world(), &size), "MPI_Comm_size")
        self.rank = Int(rank)
        self.rankCount = Int(size)
    }

    /// Ends MPI for this process; every rank calls it once, after its last collective call. A
    /// barrier bounded by `timeout` comes first, since `MPI_Finalize` waits for every rank unbounded.
    public func finalize() {
        try? barrier()
        MPI_Finalize()
    }

    /// Ends every rank of the job with `code` (for a failure only some ranks saw).
    public func abort(code: Int32) -> Never {
        MPI_Abort(lutnet_mpi_comm_world(), code)
        fatalError("MPI_Abort returned")
    }

    public func sum(_ values: UnsafeMutableBufferPointer<UInt32>) throws(DistributedError) {
        try allReduce(UnsafeMutableRawPointer(values.baseAddress), count: values.count, stride: 4, type: lutnet_mpi_uint32())
    }

    public func sum(_ values: UnsafeMutableBufferPointer<UInt64>) throws(DistributedError) {
        try allReduce(UnsafeMutableRawPointer(values.baseAddress), count: values.count, stride: 8, type: lutnet_mpi_uint64())
    }

    public func barrier() throws(DistributedError) {
        try complete("MPI_Barrier") { MPI_Ibarrier(lutnet_mpi_comm_world(), &$0) }
    }

    public func gather(failure: String?) throws(DistributedError) -> [String?] {
        // Byte 0: 1 for a failure; then the message, NUL-padded.
        var mine = [UInt8](repeating: 0, count: Self.messageBytes)
        if let failure {
            mine[0] = 1
            for (i, byte) in failure.utf8.prefix(Self.messageBytes - 2).enumerated() { mine[i + 1] = byte }
        }
        var all = [UInt8](repeating: 0, count: Self.messageBytes * rankCount)
        try mine.withUnsafeBufferPointer { (send) throws(DistributedError) in
            try all.withUnsafeMutableBufferPointer { (receive) throws(DistributedError) in
                try complete("MPI_Allgather") {
                    MPI_Iallgather(send.baseAddress, Int32(Self.messageBytes), lutnet_mpi_byte(), receive.baseAddress,
                                   Int32(Self.messageBytes), lutnet_mpi_byte(), lutnet_mpi_comm_world(), &$0)
                }
            }
        }
        return (0..<rankCount).map { rank in
            let record = all[rank * Self.messageBytes ..< (rank + 1) * Self.messageBytes]
            guard record.first == 1 else { return nil }
            let text = record.dropFirst().prefix { $0 != 0 }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// Sums `count` elements of `stride` bytes at `base` in place over all ranks, in calls of at
    /// most `maxElementsPerCall` elements.
    private func allReduce(_ base: UnsafeMutableRawPointer?, count: Int, stride: Int, type: MPI_Datatype) throws(DistributedError) {
        var start = 0
        repeat {
            let n = min(Self.maxElementsPerCall, count - start)
            try complete("MPI_Allreduce") {
                MPI_Iallreduce(lutnet_mpi_in_place(), base.map { $0 + start * stride }, Int32(n), type,
                               lutnet_mpi_sum(), lutnet_mpi_comm_world(), &$0)
            }
            start += n
        } while start < count
    }

    /// Starts the non-blocking collective `call` through `start` (which fills in its request) and
    /// polls it until every rank has taken part. When that takes longer than `timeout`, writes
    /// `rank R: …` naming the call to standard error and ends every rank of the job (`MPI_Abort`).
    private func complete(_ call: String, _ start: (inout MPI_Request?) -> Int32) throws(DistributedError) {
        exchanges += 1
        var request: MPI_Request? = lutnet_mpi_request_null()
        try Self.check(start(&request), call)
        let began = ContinuousClock.now
        var done: Int32 = 0
        while true {
            try Self.check(MPI_Test(&request, &done, lutnet_mpi_status_ignore()), "MPI_Test")
            if done != 0 { return }
            let waited = ContinuousClock.now - began
            if let timeout, waited > timeout { abandon(call, after: timeout) }
            // Open MPI moves a non-blocking collective on only while it is tested, so the test
            // repeats without sleeping (as its blocking calls spin), yielding the core in between.
            sched_yield()
        }
    }

    /// Says that exchange `call` got no answer from every rank within `timeout` and ends the job.
    private func abandon(_ call: String, after timeout: Duration) -> Never {
        let message = "rank \(rank): the other ranks did not all take part in exchange \(exchanges) (\(call)) within "
            + String(format: "%g s ", timeout.seconds)
            + "(--mpi-timeout): a rank has stopped, hangs, or is slower than that; ending every rank of the job\n"
        FileHandle.standardError.write(Data(message.utf8))
        abort(code: 1)
    }

    /// Throws naming `call` and MPI's own message unless `status` is MPI_SUCCESS.
    static func check(_ status: Int32, _ call: String) throws(DistributedError) {
        guard status != MPI_SUCCESS else { return }
        var text = [CChar](repeating: 0, count: Int(MPI_MAX_ERROR_STRING) + 1)
        var length: Int32 = 0
        MPI_Error_string(status, &text, &length)
        throw .communication(call: call, message: String(decoding: text.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
#endif
