/// Mean, spread and extremes of a list of measurements (for example one accuracy over seeds).
package struct Summary: Sendable, Equatable {
    /// Number of values.
    package let count: Int
    /// Arithmetic mean; 0 for no values.
    package let mean: Double
    /// Sample standard deviation (divisor n − 1); 0 for fewer than two values.
    package let standardDeviation: Double
    /// Smallest value; 0 for no values.
    package let minimum: Double
    /// Largest value; 0 for no values.
    package let maximum: Double

    /// The summary of `values`.
    package init<Values: Collection>(_ values: Values) where Values.Element == Double {
        count = values.count
        guard count > 0 else {
            mean = 0; standardDeviation = 0; minimum = 0; maximum = 0
            return
        }
        let mean = values.reduce(0, +) / Double(count)
        self.mean = mean
        if count > 1 {
            let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            standardDeviation = (squares / Double(count - 1)).squareRoot()
        } else {
            standardDeviation = 0
        }
        minimum = values.min() ?? 0
        maximum = values.max() ?? 0
    }

    /// Pools groups that each have their own mean and population standard deviation over the same
    /// number of members (for example a layer's LUTs in several networks): the mean of the means
    /// and the standard deviation of all members together.
    package static func pooled(means: [Double], standardDeviations: [Double]) -> (mean: Double, standardDeviation: Double) {
        precondition(means.count == standardDeviations.count, "one standard deviation per mean")
        guard !means.isEmpty else { return (0, 0) }
        let n = Double(means.count)
        let mean = means.reduce(0, +) / n
        // Total variance = mean within-group variance + variance of the group means.
        let within = standardDeviations.reduce(0) { $0 + $1 * $1 } / n
        let between = means.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        return (mean, (within + between).squareRoot())
    }
}
