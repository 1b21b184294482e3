/// A Markdown (GitHub) table: a header row and rows of cells, numbers right-aligned.
package struct MarkdownTable: Sendable, Equatable {
    /// Column headings.
    package let headers: [String]
    /// Rows of cells, each as many as there are headings.
    package let rows: [[String]]
    /// Columns to right-align (numbers); the others are left-aligned.
    package let rightAligned: Set<Int>

    /// A table; `rightAligned` lists the columns of numbers.
    package init(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        precondition(rows.allSatisfy { $0.count == headers.count }, "one cell per heading in every row")
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// The table's Markdown, one line per row.
    package var text: String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        let rule = "|" + headers.indices.map { rightAligned.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        return line(headers) + rule + rows.map(line).joined()
    }
}

/// How reports write figures.
enum ReportFormat {
    /// `0.876 ± 0.003` (the ± part only with more than one value).
    static func meanSD(_ summary: Summary, decimals: Int = 3) -> String {
        let mean = String(format: "%.\(decimals)f", summary.mean)
        return summary.count > 1 ? mean + " ± " + String(format: "%.\(decimals)f", summary.standardDeviation) : mean
    }

    /// `meanSD`, or a dash when there is nothing to summarize.
    static func meanSD(_ summary: Summary?, decimals: Int = 3) -> String {
        summary.map { meanSD($0, decimals: decimals) } ?? "–"
    }

    /// Seconds with one decimal.
    static func seconds(_ summary: Summary) -> String { String(format: "%.2f", summary.mean) }

    /// A setting as people write it: `1` for 1.0, `0.01`, `1e-06`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// "1 seed" or "N seeds".
    static func seeds(_ count: Int) -> String { count == 1 ? "1 seed" : "\(count) seeds" }

    /// A network's hidden layers as `5 × 1024`, `1024, 512` or `no hidden layer`.
    static func layers(_ widths: [Int]) -> String {
        if widths.isEmpty { return "no hidden layer" }
        if Set(widths).count == 1 { return "\(widths.count) × \(widths[0])" }
        return widths.map(String.init).joined(separator: ", ")
    }
}

/// The results of one configuration over its seeds, summarized.
struct SeedGroup {
    /// The results, one per seed.
    let results: [RunResult]

    var train: Summary { Summary(results.map(\.trainAccuracy)) }
    var test: Summary? {
        let values = results.compactMap(\.testAccuracy)
        return values.isEmpty ? nil : Summary(values)
    }
    var testTrueLabels: Summary? {
        let values = results.compactMap(\.testAccuracyTrueLabels)
        return values.isEmpty ? nil : Summary(values)
    }
    var seconds: Summary { Summary(results.map(\.seconds)) }

    /// Results grouped by `key`, groups in the order their first result appears.
    static func grouping<Key: Hashable>(_ results: [RunResult], by key: (RunResult) -> Key) -> [(key: Key, group: SeedGroup)] {
        var order: [Key] = []
        var members: [Key: [RunResult]] = [:]
        for result in results {
            let k = key(result)
            if members[k] == nil { order.append(k) }
            members[k, default: []].append(result)
        }
        return order.map { ($0, SeedGroup(results: members[$0] ?? [])) }
    }

    /// The point of a chart: `x`, mean and one standard deviation of `summary`.
    static func point(x: Double, _ summary: Summary) -> ChartPoint {
        ChartPoint(x: x, y: summary.mean, error: summary.standardDeviation)
    }
}
