/// The frame shared by charts with two axes: the plot area inside the margins, the title and
/// subtitle, grid lines, axes with their ticks, and the axis labels.
struct ChartFrame {
    /// Width and height of the whole figure.
    let width: Double, height: Double
    /// The plot area.
    let left: Double, top: Double, right: Double, bottom: Double
    let labels: ChartLabels

    /// A frame leaving `legendWidth` pixels on the right for a legend.
    init(width: Double, height: Double, legendWidth: Double, labels: ChartLabels) {
        self.width = width
        self.height = height
        self.labels = labels
        left = 78
        top = labels.subtitle.isEmpty ? 48 : 66
        right = width - 24 - legendWidth
        bottom = height - 58
    }

    /// Title, subtitle, horizontal grid, axes, ticks and axis labels. `xTicks` are pixel positions
    /// with their labels; `yTicks` are values of `yScale`.
    func decorations(xTicks: [(position: Double, label: String)], yScale: AxisScale, yTicks: [Double]) -> [SVGElement] {
        var elements: [SVGElement] = [
            SVGElement("text", [("class", "title"), ("x", svgNumber(width / 2)), ("y", "24"), ("text-anchor", "middle"),
                                ("font-size", "17"), ("font-weight", "bold")], text: labels.title),
        ]
        if !labels.subtitle.isEmpty {
            elements.append(SVGElement("text", [("class", "subtitle"), ("x", svgNumber(width / 2)), ("y", "44"),
                                                ("text-anchor", "middle"), ("font-size", "12"), ("fill", "#555555")],
                                       text: labels.subtitle))
        }
        let step = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1
        var grid: [SVGElement] = [], yLabels: [SVGElement] = []
        for tick in yTicks {
            let y = svgNumber(yScale.position(tick))
            grid.append(SVGElement("line", [("x1", svgNumber(left)), ("x2", svgNumber(right)), ("y1", y), ("y2", y),
                                            ("stroke", "#e4e4e4")]))
            yLabels.append(SVGElement("text", [("x", svgNumber(left - 8)), ("y", y), ("dy", "0.32em"), ("text-anchor", "end")],
                                      text: AxisScale.label(tick, step: step)))
        }
        elements.append(SVGElement("g", [("class", "grid")], children: grid))
        var xLabels: [SVGElement] = []
        for tick in xTicks {
            let x = svgNumber(tick.position)
            xLabels.append(SVGElement("line", [("x1", x), ("x2", x), ("y1", svgNumber(bottom)), ("y2", svgNumber(bottom + 5)),
                                               ("stroke", "#333333")]))
            xLabels.append(SVGElement("text", [("x", x), ("y", svgNumber(bottom + 20)), ("text-anchor", "middle")], text: tick.label))
        }
        elements.append(SVGElement("g", [("class", "x-ticks")], children: xLabels))
        elements.append(SVGElement("g", [("class", "y-ticks")], children: yLabels))
        elements.append(SVGElement("path", [("class", "axes"), ("fill", "none"), ("stroke", "#333333"),
                                            ("d", "M\(svgNumber(left)) \(svgNumber(top))V\(svgNumber(bottom))H\(svgNumber(right))")]))
        elements.append(SVGElement("text", [("class", "x-label"), ("x", svgNumber((left + right) / 2)),
                                            ("y", svgNumber(height - 14)), ("text-anchor", "middle")], text: labels.x))
        let middle = svgNumber((top + bottom) / 2)
        elements.append(SVGElement("text", [("class", "y-label"), ("x", "20"), ("y", middle), ("text-anchor", "middle"),
                                            ("transform", "rotate(-90 20 \(middle))")], text: labels.y))
        return elements
    }

    /// The range of `values` with their error bars; error bars are cut at 0 and 1 when every value
    /// lies between them (accuracies cannot leave that range).
    static func extent(_ values: [(value: Double, error: Double)]) -> ClosedRange<Double> {
        guard !values.isEmpty else { return 0...1 }
        var low = values.map { $0.value - $0.error }.min() ?? 0
        var high = values.map { $0.value + $0.error }.max() ?? 1
        if values.allSatisfy({ (0...1).contains($0.value) }) {
            low = max(low, 0)
            high = min(high, 1)
        }
        return min(low, high)...max(low, high)
    }

    /// A vertical scale for values in `range` (with error bars), on round ticks; kept within
    /// [0, 1] when the values are, as accuracies are.
    func yScale(covering range: ClosedRange<Double>, fixed: ClosedRange<Double>?) -> (AxisScale, [Double]) {
        var ticks: [Double]
        if let fixed {
            ticks = AxisScale.niceTicks(covering: fixed).filter { $0 >= fixed.lowerBound - 1e-9 && $0 <= fixed.upperBound + 1e-9 }
            let scale = AxisScale(kind: .linear, domain: fixed, pixels: (bottom, top))
            return (scale, ticks)
        }
        let padded = range.lowerBound == range.upperBound
            ? (range.lowerBound - 0.05)...(range.upperBound + 0.05) : range
        ticks = AxisScale.niceTicks(covering: padded)
        if range.lowerBound >= 0 { ticks.removeAll { $0 < -1e-9 } }
        if range.upperBound <= 1 { ticks.removeAll { $0 > 1 + 1e-9 } }
        let low = min(ticks.first ?? padded.lowerBound, padded.lowerBound)
        let high = max(ticks.last ?? padded.upperBound, padded.upperBound)
        return (AxisScale(kind: .linear, domain: low...high, pixels: (bottom, top)), ticks)
    }
}
