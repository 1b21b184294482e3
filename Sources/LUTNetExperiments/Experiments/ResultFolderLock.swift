import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a results folder (`flock` on its `.lock` file), held while one run writes
/// there, so that a second run on the same folder stops instead of interleaving its records.
public final class ResultFolderLock {
    private var descriptor: Int32

    /// Creates `folder` when absent and takes its lock. Throws naming the folder when another
    /// process holds it or the lock file cannot be opened.
    public init(folder: String) throws(ExperimentError) {
        try ResultFiles.makeFolder(folder)
        let path = (folder as NSString).appendingPathComponent(".lock")
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            descriptor = -1
            throw .unwritable(path: folder, reason: "another run is writing to this folder (it holds \(path))")
        }
    }

    /// Releases the lock (also when the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
