/// The figure of an IWLS 2020 contest run: test accuracy (%) against the AND count of each
/// function's circuit (logarithmic), points coloured by the function's category, with the teams'
/// published averages as labelled reference points and the contest's 5,000-AND limit as a
/// vertical line.
///
/// ```swift
/// let rows = [IWLSContestFigure.Row(name: "ex00", category: "adders", ands: 412, accuracy: 0.9931), …]
/// let svg = IWLSContestFigure.chart(rows, subtitle: "k = 8, 3 × 64 LUTs, chosen by validation").markup()
/// ```
package enum IWLSContestFigure {
    /// One function's circuit.
    package struct Row: Sendable, Equatable {
        /// The benchmark, e.g. `ex00`.
        package let name: String
        /// Its group of functions, e.g. `adders` or `comparators`; one color per category.
        package let category: String
        /// AND gates of its circuit (ABC's count); positive.
        package let ands: Int
        /// Fraction of the test examples it answers right, 0...1 (drawn in percent).
        package let accuracy: Double

        /// A row of the chart.
        package init(name: String, category: String, ands: Int, accuracy: Double) {
            self.name = name
            self.category = category
            self.ands = ands
            self.accuracy = accuracy
        }
    }

    /// A team's average over the contest's 100 functions, as published.
    package struct PublishedResult: Sendable, Equatable {
        /// Who, e.g. `winner`.
        package let name: String
        /// Mean test accuracy in percent.
        package let accuracyPercent: Double
        /// Mean AND count.
        package let ands: Int
        /// Whether the accuracy is published rounded (written `~91.0 %`).
        package let approximate: Bool

        /// The label of its reference point, e.g. `winner 88.69 %, 2,518 ANDs`.
        package var label: String {
            let accuracy = approximate ? String(format: "~%.1f %%", accuracyPercent) : String(format: "%.2f %%", accuracyPercent)
            return "\(name) \(accuracy), \(ScatterChart.thousands(Double(ands))) ANDs"
        }
    }

    /// The averages over the contest's functions published for the IWLS 2020 programming contest,
    /// drawn as reference points.
    package static let published = [
        PublishedResult(name: "winner", accuracyPercent: 88.69, ands: 2518, approximate: false),
        PublishedResult(name: "J48 decision trees", accuracyPercent: 85.95, ands: 732, approximate: false),
        PublishedResult(name: "LUT networks alone", accuracyPercent: 62.40, ands: 356, approximate: false),
        PublishedResult(name: "virtual best", accuracyPercent: 91.0, ands: 1141, approximate: true),
    ]

    /// The contest's limit on a circuit's AND gates.
    package static let andLimit = 5000

    /// The chart of `rows` (their order sets the categories' colors: first seen, first color)
    /// titled `title`, with `subtitle` under it (e.g. the networks and how they were chosen).
    /// A row with no AND gate is drawn at 1 on the logarithmic axis.
    /// - Parameters:
    ///   - rows: One per function: its name, category, AND count and accuracy (0...1).
    ///   - title: The chart's title.
    ///   - subtitle: A line under the title, or empty.
    /// - Returns: The chart; `markup()` gives the SVG file's text.
    package static func chart(_ rows: [Row], title: String = "IWLS 2020 contest: accuracy against circuit size",
                             subtitle: String = "", yLabel: String = "test accuracy (%)") -> ScatterChart {
        let points = rows.map { ScatterChart.Point(name: $0.name, category: $0.category, x: Double(max($0.ands, 1)), y: $0.accuracy * 100) }
        let references = published.map { ScatterChart.Reference(label: $0.label, x: Double($0.ands), y: $0.accuracyPercent) }
        let values = points.map(\.y) + references.map(\.y)
        let low = max(0, ((values.min() ?? 50) / 10).rounded(.down) * 10)
        return ScatterChart(labels: ChartLabels(title: title, subtitle: subtitle, x: "AND gates (logarithmic)", y: yLabel),
                            points: points, references: references,
                            rules: [ScatterChart.Rule(label: "\(ScatterChart.thousands(Double(andLimit)))-AND limit", x: Double(andLimit))],
                            yDomain: low...100)
    }
}
