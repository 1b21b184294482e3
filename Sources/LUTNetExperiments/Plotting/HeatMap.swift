import Foundation

/// A matrix of values as colored cells with the value written in each, row and column labels,
/// and a color bar. Every cell with a value is a `rect` of class `cell`, every cell without one a
/// `rect` of class `empty-cell`; values are `text` of class `cell-value`.
package struct HeatMap: Sendable {
    /// Title and axis labels (`x` names the columns, `y` the rows).
    package var labels: ChartLabels
    /// Row names, top to bottom.
    package var rowLabels: [String]
    /// Column names, left to right.
    package var columnLabels: [String]
    /// `values[row][column]`; nil leaves a cell empty.
    package var values: [[Double?]]
    /// Decimals written in the cells.
    package var decimals: Int = 3
    /// The values at the two ends of the color scale; nil spans the values.
    package var colorDomain: ClosedRange<Double>?
    /// Side of a cell in pixels.
    package var cellSize: Double = 52

    /// A heat map of `values`, one row per row label and one column per column label.
    package init(labels: ChartLabels, rowLabels: [String], columnLabels: [String], values: [[Double?]],
                colorDomain: ClosedRange<Double>? = nil) {
        precondition(values.count == rowLabels.count && values.allSatisfy { $0.count == columnLabels.count },
                     "one value (or nil) per row and column")
        self.labels = labels
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.colorDomain = colorDomain
    }

    /// The heat map as an SVG document.
    package func document() -> SVGDocument {
        let size = TextMetrics.defaultSize
        let left = max(60, (rowLabels.map { TextMetrics.width($0, size: size) }.max() ?? 0) + 52)
        // Column labels wider than a cell are turned 45 degrees, reading upwards.
        let turned = columnLabels.contains { TextMetrics.width($0, size: size) > cellSize - 6 }
        let columnBoxes = columnLabels.map { TextBox(text: $0, x: 0, y: 0, anchor: turned ? "start" : "middle", rotation: turned ? -45 : 0) }
        let labelsRise = turned ? -(columnBoxes.map(\.bounds.minY).min() ?? 0) - TextMetrics.ascent * size : 0
        let labelsReach = turned ? max(0, (columnBoxes.last?.bounds.maxX ?? 0) - cellSize / 2 - 140 + 12) : 0
        let gridWidth = cellSize * Double(columnLabels.count), gridHeight = cellSize * Double(rowLabels.count)
        let width = max(left + gridWidth + 140 + labelsReach, 420)
        let heading = ChartHeading(labels, width: width)
        let top = heading.lastBaseline + (labels.subtitle.isEmpty ? 46 : 42) + labelsRise
        let height = top + gridHeight + 64
        let present = values.flatMap { $0 }.compactMap { $0 }
        let domain = colorDomain ?? ((present.min() ?? 0)...(present.max() ?? 1))
        func fraction(_ value: Double) -> Double {
            domain.upperBound > domain.lowerBound ? (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound) : 1
        }
        var document = SVGDocument(width: width, height: height)
        document.add(heading.elements)
        var cells: [SVGElement] = [], texts: [SVGElement] = []
        for (r, row) in values.enumerated() {
            for (c, value) in row.enumerated() {
                let x = left + Double(c) * cellSize, y = top + Double(r) * cellSize
                let geometry = [("x", svgNumber(x)), ("y", svgNumber(y)), ("width", svgNumber(cellSize)), ("height", svgNumber(cellSize))]
                guard let value else {
                    cells.append(SVGElement("rect", [("class", "empty-cell")] + geometry + [("fill", "white"), ("stroke", "#dddddd")]))
                    continue
                }
                let f = fraction(value)
                let tip = "\(labels.y) \(rowLabels[r]), \(labels.x) \(columnLabels[c]): " + String(format: "%.4f", value)
                cells.append(SVGElement("rect", [("class", "cell")] + geometry + [("fill", ChartPalette.sequential(f)), ("stroke", "white")],
                                        children: [SVGElement("title", text: tip)]))
                texts.append(SVGElement("text", [("class", "cell-value"), ("x", svgNumber(x + cellSize / 2)),
                                                 ("y", svgNumber(y + cellSize / 2)), ("dy", "0.32em"), ("text-anchor", "middle"),
                                                 ("font-size", "11"), ("fill", ChartPalette.needsLightText(f) ? "white" : "#222222")],
                                        text: String(format: "%.\(decimals)f", value)))
            }
        }
        document.add(SVGElement("g", [("class", "cells")], children: cells))
        document.add(SVGElement("g", [("class", "cell-values")], children: texts))
        var axisLabels: [SVGElement] = []
        for (c, label) in columnLabels.enumerated() {
            let x = svgNumber(left + (Double(c) + 0.5) * cellSize), y = svgNumber(top - 8)
            axisLabels.append(SVGElement("text", [("class", "column-label"), ("x", x), ("y", y), ("text-anchor", turned ? "start" : "middle")]
                                         + (turned ? [("transform", "rotate(-45 \(x) \(y))")] : []), text: label))
        }
        for (r, label) in rowLabels.enumerated() {
            axisLabels.append(SVGElement("text", [("class", "row-label"), ("x", svgNumber(left - 8)),
                                                  ("y", svgNumber(top + (Double(r) + 0.5) * cellSize)), ("dy", "0.32em"),
                                                  ("text-anchor", "end")], text: label))
        }
        document.add(SVGElement("g", [("class", "labels")], children: axisLabels))
        document.add(SVGElement("text", [("class", "x-label"), ("x", svgNumber(left + gridWidth / 2)),
                                         ("y", svgNumber(top + gridHeight + 30)), ("text-anchor", "middle")], text: labels.x))
        let middle = svgNumber(top + gridHeight / 2)
        document.add(SVGElement("text", [("class", "y-label"), ("x", "30"), ("y", middle), ("text-anchor", "middle"),
                                         ("transform", "rotate(-90 30 \(middle))")], text: labels.y))
        document.add(colorBar(x: left + gridWidth + 36, top: top, height: gridHeight, domain: domain))
        return document
    }

    /// The heat map as the text of an SVG file.
    package func markup() -> String { document().markup() }

    private func colorBar(x: Double, top: Double, height: Double, domain: ClosedRange<Double>) -> SVGElement {
        let stops = (0...10).map { i -> SVGElement in
            let f = Double(i) / 10
            return SVGElement("stop", [("offset", svgNumber(f)), ("stop-color", ChartPalette.sequential(1 - f))])
        }
        let gradient = SVGElement("defs", children: [
            SVGElement("linearGradient", [("id", "heat-scale"), ("x1", "0"), ("x2", "0"), ("y1", "0"), ("y2", "1")], children: stops),
        ])
        let bar = SVGElement("rect", [("x", svgNumber(x)), ("y", svgNumber(top)), ("width", "16"), ("height", svgNumber(height)),
                                      ("fill", "url(#heat-scale)"), ("stroke", "#999999")])
        let high = SVGElement("text", [("x", svgNumber(x + 22)), ("y", svgNumber(top)), ("dy", "0.32em")],
                              text: String(format: "%.\(decimals)f", domain.upperBound))
        let low = SVGElement("text", [("x", svgNumber(x + 22)), ("y", svgNumber(top + height)), ("dy", "0.32em")],
                             text: String(format: "%.\(decimals)f", domain.lowerBound))
        return SVGElement("g", [("class", "color-bar")], children: [gradient, bar, high, low])
    }
}
