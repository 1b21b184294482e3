import Foundation

/// Why an experiment could not read or write its results. Each description names the file.
package enum ExperimentError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A results file has a header other than the one this experiment writes.
    case headerMismatch(path: String, found: [String], expected: [String])
    /// A results file has a record that cannot be read; `line` is 1-based.
    case malformedRecord(path: String, line: Int, reason: String)
    /// A file or folder could not be created or written.
    case unwritable(path: String, reason: String)
    /// A file exists but could not be read as text.
    case unreadable(path: String, reason: String)
    /// A results file holds results of data named `data` whose identity differs from the data of
    /// that name given now (`recorded` is nil for results written before identities were recorded).
    case dataMismatch(path: String, data: String, recorded: DataIdentity?, given: DataIdentity)
    /// Another experiment is writing into the results folder `folder` (see `ResultFolderLock`);
    /// `holder` is what its lock file says of it (process id and command line).
    case folderInUse(folder: String, holder: String)

    /// What went wrong, naming the file.
    package var description: String {
        switch self {
        case .headerMismatch(let path, let found, let expected):
            "\(path): header '\(found.joined(separator: ","))' is not this experiment's "
                + "'\(expected.joined(separator: ","))'; use another --out folder or remove the file"
        case .malformedRecord(let path, let line, let reason):
            "\(path), line \(line): \(reason)"
        case .unwritable(let path, let reason):
            "\(path): cannot write: \(reason)"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .dataMismatch(let path, let data, let recorded, let given):
            "\(path): "
                + (recorded.map { "holds results of data '\(data)' from \($0), but the data '\(data)' given now is \(given)" }
                   ?? "holds results of data '\(data)' written before results recorded their data's identity, so they "
                      + "cannot be checked against the data given now, \(given)")
                + "; results of different data are never mixed: use another --out folder, or --fresh to discard "
                + "the results in \((path as NSString).deletingLastPathComponent) and start afresh"
        case .folderInUse(let folder, let holder):
            "\(folder): another experiment is writing into this results folder (\(holder)); wait for it to end "
                + "or use another --out folder (two writers would mix their rows)"
        }
    }
}
