/// A binary task over class labels: examples of the first group get label 0, of the second label 1,
/// and other classes are left out. Written `0-4:5-9`, `3:8` or `1,3,5,7,9:0,2,4,6,8`.
public struct BinaryTask: Sendable, Equatable, CustomStringConvertible {
    /// Classes whose examples get label 0.
    public let first: [UInt8]
    /// Classes whose examples get label 1.
    public let second: [UInt8]

    /// Parses a task written as two class groups separated by `:`, such as `0-4:5-9`, `3:8` or
    /// `1,3,5,7,9:0,2,4,6,8`; classes are 0...255 and ranges are inclusive.
    ///
    /// - Parameter text: The task as written.
    /// - Throws: ``ConfigurationError/invalidTask(_:reason:)`` naming `text` when it is not two groups
    ///   of classes and ranges, or when a group is empty or a class is in both groups.
    public init(parsing text: String) throws(ConfigurationError) {
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        guard groups.count == 2 else {
            throw .invalidTask(text, reason: "expected two class groups separated by ':' (e.g. 0-4:5-9)")
        }
        let first = try Self.parseGroup(groups[0], task: text)
        let second = try Self.parseGroup(groups[1], task: text)
        try self.init(first: first, second: second)
    }

    /// A task from two disjoint, non-empty class groups.
    ///
    /// - Parameters:
    ///   - first: The classes whose examples get label 0.
    ///   - second: The classes whose examples get label 1.
    /// - Throws: ``ConfigurationError/invalidTask(_:reason:)`` when a group is empty or a class is in
    ///   both groups.
    public init(first: [UInt8], second: [UInt8]) throws(ConfigurationError) {
        let firstSet = Set(first), secondSet = Set(second)
        let name = "\(Self.format(first)):\(Self.format(second))"
        guard !firstSet.isEmpty, !secondSet.isEmpty else {
            throw .invalidTask(name, reason: "each group must name at least one class")
        }
        if let shared = firstSet.intersection(secondSet).min() {
            throw .invalidTask(name, reason: "class \(shared) is in both groups")
        }
        self.first = firstSet.sorted()
        self.second = secondSet.sorted()
    }

    /// The task to use when none is given: `0:1` for data with at most two classes (such as PLA
    /// files), else `0-4:5-9`, the paper's task.
    package static func defaultTask(for dataset: Dataset) -> BinaryTask {
        defaultTask(classCount: dataset.train.classCounts().count)
    }

    /// The default task for training data whose largest class is `classCount` - 1: 0:1 for data
    /// with at most two classes, 0-4:5-9 otherwise.
    package static func defaultTask(classCount: Int) -> BinaryTask {
        let twoClass = classCount <= 2
        // Both spellings are valid tasks.
        return (try? BinaryTask(first: twoClass ? [0] : [0, 1, 2, 3, 4], second: twoClass ? [1] : [5, 6, 7, 8, 9]))
            ?? { preconditionFailure("the default tasks are valid") }()
    }

    /// The canonical spelling, with runs of consecutive classes as ranges.
    public var description: String { "\(Self.format(first)):\(Self.format(second))" }

    /// The label of `label`'s class in this task: 0, 1, or nil if the class takes no part.
    package func binaryLabel(of label: UInt8) -> UInt8? {
        if first.contains(label) { return 0 }
        if second.contains(label) { return 1 }
        return nil
    }

    /// Indices of the examples that take part, with their binary labels.
    package func select(from labels: [UInt8]) -> (indices: [UInt32], labels: [UInt8]) {
        var lookup = [UInt8](repeating: 2, count: 256)
        for c in first { lookup[Int(c)] = 0 }
        for c in second { lookup[Int(c)] = 1 }
        var indices: [UInt32] = []
        var binary: [UInt8] = []
        indices.reserveCapacity(labels.count)
        binary.reserveCapacity(labels.count)
        for (i, label) in labels.enumerated() where lookup[Int(label)] != 2 {
            indices.append(UInt32(i))
            binary.append(lookup[Int(label)])
        }
        return (indices, binary)
    }

    static func parseGroup(_ group: Substring, task: String) throws(ConfigurationError) -> [UInt8] {
        var classes: [UInt8] = []
        for item in group.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count),
                  let low = UInt8(bounds[0].trimmingWhitespace()),
                  let high = UInt8(bounds[bounds.count - 1].trimmingWhitespace()), low <= high else {
                throw .invalidTask(task, reason: "'\(item)' is not a class (0-255) or a range such as 0-4")
            }
            classes.append(contentsOf: low...high)
        }
        return classes
    }

    static func format(_ classes: [UInt8]) -> String {
        let sorted = Set(classes).sorted()
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end > index + 1 ? "\(sorted[index])-\(sorted[end])"
                         : (index...end).map { String(sorted[$0]) }.joined(separator: ","))
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}

extension Substring {
    /// The text without leading and trailing whitespace.
    package func trimmingWhitespace() -> Substring {
        var result = self
        while result.first?.isWhitespace == true { result = result.dropFirst() }
        while result.last?.isWhitespace == true { result = result.dropLast() }
        return result
    }
}
