import Foundation

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

    /// Adds `text` to the end of the existing file `path`.
    static func append(_ text: String, to path: String) throws(ExperimentError) {
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw .unwritable(path: path, reason: error.localizedDescription)
        }
    }
}
