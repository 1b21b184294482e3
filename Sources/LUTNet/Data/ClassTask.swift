/// A task of either kind: two groups of classes (`BinaryTask`, a network with one output bit) or
/// more (`MultiClassTask`, a model that names a class).
public enum ClassTask: Sendable, Equatable, CustomStringConvertible {
    /// Two groups.
    case binary(BinaryTask)
    /// Three or more groups.
    case multiClass(MultiClassTask)

    /// Parses a task of either kind for a dataset: `all` is every class of the training split, each
    /// its own group (a binary task when there are two); two groups separated by `:` are a binary
    /// task, more a multi-class task, whose classes must all have training examples.
    ///
    /// - Parameters:
    ///   - text: The task as written, e.g. `all`, `0-4:5-9` or `0:1:2`.
    ///   - dataset: The data the task is for.
    /// - Throws: ``ConfigurationError/invalidTask(_:reason:)`` naming the task when it cannot be
    ///   parsed, `all` finds fewer than two classes, or a class of a multi-class task has no training
    ///   example.
    public init(parsing text: String, for dataset: Dataset) throws(ConfigurationError) {
        let trimmed = Substring(text).trimmingWhitespace()
        if trimmed == "all" {
            let classes = dataset.train.classCounts().enumerated().filter { $0.element > 0 }.map { UInt8($0.offset) }
            switch classes.count {
            case ..<2:
                throw .invalidTask(text, reason: "\(dataset.train.source) has \(classes.count) class; a task needs two or more")
            case 2:
                self = .binary(try BinaryTask(first: [classes[0]], second: [classes[1]]))
            default:
                self = .multiClass(try MultiClassTask(groups: classes.map { [$0] }))
            }
            return
        }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false).count
        if groups <= 2 {
            self = .binary(try BinaryTask(parsing: text))
        } else {
            let task = try MultiClassTask(parsing: text)
            try task.checkClasses(in: dataset.train)
            self = .multiClass(task)
        }
    }

    /// The task's spelling.
    public var description: String {
        switch self {
        case .binary(let task): task.description
        case .multiClass(let task): task.description
        }
    }

    /// Whether the task has three or more groups.
    public var isMultiClass: Bool {
        if case .multiClass = self { return true }
        return false
    }
}
