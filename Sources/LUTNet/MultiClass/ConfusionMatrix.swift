/// How often each class was predicted as each class: `count(actual:predicted:)`, with the
/// accuracy overall and per class.
public struct ConfusionMatrix: Sendable, Equatable {
    /// Number of classes.
    public let classCount: Int
    /// Row-major counts: `counts[actual * classCount + predicted]`.
    public let counts: [Int]

    /// The matrix of the actual and predicted classes of a set of examples.
    ///
    /// - Parameters:
    ///   - actual: The class of every example, each below `classCount`.
    ///   - predicted: The predicted class of every example (as many), each below `classCount`.
    ///   - classCount: The number of classes.
    public init(actual: [UInt8], predicted: [UInt8], classCount: Int) {
        precondition(actual.count == predicted.count, "one prediction per example")
        var counts = [Int](repeating: 0, count: classCount * classCount)
        for (a, p) in zip(actual, predicted) { counts[Int(a) * classCount + Int(p)] += 1 }
        self.classCount = classCount
        self.counts = counts
    }

    /// How often one class was predicted as another.
    ///
    /// - Parameters:
    ///   - actual: The examples' class.
    ///   - predicted: The class predicted.
    /// - Returns: The number of examples of class `actual` predicted as `predicted`.
    public func count(actual: Int, predicted: Int) -> Int { counts[actual * classCount + predicted] }

    /// Number of examples.
    public var total: Int { counts.reduce(0, +) }

    /// Fraction of examples predicted correctly (0 without examples).
    public var accuracy: Double {
        let correct = (0..<classCount).reduce(0) { $0 + count(actual: $1, predicted: $1) }
        return total > 0 ? Double(correct) / Double(total) : 0
    }

    /// Per class, the fraction of its examples predicted correctly (nil for a class without examples).
    public var classAccuracies: [Double?] {
        (0..<classCount).map { c in
            let row = (0..<classCount).reduce(0) { $0 + count(actual: c, predicted: $1) }
            return row > 0 ? Double(count(actual: c, predicted: c)) / Double(row) : nil
        }
    }

    /// The matrix as CSV: a header `actual,NAME…` and one line per actual class, `names` the
    /// classes' names.
    package func csv(names: [String]) -> String {
        var lines = ["actual," + names.joined(separator: ",")]
        for a in 0..<classCount {
            lines.append(names[a] + "," + (0..<classCount).map { String(count(actual: a, predicted: $0)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
