import Foundation

/// How a bar chart writes the names of its categories under the bars, chosen by the room there
/// is, measured with `TextMetrics`: on one line when every name fits its group of bars; else
/// wrapped between its words (e.g. wiring / k / layers) onto up to four lines, the canvas growing
/// up to `maximumCanvasWidth` when that makes the words fit; else turned 45 degrees; else numbered
/// under the bars with a key of the numbers below them.
struct CategoryLabels {
    /// The chosen way of writing the names.
    enum Style: Equatable {
        case oneLine, wrapped, turned, numbered
    }

    let style: Style
    /// The lines of each category's label (`numbered`: its number).
    let lines: [[String]]
    /// The names, for a key.
    let names: [String]
    /// The narrowest group of bars of one category that the labels fit.
    let groupWidth: Double
    /// Pixels under the axis the labels need beyond one line.
    let room: Double
    /// The margin left of the axis (a turned first label reaches left of its bar).
    private(set) var left: Double
    /// For `numbered`: the key's columns and their width.
    private(set) var keyColumns: Int, keyColumnWidth: Double

    /// The widest canvas that wrapping or turning grows a chart to.
    static let maximumCanvasWidth = 1400.0
    /// Lines a wrapped label may take.
    static let maximumLines = 4
    /// Pixels between labels side by side, and between a label and the edge of its group.
    static let gap = 10.0
    /// Degrees by which turned labels are rotated (counterclockwise, reading upwards).
    static let turn = -45.0
    /// The tallest turned label in pixels; longer names are numbered instead.
    static let maximumTurnedHeight = 220.0
    /// Distance between the baselines of wrapped lines.
    static let lineStep = TextMetrics.lineSpacing * TextMetrics.defaultSize
    /// Distance between the rows of a key.
    static let keyRowStep = 17.0
    /// The baseline of a first line of labels below the axis, and of a turned label's anchor.
    static let firstBaseline = 20.0, turnedAnchor = 12.0

    /// The labels of `categories` for `series` bars per category in a chart whose plot area is
    /// `plotWidth` wide at the width asked and may grow by `spare` pixels; `canvasWidth(plotWidth,
    /// left)` tells how wide the whole canvas then is (for a key's columns).
    init(categories: [String], series: Int, plotWidth: Double, spare: Double,
         canvasWidth: (_ plotWidth: Double, _ left: Double) -> Double) {
        let n = Double(max(categories.count, 1)), size = TextMetrics.defaultSize
        func width(_ text: String) -> Double { TextMetrics.width(text, size: size) }
        let widest = categories.map(width).max() ?? 0
        let minimumGroup = max(16, 9 * Double(max(series, 1)) / 0.8)
        let start = max(plotWidth / n, minimumGroup)
        names = categories
        left = ChartFrame.defaultLeft
        keyColumns = 0
        keyColumnWidth = 0
        if widest <= start - Self.gap {
            (style, lines, groupWidth, room) = (.oneLine, categories.map { [$0] }, start, 0)
            return
        }
        func wrapped(_ group: Double) -> [[String]]? {
            let lines = categories.map { TextMetrics.wrap($0, width: group - Self.gap, size: size) }
            let fits = lines.allSatisfy { $0.count <= Self.maximumLines && $0.allSatisfy { width($0) <= group - Self.gap } }
            return fits ? lines : nil
        }
        let widestWord = categories.flatMap { $0.split(separator: " ").map { width(String($0)) } }.max() ?? 0
        for group in [start, max(start, widestWord + Self.gap)] where group * n <= plotWidth + spare {
            if let lines = wrapped(group) {
                let count = lines.map(\.count).max() ?? 1
                (style, self.lines, groupWidth, room) = (.wrapped, lines, group, Double(count - 1) * Self.lineStep)
                return
            }
        }
        // Turned: neighbours 45 degrees apart need a group of at least a line's height / sin 45°.
        let turnedGroup = max(start, 26, TextMetrics.height(size: size) * 2.squareRoot() + 2)
        let boxes = categories.map { TextBox(text: $0, x: 0, y: Self.turnedAnchor, anchor: "end", dy: 0.32 * size, rotation: Self.turn) }
        let depth = boxes.map(\.bounds.maxY).max() ?? 0
        if turnedGroup * n <= plotWidth + spare, depth - Self.turnedAnchor <= Self.maximumTurnedHeight {
            let reach = -(boxes.first?.bounds.minX ?? 0)
            left = max(ChartFrame.defaultLeft, reach - turnedGroup / 2 + 4)
            // One line of labels ends 0.21 em below its baseline.
            let room = max(0, depth - Self.firstBaseline - TextMetrics.descent * size)
            (style, lines, groupWidth, self.room) = (.turned, categories.map { [$0] }, turnedGroup, room)
            return
        }
        let group = max(start, width(String(categories.count)) + Self.gap)
        let entries = categories.enumerated().map { Self.keyEntry($0.offset, $0.element) }
        keyColumnWidth = (entries.map(width).max() ?? 0) + 18
        let canvas = canvasWidth(group * n, ChartFrame.defaultLeft)
        keyColumns = max(1, min(categories.count, Int((canvas - 48) / keyColumnWidth)))
        let rows = (categories.count + keyColumns - 1) / keyColumns
        (style, lines, groupWidth, room) = (.numbered, categories.indices.map { [String($0 + 1)] }, group,
                                            Double(rows) * Self.keyRowStep + 8)
    }

    /// The key's text for category `index` (counted from 0) named `name`.
    static func keyEntry(_ index: Int, _ name: String) -> String { "\(index + 1): \(name)" }

    /// The labels under bars centred at `positions`, the axis at `bottom`; for `numbered`, the
    /// key below them on a canvas `canvasWidth` wide.
    func elements(positions: [Double], bottom: Double, canvasWidth: Double) -> [SVGElement] {
        var out: [SVGElement] = []
        for (position, lines) in zip(positions, lines) {
            let x = svgNumber(position)
            switch style {
            case .turned:
                let y = svgNumber(bottom + Self.turnedAnchor)
                out.append(SVGElement("text", [("class", "category-label"), ("x", x), ("y", y), ("dy", "0.32em"), ("text-anchor", "end"),
                                               ("transform", "rotate(\(svgNumber(Self.turn)) \(x) \(y))")], text: lines.first ?? ""))
            default:
                for (i, line) in lines.enumerated() {
                    out.append(SVGElement("text", [("class", "category-label"), ("x", x),
                                                   ("y", svgNumber(bottom + Self.firstBaseline + Double(i) * Self.lineStep)),
                                                   ("text-anchor", "middle")], text: line))
                }
            }
        }
        guard style == .numbered else { return out }
        let rows = (names.count + keyColumns - 1) / keyColumns
        let keyLeft = max(24, (canvasWidth - Double(keyColumns) * keyColumnWidth) / 2)
        var key: [SVGElement] = []
        for (i, name) in names.enumerated() {
            let column = i / rows, row = i % rows
            key.append(SVGElement("text", [("x", svgNumber(keyLeft + Double(column) * keyColumnWidth)),
                                           ("y", svgNumber(bottom + 42 + Double(row) * Self.keyRowStep)), ("font-size", "13")],
                                  text: Self.keyEntry(i, name)))
        }
        return out + [SVGElement("g", [("class", "category-key")], children: key)]
    }
}
