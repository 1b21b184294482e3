/// The key of a chart, right of the plot area: one entry per series with its line or swatch.
struct ChartLegend {
    /// One entry.
    struct Entry {
        let name: String
        let color: String
        let dashed: Bool
    }

    /// What stands beside each name.
    enum Sample {
        /// A line with a marker (line charts).
        case line
        /// A filled square (bar charts).
        case swatch
        /// A filled dot (scatter charts).
        case dot
    }

    let entries: [Entry]
    let sample: Sample

    /// Pixels the legend needs across: the sample, the gap and the longest name.
    var width: Double {
        entries.isEmpty ? 0 : (entries.map { TextMetrics.width($0.name, size: TextMetrics.defaultSize) }.max() ?? 0) + 44
    }

    /// Pixels the legend needs down, from the frame's top (8 pixels above the first entry's middle).
    var height: Double { entries.isEmpty ? 0 : 8 + Double(entries.count - 1) * 22 + 12 }

    /// The legend's elements, its top left corner at (`x`, `y`).
    func elements(x: Double, y: Double) -> SVGElement {
        var children: [SVGElement] = []
        for (i, entry) in entries.enumerated() {
            let rowY = y + Double(i) * 22
            var sample: [SVGElement]
            switch self.sample {
            case .line:
                var line: [(String, String)] = [("x1", svgNumber(x)), ("x2", svgNumber(x + 26)), ("y1", svgNumber(rowY)),
                                                ("y2", svgNumber(rowY)), ("stroke", entry.color), ("stroke-width", "2")]
                if entry.dashed { line.append(("stroke-dasharray", "6 4")) }
                sample = [SVGElement("line", line),
                          SVGElement("circle", [("cx", svgNumber(x + 13)), ("cy", svgNumber(rowY)), ("r", "3.5"),
                                                ("fill", entry.dashed ? "white" : entry.color), ("stroke", entry.color),
                                                ("stroke-width", "1.5")])]
            case .dot:
                sample = [SVGElement("circle", [("cx", svgNumber(x + 13)), ("cy", svgNumber(rowY)), ("r", "4.5"),
                                                ("fill", entry.color), ("fill-opacity", "0.85")])]
            case .swatch:
                sample = [SVGElement("rect", [("x", svgNumber(x + 6)), ("y", svgNumber(rowY - 7)), ("width", "14"), ("height", "14"),
                                              ("fill", entry.color)])]
            }
            let label = SVGElement("text", [("x", svgNumber(x + 34)), ("y", svgNumber(rowY)), ("dy", "0.32em")], text: entry.name)
            children.append(SVGElement("g", [("class", "legend-entry")], children: sample + [label]))
        }
        return SVGElement("g", [("class", "legend")], children: children)
    }
}
