/// The frame shared by charts with two axes: the plot area inside the margins, the title and
/// subtitle (wrapped to the canvas), grid lines, axes with their ticks, and the axis labels. The
/// canvas grows past the size asked for where its words need room: wrapped titles, a wide or
/// long legend, tick labels of several lines.
struct ChartFrame {
    /// Width and height of the whole figure.
    let width: Double, height: Double
    /// The plot area.
    let left: Double, top: Double, right: Double, bottom: Double
    let labels: ChartLabels
    /// The title and the subtitle broken into lines that fit the canvas.
    let heading: ChartHeading

    /// Margin left of the vertical axis (its tick labels and label).
    static let defaultLeft = 78.0
    /// The narrowest plot area a legend leaves.
    static let minimumPlotWidth = 320.0

    /// A frame of at least `width` × `height` pixels with `legend` right of the plot area.
    /// `tickLabelRoom` pixels more under the horizontal axis are kept for tick labels of more than
    /// one line; `plotWidth` asks for a plot area at least that wide; `left` is the margin left of
    /// the axis.
    init(width: Double, height: Double, legend: ChartLegend, labels: ChartLabels, tickLabelRoom: Double = 0,
         plotWidth: Double = 0, left: Double = ChartFrame.defaultLeft) {
        let width = Self.canvasWidth(width, legend: legend, plotWidth: plotWidth, left: left)
        heading = ChartHeading(labels, width: width)
        let top = heading.lastBaseline + (labels.subtitle.isEmpty ? 24 : 22)
        var height = height + heading.extraHeight + tickLabelRoom
        // The legend's entries all beside the plot area.
        height = max(height, top + legend.height + tickLabelRoom + 58)
        self.width = width
        self.height = height
        self.labels = labels
        self.left = left
        self.top = top
        right = width - 24 - legend.width
        bottom = height - 58 - tickLabelRoom
    }

    /// The width of a frame asked to be `width` wide with `legend`, a plot area at least
    /// `plotWidth` wide and `left` pixels left of it.
    static func canvasWidth(_ width: Double, legend: ChartLegend, plotWidth: Double = 0, left: Double = defaultLeft) -> Double {
        max(width, left + max(plotWidth, minimumPlotWidth) + 24 + legend.width)
    }

    /// Title, subtitle, horizontal grid, axes, ticks and axis labels. `xTicks` are pixel positions
    /// with their labels (written on one line each, thinned to every second, third, … label when
    /// neighbours would overlap); `xTickLabels`, when given, are drawn instead of those labels;
    /// `yTicks` are values of `yScale`.
    func decorations(xTicks: [(position: Double, label: String)], xTickLabels: [SVGElement]? = nil,
                     yScale: AxisScale, yTicks: [Double]) -> [SVGElement] {
        var elements = heading.elements
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
        let stride = xTickLabels == nil ? Self.labelStride(xTicks) : 1
        for (i, tick) in xTicks.enumerated() {
            let x = svgNumber(tick.position)
            xLabels.append(SVGElement("line", [("x1", x), ("x2", x), ("y1", svgNumber(bottom)), ("y2", svgNumber(bottom + 5)),
                                               ("stroke", "#333333")]))
            if xTickLabels == nil, i % stride == 0 {
                xLabels.append(SVGElement("text", [("x", x), ("y", svgNumber(bottom + 20)), ("text-anchor", "middle")], text: tick.label))
            }
        }
        elements.append(SVGElement("g", [("class", "x-ticks")], children: xLabels + (xTickLabels ?? [])))
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

    /// Every how many tick labels one is written so that written neighbours keep 6 pixels apart.
    static func labelStride(_ ticks: [(position: Double, label: String)]) -> Int {
        let widths = ticks.map { TextMetrics.width($0.label, size: TextMetrics.defaultSize) }
        return (1...max(ticks.count, 1)).first { stride in
            Swift.stride(from: stride, to: ticks.count, by: stride).allSatisfy { i in
                abs(ticks[i].position - ticks[i - stride].position) >= (widths[i] + widths[i - stride]) / 2 + 6
            }
        } ?? 1
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
