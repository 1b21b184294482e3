/// A task over three or more groups of classes: the examples of group g get class g of the model,
/// other classes are left out. Written `0:1:2:3:4:5:6:7:8:9`, `0-1:2-3:4` (a group may hold several
/// classes, as in a binary task), or `all`: every class of the data, each its own group.
public struct MultiClassTask: Sendable, Equatable, CustomStringConvertible {
    /// The classes of every group, group g being the model's class g; sorted, disjoint, non-empty.
    public let groups: [[UInt8]]

    /// The most groups a task may have: a model's class is a byte.
    public static let maxGroups = 256

    /// A task from three or more disjoint, non-empty groups of classes.
    ///
    /// - Parameter groups: The classes of every group; group g is the model's class g. At most
    ///   ``maxGroups``.
    /// - Throws: ``ConfigurationError/invalidTask(_:reason:)`` naming the task when a group is empty,
    ///   a class is in two groups, or there are too few or too many groups.
    public init(groups: [[UInt8]]) throws(ConfigurationError) {
        let name = groups.map { BinaryTask.format($0) }.joined(separator: ":")
        guard groups.count >= 3 else {
            throw .invalidTask(name, reason: "\(groups.count) groups; a task needs two groups (binary) or more (multi-class)")
        }
        guard groups.count <= Self.maxGroups else {
            throw .invalidTask(name, reason: "\(groups.count) groups is more than the \(Self.maxGroups) a model can tell apart")
        }
        var seen = Set<UInt8>()
        for (index, group) in groups.enumerated() {
            guard !group.isEmpty else { throw .invalidTask(name, reason: "group \(index) names no class") }
            for c in Set(group) where !seen.insert(c).inserted {
                throw .invalidTask(name, reason: "class \(c) is in more than one group")
            }
        }
        self.groups = groups.map { Set($0).sorted() }
    }

    /// Parses a task of three or more groups separated by `:`, such as `0:1:2` or `0-1:2-3:4`.
    ///
    /// - Parameter text: The task as written.
    /// - Throws: ``ConfigurationError/invalidTask(_:reason:)`` naming `text` when it has fewer than
    ///   three or more than ``maxGroups`` groups, a group is not classes and ranges, a group is empty,
    ///   or a class is in two groups.
    public init(parsing text: String) throws(ConfigurationError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3 else {
            throw .invalidTask(text, reason: "expected three or more class groups separated by ':' (e.g. 0:1:2)")
        }
        guard parts.count <= Self.maxGroups else {
            throw .invalidTask(text, reason: "\(parts.count) groups is more than the \(Self.maxGroups) a model can tell apart")
        }
        var groups: [[UInt8]] = []
        for part in parts { groups.append(try BinaryTask.parseGroup(part, task: text)) }
        do {
            try self.init(groups: groups)
        } catch {
            // Name the task as the user wrote it.
            guard case .invalidTask(_, let reason) = error else { throw error }
            throw .invalidTask(text, reason: reason)
        }
    }

    /// Number of groups: the model's classes.
    public var classCount: Int { groups.count }

    /// The canonical spelling, groups separated by ':', runs of classes as ranges.
    public var description: String { groups.map { BinaryTask.format($0) }.joined(separator: ":") }

    /// Throws naming the task when one of its classes has no example in `images` (a class the
    /// data does not have, such as 12 on MNIST).
    package func checkClasses(in images: ImageSet) throws(ConfigurationError) {
        let counts = images.classCounts()
        for group in groups {
            for c in group where Int(c) >= counts.count || counts[Int(c)] == 0 {
                throw .invalidTask(description, reason: "class \(c) has no example in \(images.source)")
            }
        }
    }

    /// The lookup from a data label to its group (`UInt16(256)`: left out).
    package var classOfLabel: [UInt16] {
        var lookup = [UInt16](repeating: 256, count: 256)
        for (g, group) in groups.enumerated() { for c in group { lookup[Int(c)] = UInt16(g) } }
        return lookup
    }

    /// Indices of the examples that take part, with their classes (group indices).
    package func select(from labels: [UInt8]) -> (indices: [UInt32], classes: [UInt8]) {
        let lookup = classOfLabel
        var indices: [UInt32] = [], classes: [UInt8] = []
        indices.reserveCapacity(labels.count)
        classes.reserveCapacity(labels.count)
        for (i, label) in labels.enumerated() where lookup[Int(label)] < 256 {
            indices.append(UInt32(i))
            classes.append(UInt8(lookup[Int(label)]))
        }
        return (indices, classes)
    }
}
