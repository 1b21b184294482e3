import LUTNet

/// A task as results name it.
extension ClassTask {
    /// The classes of every group: a binary task's two, a multi-class task's three or more.
    package var groups: [[UInt8]] {
        switch self {
        case .binary(let task): [task.first, task.second]
        case .multiClass(let task): task.groups
        }
    }

    /// Reads a task as results record it: two groups are a binary task, more a multi-class one.
    init(parsingRecorded text: String) throws(ConfigurationError) {
        if text.split(separator: ":", omittingEmptySubsequences: false).count <= 2 {
            self = .binary(try BinaryTask(parsing: text))
        } else {
            self = .multiClass(try MultiClassTask(parsing: text))
        }
    }
}
