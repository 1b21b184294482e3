/// The key of a chart, right of the plot area: one entry per series with its line or swatch.
struct ChartLegend {
    /// One entry.
    struct Entry {
        let name: String
        let color: String
        let dashed: Bool
    }

    let entries: [Entry]
    /// Whether entries show a line with a marker (line charts) or a filled square (bar charts).
    let lines: Bool

    /// Pixels the legend needs across.
    var width: Double {
        let longest = entries.map(\.name.count).max() ?? 0
        return Double(longest) * 7.2 + 44
    }

    /// The legend's elements, its top left corner at (`x`, `y`).
    func elements(x: Double, y: Double) -> SVGElement {
        var children: [SVGElement] = []
        for (i, entry) in entries.enumerated() {
            let rowY = y + Double(i) * 22
            var sample: [SVGElement]
            if lines {
                var line: [(String, String)] = [("x1", svgNumber(x)), ("x2", svgNumber(x + 26)), ("y1", svgNumber(rowY)),
                                                ("y2", svgNumber(rowY)), ("stroke", entry.color), ("stroke-width", "2")]
                if entry.dashed { line.append(("stroke-dasharray", "6 4")) }
                sample = [SVGElement("line", line),
                          SVGElement("circle", [("cx", svgNumber(x + 13)), ("cy", svgNumber(rowY)), ("r", "3.5"),
                                                ("fill", entry.dashed ? "white" : entry.color), ("stroke", entry.color),
                                                ("stroke-width", "1.5")])]
            } else {
                sample = [SVGElement("rect", [("x", svgNumber(x + 6)), ("y", svgNumber(rowY - 7)), ("width", "14"), ("height", "14"),
                                              ("fill", entry.color)])]
            }
            let label = SVGElement("text", [("x", svgNumber(x + 34)), ("y", svgNumber(rowY)), ("dy", "0.32em")], text: entry.name)
            children.append(SVGElement("g", [("class", "legend-entry")], children: sample + [label]))
        }
        return SVGElement("g", [("class", "legend")], children: children)
    }
}
