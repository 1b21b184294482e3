/// A grouped bar chart: for each category (e.g. a layer) one bar per series, with error bars.
/// Every bar is a `rect` of class `bar` inside the `g` of class `series` named by `data-series`;
/// error bars are `path`s of class `error-bar`. Bars rise from the bottom of the vertical axis.
package struct BarChart: Sendable {
    /// One bar's height and error-bar half-height.
    package struct Bar: Sendable, Equatable {
        /// The bar's value.
        package let value: Double
        /// Half the height of its error bar (0 draws none).
        package let error: Double

        /// A bar.
        package init(value: Double, error: Double = 0) {
            self.value = value
            self.error = error
        }
    }

    /// A named series: one bar per category.
    package struct Series: Sendable, Equatable {
        /// The legend's name.
        package let name: String
        /// One bar per category, in category order.
        package let bars: [Bar]
        /// Palette index of the color.
        package let colorIndex: Int

        /// A series of bars.
        package init(name: String, bars: [Bar], colorIndex: Int) {
            self.name = name
            self.bars = bars
            self.colorIndex = colorIndex
        }
    }

    /// Title and axis labels.
    package var labels: ChartLabels
    /// Names of the groups along the horizontal axis.
    package var categories: [String]
    /// The series; each has one bar per category.
    package var series: [Series]
    /// The vertical axis's range; nil fits the data and its error bars.
    package var yDomain: ClosedRange<Double>?
    /// Figure width in pixels.
    package var width: Double = 760
    /// Figure height in pixels.
    package var height: Double = 460

    /// A chart of `series` over `categories`.
    package init(labels: ChartLabels, categories: [String], series: [Series], yDomain: ClosedRange<Double>? = nil) {
        precondition(series.allSatisfy { $0.bars.count == categories.count }, "one bar per category in every series")
        self.labels = labels
        self.categories = categories
        self.series = series
        self.yDomain = yDomain
    }

    /// The chart as an SVG document. Category names are written as the room allows (see
    /// `CategoryLabels`): on one line, wrapped between words, turned, or numbered with a key; the
    /// canvas grows where they need it.
    package func document() -> SVGDocument {
        let legend = ChartLegend(entries: series.map { .init(name: $0.name, color: ChartPalette.color($0.colorIndex), dashed: false) },
                                 sample: .swatch)
        let asked = ChartFrame(width: width, height: height, legend: legend, labels: labels)
        let plotWidth = asked.right - asked.left
        let categoryLabels = CategoryLabels(categories: categories, series: series.count, plotWidth: plotWidth,
                                            spare: max(0, CategoryLabels.maximumCanvasWidth - asked.width)) { plot, left in
            ChartFrame.canvasWidth(width, legend: legend, plotWidth: plot, left: left)
        }
        let frame = ChartFrame(width: width, height: height, legend: legend, labels: labels, tickLabelRoom: categoryLabels.room,
                               plotWidth: categoryLabels.groupWidth * Double(categories.count), left: categoryLabels.left)
        let bars = series.flatMap(\.bars)
        let (yScale, yTicks) = frame.yScale(covering: ChartFrame.extent(bars.map { ($0.value, $0.error) }), fixed: yDomain)
        let groupWidth = (frame.right - frame.left) / Double(max(categories.count, 1))
        let barWidth = groupWidth * 0.8 / Double(max(series.count, 1))
        let xTicks = categories.enumerated().map { (position: frame.left + (Double($0.offset) + 0.5) * groupWidth, label: $0.element) }
        var document = SVGDocument(width: frame.width, height: frame.height)
        document.add(frame.decorations(xTicks: xTicks,
                                       xTickLabels: categoryLabels.elements(positions: xTicks.map(\.position), bottom: frame.bottom,
                                                                            canvasWidth: frame.width),
                                       yScale: yScale, yTicks: yTicks))
        let base = yScale.position(yScale.domain.lowerBound)
        for (s, series) in self.series.enumerated() {
            let color = ChartPalette.color(series.colorIndex)
            var rects: [SVGElement] = [], errors: [SVGElement] = []
            for (c, bar) in series.bars.enumerated() {
                let x = frame.left + Double(c) * groupWidth + groupWidth * 0.1 + Double(s) * barWidth
                let top = yScale.position(max(bar.value, yScale.domain.lowerBound))
                let tip = "\(series.name), \(categories[c]): \(ChartText.value(bar.value, error: bar.error))"
                rects.append(SVGElement("rect", [("class", "bar"), ("x", svgNumber(x)), ("y", svgNumber(top)),
                                                 ("width", svgNumber(barWidth * 0.92)), ("height", svgNumber(max(base - top, 0))),
                                                 ("fill", color)], children: [SVGElement("title", text: tip)]))
                if bar.error > 0 {
                    let cx = x + barWidth * 0.46
                    let high = yScale.position(min(bar.value + bar.error, yScale.domain.upperBound))
                    let low = yScale.position(max(bar.value - bar.error, yScale.domain.lowerBound))
                    let path = "M\(svgNumber(cx)) \(svgNumber(high))V\(svgNumber(low))M\(svgNumber(cx - 4)) \(svgNumber(high))"
                        + "H\(svgNumber(cx + 4))M\(svgNumber(cx - 4)) \(svgNumber(low))H\(svgNumber(cx + 4))"
                    errors.append(SVGElement("path", [("class", "error-bar"), ("d", path), ("stroke", "#222222"),
                                                      ("stroke-width", "1.3"), ("fill", "none")]))
                }
            }
            document.add(SVGElement("g", [("class", "series"), ("data-series", series.name)], children: rects + errors))
        }
        document.add(legend.elements(x: frame.right + 24, y: frame.top + 8))
        return document
    }

    /// The chart as the text of an SVG file.
    package func markup() -> String { document().markup() }
}
