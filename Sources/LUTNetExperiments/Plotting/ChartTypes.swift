/// One measured point of a line chart: a value with an error bar of half-height `error`.
package struct ChartPoint: Sendable, Equatable {
    /// Position on the horizontal axis.
    package let x: Double
    /// Value on the vertical axis.
    package let y: Double
    /// Half the height of the error bar (0 draws none).
    package let error: Double

    /// A point; `error` is the half-height of its error bar.
    package init(x: Double, y: Double, error: Double = 0) {
        self.x = x
        self.y = y
        self.error = error
    }
}

/// A named series of points drawn as one line with markers.
package struct ChartSeries: Sendable, Equatable {
    /// The legend's name.
    package let name: String
    /// Points in order along the line.
    package let points: [ChartPoint]
    /// Drawn dashed (e.g. a reference or the second of a pair).
    package let dashed: Bool
    /// Palette index of the series' color.
    package let colorIndex: Int

    /// A series; `colorIndex` picks the palette color.
    package init(name: String, points: [ChartPoint], dashed: Bool = false, colorIndex: Int) {
        self.name = name
        self.points = points
        self.dashed = dashed
        self.colorIndex = colorIndex
    }
}

/// The words around a chart: title, an optional subtitle, and the axis labels.
package struct ChartLabels: Sendable, Equatable {
    /// Title over the chart.
    package let title: String
    /// A smaller line under the title (what the error bars show, the data), or empty.
    package let subtitle: String
    /// Label of the horizontal axis.
    package let x: String
    /// Label of the vertical axis.
    package let y: String

    /// Labels of a chart.
    package init(title: String, subtitle: String = "", x: String, y: String) {
        self.title = title
        self.subtitle = subtitle
        self.x = x
        self.y = y
    }
}
