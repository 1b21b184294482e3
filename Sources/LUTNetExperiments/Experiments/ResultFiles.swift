import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing whole files of an experiment's output folder.
enum ResultFiles {
    /// Creates `folder` (and its parents) when absent.
    static func makeFolder(_ folder: String) throws(ExperimentError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .unwritable(path: folder, reason: "it is a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: folder, reason: error.localizedDescription)
        }
    }

    /// The text of `path`, or nil when there is no such file.
    static func read(_ path: String) throws(ExperimentError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        return text
    }

    /// Replaces `path` with `text` in one step (written beside it, then renamed).
    static func write(_ text: String, to path: String) throws(ExperimentError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path: path, reason: error.localizedDescription)
        }
    }

    /// Deletes the file `path` when there is one.
    static func remove(_ path: String) throws(ExperimentError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do { try FileManager.default.removeItem(atPath: path) } catch {
            throw .unwritable(path: path, reason: "cannot remove: \(error.localizedDescription)")
        }
    }

    /// Adds `text` to the end of the existing file `path`. The file is opened with `O_APPEND`, so
    /// every write lands at the end of the file as it is then, whoever else has it open.
    static func append(_ text: String, to path: String) throws(ExperimentError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
            offset += written
        }
    }
}
