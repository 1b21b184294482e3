#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one writer of an experiment's output folder. Every experiment that writes a folder (its
/// results files and its report) holds this lock while it does: an exclusive `flock` on the file
/// `.lutnet.lock` inside the folder, which names the holder (its process id and command line).
/// A second experiment started on the same folder, in this process or another, is refused at once
/// (`ExperimentError.folderInUse`, naming the folder and the holder) instead of mixing its rows
/// with the first one's. The operating system releases the lock when its holder ends, however it
/// ends, so a killed experiment never leaves the folder locked; the lock file stays behind, naming
/// its last holder.
package final class ResultFolderLock {
    /// The name of the lock file inside a results folder.
    package static let fileName = ".lutnet.lock"

    /// The folder held.
    package let folder: String
    /// The lock file.
    package let path: String
    private var descriptor: Int32

    /// Takes the lock of `folder` (created when absent) for this process, and writes this process's
    /// id and command line into the lock file.
    /// - Parameter folder: The results folder.
    /// - Throws: `ExperimentError.folderInUse` when another writer holds it; `.unwritable` when the
    ///   folder or its lock file cannot be made.
    package init(folder: String) throws(ExperimentError) {
        try ResultFiles.makeFolder(folder)
        self.folder = folder
        path = folder.hasSuffix("/") ? folder + Self.fileName : folder + "/" + Self.fileName
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: Self.systemError()) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = Self.systemError()
            let holder = Self.holder(of: descriptor)
            close(descriptor)
            descriptor = -1
            guard busy else { throw .unwritable(path: path, reason: "cannot lock: \(reason)") }
            throw .folderInUse(folder: folder, holder: holder)
        }
        // The command line, cut to a length a message can quote.
        let command = CommandLine.arguments.joined(separator: " ")
        let quoted = command.count > 200 ? command.prefix(200) + "…" : Substring(command)
        let text = Array("pid \(getpid()): \(quoted)\n".utf8)
        guard ftruncate(descriptor, 0) == 0, Self.writeAll(text, to: descriptor) else {
            let reason = Self.systemError()
            release()
            throw .unwritable(path: path, reason: reason)
        }
    }

    deinit { release() }

    /// Lets the folder go (also done when the lock is freed or the process ends).
    package func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// What the lock file says of its holder (its first line), read through `descriptor`.
    private static func holder(of descriptor: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        guard count > 0 else { return "another process (the lock file names none yet)" }
        let text = String(decoding: bytes[..<count], as: UTF8.self)
        return String(text.split(separator: "\n", omittingEmptySubsequences: true).first ?? Substring(text))
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }
}
