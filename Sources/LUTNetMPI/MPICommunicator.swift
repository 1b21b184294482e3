#if MPI
import COpenMPI
import LUTNet

/// The ranks of an MPI job (`mpirun -np N`) as a `RankCommunicator`: sums are `MPI_Allreduce`s
/// over `MPI_COMM_WORLD`, failures travel by `MPI_Allgather`. Errors of MPI calls are returned, not
/// fatal (`MPI_ERRORS_RETURN`), and every call is checked.
public final class MPICommunicator: RankCommunicator {
    /// This process's rank in MPI_COMM_WORLD.
    public let rank: Int
    /// The number of processes in MPI_COMM_WORLD.
    public let rankCount: Int
    /// The most elements one MPI call carries (its count is a C int).
    static let maxElementsPerCall = 1 << 28
    /// Bytes of each rank's failure message that travel (longer messages are cut).
    static let messageBytes = 1024

    /// Initializes MPI (once per process) and sets MPI_COMM_WORLD's error handler to return errors.
    public init() throws(DistributedError) {
        try Self.check(MPI_Init(nil, nil), "MPI_Init")
        try Self.check(MPI_Comm_set_errhandler(lutnet_mpi_comm_world(), lutnet_mpi_errors_return()), "MPI_Comm_set_errhandler")
        var rank: Int32 = 0, size: Int32 = 0
        try Self.check(MPI_Comm_rank(lutnet_mpi_comm_world(), &rank), "MPI_Comm_rank")
        try Self.check(MPI_Comm_size(lutnet_mpi_comm_world(), &size), "MPI_Comm_size")
        self.rank = Int(rank)
        self.rankCount = Int(size)
    }

    /// Ends MPI for this process; every rank calls it once, after its last collective call.
    public func finalize() {
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
        try Self.check(MPI_Barrier(lutnet_mpi_comm_world()), "MPI_Barrier")
    }

    public func gather(failure: String?) throws(DistributedError) -> [String?] {
        // Byte 0: 1 for a failure; then the message, NUL-padded.
        var mine = [UInt8](repeating: 0, count: Self.messageBytes)
        if let failure {
            mine[0] = 1
            for (i, byte) in failure.utf8.prefix(Self.messageBytes - 2).enumerated() { mine[i + 1] = byte }
        }
        var all = [UInt8](repeating: 0, count: Self.messageBytes * rankCount)
        let status = mine.withUnsafeBufferPointer { send in
            all.withUnsafeMutableBufferPointer { receive in
                MPI_Allgather(send.baseAddress, Int32(Self.messageBytes), lutnet_mpi_byte(),
                              receive.baseAddress, Int32(Self.messageBytes), lutnet_mpi_byte(), lutnet_mpi_comm_world())
            }
        }
        try Self.check(status, "MPI_Allgather")
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
            let status = MPI_Allreduce(lutnet_mpi_in_place(), base.map { $0 + start * stride }, Int32(n), type,
                                       lutnet_mpi_sum(), lutnet_mpi_comm_world())
            try Self.check(status, "MPI_Allreduce")
            start += n
        } while start < count
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
