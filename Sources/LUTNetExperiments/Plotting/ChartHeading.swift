/// A chart's title and subtitle, centred over the canvas and broken between words into lines
/// that fit its width (measured with `TextMetrics`).
struct ChartHeading {
    /// The lines of the title and of the subtitle (none when it is empty).
    let titleLines: [String], subtitleLines: [String]
    /// The canvas width the lines fit.
    let width: Double

    static let titleSize = 17.0, subtitleSize = 12.0
    /// Baselines: the first title line's, then the steps between lines.
    static let firstBaseline = 24.0, titleStep = 21.0, subtitleGap = 20.0, subtitleStep = 15.0

    /// The heading of `labels` on a canvas `width` pixels wide (12 pixels kept clear at each side).
    init(_ labels: ChartLabels, width: Double) {
        self.width = width
        titleLines = TextMetrics.wrap(labels.title, width: width - 24, size: Self.titleSize, bold: true)
        subtitleLines = labels.subtitle.isEmpty ? [] : TextMetrics.wrap(labels.subtitle, width: width - 24, size: Self.subtitleSize)
    }

    /// The baseline of the last line (of the subtitle when there is one).
    var lastBaseline: Double {
        let lastTitle = Self.firstBaseline + Self.titleStep * Double(titleLines.count - 1)
        return subtitleLines.isEmpty ? lastTitle : lastTitle + Self.subtitleGap + Self.subtitleStep * Double(subtitleLines.count - 1)
    }

    /// How much lower `lastBaseline` is than that of a title and subtitle of one line each.
    var extraHeight: Double {
        lastBaseline - (subtitleLines.isEmpty ? Self.firstBaseline : Self.firstBaseline + Self.subtitleGap)
    }

    /// The lines as `text` elements of classes `title` and `subtitle`.
    var elements: [SVGElement] {
        let x = svgNumber(width / 2)
        var elements = titleLines.enumerated().map { i, line in
            SVGElement("text", [("class", "title"), ("x", x), ("y", svgNumber(Self.firstBaseline + Self.titleStep * Double(i))),
                                ("text-anchor", "middle"), ("font-size", svgNumber(Self.titleSize)), ("font-weight", "bold")], text: line)
        }
        let subtitleTop = Self.firstBaseline + Self.titleStep * Double(titleLines.count - 1) + Self.subtitleGap
        for (i, line) in subtitleLines.enumerated() {
            elements.append(SVGElement("text", [("class", "subtitle"), ("x", x), ("y", svgNumber(subtitleTop + Self.subtitleStep * Double(i))),
                                                ("text-anchor", "middle"), ("font-size", svgNumber(Self.subtitleSize)), ("fill", "#555555")], text: line))
        }
        return elements
    }
}
