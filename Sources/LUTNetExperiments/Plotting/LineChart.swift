import Foundation

/// A line chart: series of points with error bars over a linear or logarithmic horizontal axis,
/// with title, axis labels and a legend. Every point is a `circle` of class `marker` inside the
/// `g` of class `series` named by `data-series`; error bars are `path`s of class `error-bar`.
package struct LineChart: Sendable {
    /// Title and axis labels.
    package var labels: ChartLabels
    /// The series, drawn in order.
    package var series: [ChartSeries]
    /// Spacing of the horizontal axis.
    package var xKind: AxisScale.Kind
    /// Values to label on the horizontal axis; nil picks round values.
    package var xTicks: [Double]?
    /// The vertical axis's range; nil fits the data and its error bars.
    package var yDomain: ClosedRange<Double>?
    /// Figure width in pixels.
    package var width: Double = 760
    /// Figure height in pixels.
    package var height: Double = 460

    /// A chart of `series`.
    package init(labels: ChartLabels, series: [ChartSeries], xKind: AxisScale.Kind = .linear, xTicks: [Double]? = nil,
                yDomain: ClosedRange<Double>? = nil) {
        self.labels = labels
        self.series = series
        self.xKind = xKind
        self.xTicks = xTicks
        self.yDomain = yDomain
    }

    /// The chart as an SVG document.
    package func document() -> SVGDocument {
        let legend = ChartLegend(entries: series.map { .init(name: $0.name, color: ChartPalette.color($0.colorIndex), dashed: $0.dashed) },
                                 sample: .line)
        let frame = ChartFrame(width: width, height: height, legend: legend, labels: labels)
        let points = series.flatMap(\.points)
        let xs = points.map(\.x) + (xTicks ?? [])
        let xScale = horizontalScale(xs: xs, frame: frame)
        let (yScale, yTicks) = frame.yScale(covering: ChartFrame.extent(points.map { ($0.y, $0.error) }), fixed: yDomain)
        let tickValues = xTicks ?? (xKind == .linear ? AxisScale.niceTicks(covering: xScale.domain) : powersOfTwo(in: xScale.domain))
        let tickStep = tickValues.count > 1 ? tickValues[1] - tickValues[0] : 1
        let xTickMarks = tickValues.filter { xScale.domain.contains($0) }
            .map { (position: xScale.position($0), label: AxisScale.label($0, step: xKind == .linear ? tickStep : 1)) }
        var document = SVGDocument(width: frame.width, height: frame.height)
        document.add(frame.decorations(xTicks: xTickMarks, yScale: yScale, yTicks: yTicks))
        for series in self.series { document.add(drawing(of: series, x: xScale, y: yScale)) }
        document.add(legend.elements(x: frame.right + 24, y: frame.top + 8))
        return document
    }

    /// The chart as the text of an SVG file.
    package func markup() -> String { document().markup() }

    private func horizontalScale(xs: [Double], frame: ChartFrame) -> AxisScale {
        var low = xs.min() ?? 0, high = xs.max() ?? 1
        if xKind == .logarithmic {
            low = max(low, .leastNormalMagnitude)
            high = max(high, low)
            let pad = high > low ? pow(high / low, 0.04) : 2
            return AxisScale(kind: .logarithmic, domain: (low / pad)...(high * pad), pixels: (frame.left, frame.right))
        }
        let pad = high > low ? (high - low) * 0.04 : 1
        return AxisScale(kind: .linear, domain: (low - pad)...(high + pad), pixels: (frame.left, frame.right))
    }

    private func powersOfTwo(in domain: ClosedRange<Double>) -> [Double] {
        let first = Int(ceil(log2(domain.lowerBound))), last = Int(floor(log2(domain.upperBound)))
        return first <= last ? (first...last).map { pow(2, Double($0)) } : [domain.lowerBound]
    }

    private func drawing(of series: ChartSeries, x: AxisScale, y: AxisScale) -> SVGElement {
        let color = ChartPalette.color(series.colorIndex)
        let coordinates = series.points.map { (x.position($0.x), y.position($0.y)) }
        var children: [SVGElement] = []
        if coordinates.count > 1 {
            var line: [(String, String)] = [("class", "line"), ("fill", "none"), ("stroke", color), ("stroke-width", "2"),
                                            ("points", coordinates.map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " "))]
            if series.dashed { line.append(("stroke-dasharray", "6 4")) }
            children.append(SVGElement("polyline", line))
        }
        for (point, (px, _)) in zip(series.points, coordinates) where point.error > 0 {
            let top = y.position(min(point.y + point.error, y.domain.upperBound))
            let bottom = y.position(max(point.y - point.error, y.domain.lowerBound))
            let path = "M\(svgNumber(px)) \(svgNumber(top))V\(svgNumber(bottom))M\(svgNumber(px - 4)) \(svgNumber(top))"
                + "H\(svgNumber(px + 4))M\(svgNumber(px - 4)) \(svgNumber(bottom))H\(svgNumber(px + 4))"
            children.append(SVGElement("path", [("class", "error-bar"), ("d", path), ("stroke", color), ("stroke-width", "1.3"),
                                                ("fill", "none")]))
        }
        for (point, (px, py)) in zip(series.points, coordinates) {
            let tip = "\(series.name): \(ChartText.number(point.x)), \(ChartText.value(point.y, error: point.error))"
            children.append(SVGElement("circle", [("class", "marker"), ("cx", svgNumber(px)), ("cy", svgNumber(py)), ("r", "4"),
                                                  ("fill", series.dashed ? "white" : color), ("stroke", color), ("stroke-width", "1.5")],
                                       children: [SVGElement("title", text: tip)]))
        }
        return SVGElement("g", [("class", "series"), ("data-series", series.name)], children: children)
    }
}

/// Numbers in chart tooltips.
enum ChartText {
    /// A whole number without decimals, others with up to four.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.4g", value)
    }

    /// `value ± error` with four decimals (no ± part when error is 0).
    static func value(_ value: Double, error: Double) -> String {
        error > 0 ? String(format: "%.4f ± %.4f", value, error) : String(format: "%.4f", value)
    }
}
