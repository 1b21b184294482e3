import Foundation

/// A scatter chart: named points coloured by their category over a logarithmic (or linear)
/// horizontal axis, labelled reference points (e.g. published results) and labelled vertical rules
/// (e.g. a limit). Every point is a `circle` of class `point` inside the `g` of class `category`
/// named by `data-category`; every reference a `path` of class `reference` with a `text` of class
/// `reference-label`; every rule a `line` of class `rule` with a `text` of class `rule-label`.
/// Labels are placed where they overlap no other text (measured with `TextMetrics`), beside their
/// marker when there is room.
package struct ScatterChart: Sendable {
    /// One point: a name (shown in its tooltip), its category, and its position.
    package struct Point: Sendable, Equatable {
        /// What the point is, e.g. a benchmark's name.
        package let name: String
        /// Its group; points of one category share a color and a legend entry.
        package let category: String
        /// Position on the horizontal axis (positive on a logarithmic one).
        package let x: Double
        /// Value on the vertical axis.
        package let y: Double

        /// A point named `name` of `category` at (`x`, `y`).
        package init(name: String, category: String, x: Double, y: Double) {
            self.name = name
            self.category = category
            self.x = x
            self.y = y
        }
    }

    /// A labelled reference point drawn as a black diamond.
    package struct Reference: Sendable, Equatable {
        /// The text written beside it.
        package let label: String
        /// Position on the horizontal axis.
        package let x: Double
        /// Value on the vertical axis.
        package let y: Double

        /// A reference at (`x`, `y`) labelled `label`.
        package init(label: String, x: Double, y: Double) {
            self.label = label
            self.x = x
            self.y = y
        }
    }

    /// A labelled vertical line across the plot area.
    package struct Rule: Sendable, Equatable {
        /// The text written at its top.
        package let label: String
        /// Its position on the horizontal axis.
        package let x: Double

        /// A rule at `x` labelled `label`.
        package init(label: String, x: Double) {
            self.label = label
            self.x = x
        }
    }

    /// Title and axis labels.
    package var labels: ChartLabels
    /// The points; categories take palette colors in the order they first appear.
    package var points: [Point]
    /// Reference points, drawn over the points.
    package var references: [Reference]
    /// Vertical rules.
    package var rules: [Rule]
    /// Spacing of the horizontal axis.
    package var xKind: AxisScale.Kind
    /// The vertical axis's range; nil fits the points and references.
    package var yDomain: ClosedRange<Double>?
    /// Figure width in pixels (grown when the legend needs it).
    package var width: Double = 860
    /// Figure height in pixels.
    package var height: Double = 520

    /// A chart of `points` with `references` and `rules`, its horizontal axis logarithmic unless
    /// `xKind` says otherwise.
    package init(labels: ChartLabels, points: [Point], references: [Reference] = [], rules: [Rule] = [],
                xKind: AxisScale.Kind = .logarithmic, yDomain: ClosedRange<Double>? = nil) {
        self.labels = labels
        self.points = points
        self.references = references
        self.rules = rules
        self.xKind = xKind
        self.yDomain = yDomain
    }

    /// The categories in the order they first appear among the points.
    package var categories: [String] {
        var seen = Set<String>()
        return points.map(\.category).filter { seen.insert($0).inserted }
    }

    /// The chart as an SVG document.
    package func document() -> SVGDocument {
        let categories = self.categories
        let legend = ChartLegend(entries: categories.enumerated().map { .init(name: $0.element, color: ChartPalette.color($0.offset), dashed: false) },
                                 sample: .dot)
        let frame = ChartFrame(width: width, height: height, legend: legend, labels: labels)
        let xs = points.map(\.x) + references.map(\.x) + rules.map(\.x)
        let xScale = horizontalScale(xs: xs, frame: frame)
        let ys = points.map(\.y) + references.map(\.y)
        let (yScale, yTicks) = frame.yScale(covering: ChartFrame.extent(ys.map { ($0, 0) }), fixed: yDomain)
        let xTicks = tickValues(xScale.domain).map { (position: xScale.position($0), label: Self.thousands($0)) }
        var document = SVGDocument(width: frame.width, height: frame.height)
        document.add(frame.decorations(xTicks: xTicks, yScale: yScale, yTicks: yTicks))
        // Texts already written, which new labels keep clear of; markers, which they avoid if they can.
        var taken = document.elements.flatMap(Self.texts).compactMap(TextBox.init)
        var markerCenters: [TextBox.Point] = []

        var ruleElements: [SVGElement] = []
        for rule in rules where xScale.domain.contains(rule.x) {
            let x = xScale.position(rule.x)
            ruleElements.append(SVGElement("line", [("class", "rule"), ("x1", svgNumber(x)), ("x2", svgNumber(x)), ("y1", svgNumber(frame.top)),
                                                    ("y2", svgNumber(frame.bottom)), ("stroke", "#c0392b"), ("stroke-width", "1.5"),
                                                    ("stroke-dasharray", "7 4")]))
            let candidates = [(x - 5, "end"), (x + 5, "start")].flatMap { cx, anchor in
                [frame.top + 14, frame.top + 32, frame.bottom - 10].map { (TextBox(text: rule.label, x: cx, y: $0, anchor: anchor), cx, $0, anchor) }
            }
            if let (box, cx, cy, anchor) = place(candidates, taken: taken, markers: [], frame: frame) {
                taken.append(box)
                ruleElements.append(SVGElement("text", [("class", "rule-label"), ("x", svgNumber(cx)), ("y", svgNumber(cy)),
                                                        ("text-anchor", anchor), ("fill", "#c0392b")], text: rule.label))
            }
        }
        document.add(SVGElement("g", [("class", "rules")], children: ruleElements))

        for (index, category) in categories.enumerated() {
            let color = ChartPalette.color(index)
            let circles = points.filter { $0.category == category }.map { point -> SVGElement in
                let (px, py) = (xScale.position(point.x), yScale.position(point.y))
                markerCenters.append(TextBox.Point(x: px, y: py))
                let tip = "\(point.name) (\(category)): \(ChartText.number(point.x)), \(ChartText.number(point.y))"
                return SVGElement("circle", [("class", "point"), ("cx", svgNumber(px)), ("cy", svgNumber(py)), ("r", "4.5"),
                                             ("fill", color), ("fill-opacity", "0.8"), ("stroke", "white"), ("stroke-width", "0.8")],
                                  children: [SVGElement("title", text: tip)])
            }
            document.add(SVGElement("g", [("class", "category"), ("data-category", category)], children: circles))
        }
        let markers = markerCenters.map { Self.square(around: $0, half: 5) }

        var referenceElements: [SVGElement] = []
        let referencePositions = references.map { (xScale.position($0.x), yScale.position($0.y)) }
        let referenceMarkers = referencePositions.map { Self.square(around: TextBox.Point(x: $0.0, y: $0.1), half: 7) }
        for (reference, (px, py)) in zip(references, referencePositions) {
            let d = "M\(svgNumber(px)) \(svgNumber(py - 7))L\(svgNumber(px + 7)) \(svgNumber(py))L\(svgNumber(px)) \(svgNumber(py + 7))"
                + "L\(svgNumber(px - 7)) \(svgNumber(py))Z"
            referenceElements.append(SVGElement("path", [("class", "reference"), ("d", d), ("fill", "#222222"), ("stroke", "white"),
                                                         ("stroke-width", "1")],
                                                children: [SVGElement("title", text: reference.label)]))
        }
        for (reference, (px, py)) in zip(references, referencePositions) {
            let size = TextMetrics.defaultSize, dy = 0.32 * size
            var candidates: [(TextBox, Double, Double, String)] = []
            for distance in [11.0, 26, 44, 64] {
                for (cx, cy, anchor) in [(px + distance, py, "start"), (px - distance, py, "end"), (px, py - distance, "middle"),
                                         (px, py + distance, "middle"), (px + distance, py - distance, "start"),
                                         (px - distance, py - distance, "end"), (px + distance, py + distance, "start"),
                                         (px - distance, py + distance, "end")] {
                    candidates.append((TextBox(text: reference.label, x: cx, y: cy, bold: true, anchor: anchor, dy: dy), cx, cy, anchor))
                }
            }
            guard let (box, cx, cy, anchor) = place(candidates, taken: taken, markers: markers + referenceMarkers, frame: frame) else { continue }
            taken.append(box)
            // A label set apart from its marker gets a thin leader to the nearest point of its box.
            let b = box.bounds
            let (tx, ty) = (min(max(px, b.minX), b.maxX), min(max(py, b.minY), b.maxY))
            let length = hypot(tx - px, ty - py)
            if length > 14 {
                let (ux, uy) = ((tx - px) / length, (ty - py) / length)
                referenceElements.append(SVGElement("line", [("class", "leader"), ("x1", svgNumber(px + 9 * ux)), ("y1", svgNumber(py + 9 * uy)),
                                                             ("x2", svgNumber(tx - 2 * ux)), ("y2", svgNumber(ty - 2 * uy)),
                                                             ("stroke", "#222222"), ("stroke-width", "0.8")]))
            }
            referenceElements.append(SVGElement("text", [("class", "reference-label"), ("x", svgNumber(cx)), ("y", svgNumber(cy)),
                                                         ("dy", "0.32em"), ("text-anchor", anchor), ("font-weight", "bold"),
                                                         ("fill", "#222222")], text: reference.label))
        }
        document.add(SVGElement("g", [("class", "references")], children: referenceElements))
        document.add(legend.elements(x: frame.right + 24, y: frame.top + 8))
        return document
    }

    /// The chart as the text of an SVG file.
    package func markup() -> String { document().markup() }

    /// The first candidate label inside the plot area that overlaps no text in `taken`,
    /// preferring one that covers the fewest `markers`; nil when every candidate overlaps a text.
    private func place(_ candidates: [(TextBox, Double, Double, String)], taken: [TextBox], markers: [TextBox],
                       frame: ChartFrame) -> (TextBox, Double, Double, String)? {
        let free = candidates.filter { candidate in
            let b = candidate.0.bounds
            return b.minX >= frame.left + 2 && b.maxX <= frame.right - 2 && b.minY >= frame.top && b.maxY <= frame.bottom - 2
                && !taken.contains { $0.overlaps(candidate.0) }
        }
        return free.min { a, b in markers.filter { $0.overlaps(a.0) }.count < markers.filter { $0.overlaps(b.0) }.count }
    }

    /// A square box of half-side `half` around `center`, for markers labels should avoid.
    private static func square(around center: TextBox.Point, half: Double) -> TextBox {
        TextBox(corners: [TextBox.Point(x: center.x - half, y: center.y - half), TextBox.Point(x: center.x + half, y: center.y - half),
                          TextBox.Point(x: center.x + half, y: center.y + half), TextBox.Point(x: center.x - half, y: center.y + half)])
    }

    /// The `text` elements in `element` and below it.
    private static func texts(_ element: SVGElement) -> [SVGElement] {
        (element.name == "text" ? [element] : []) + element.children.flatMap(texts)
    }

    private func horizontalScale(xs: [Double], frame: ChartFrame) -> AxisScale {
        var low = xs.min() ?? 1, high = xs.max() ?? 10
        if xKind == .logarithmic {
            low = max(low, .leastNormalMagnitude)
            high = max(high, low)
            let pad = high > low ? pow(high / low, 0.05) : 2
            return AxisScale(kind: .logarithmic, domain: (low / pad)...(high * pad), pixels: (frame.left, frame.right))
        }
        let pad = high > low ? (high - low) * 0.05 : 1
        return AxisScale(kind: .linear, domain: (low - pad)...(high + pad), pixels: (frame.left, frame.right))
    }

    /// Round values inside `domain`: on a logarithmic axis the powers of ten, with 2 and 5 times
    /// them when the axis spans fewer than three of them.
    private func tickValues(_ domain: ClosedRange<Double>) -> [Double] {
        guard xKind == .logarithmic else { return AxisScale.niceTicks(covering: domain).filter { domain.contains($0) } }
        let first = Int(floor(log10(domain.lowerBound))), last = Int(ceil(log10(domain.upperBound)))
        let steps: [Double] = last - first <= 3 ? [1, 2, 5] : [1]
        return (first...last).flatMap { e in steps.map { $0 * pow(10, Double(e)) } }.filter { domain.contains($0) }
    }

    /// `value` as a whole number with thousands separated by commas (1,000), or with its decimals
    /// below 1.
    static func thousands(_ value: Double) -> String {
        guard value >= 1, value == value.rounded() else { return ChartText.number(value) }
        var digits = String(Int(value)), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }
}
