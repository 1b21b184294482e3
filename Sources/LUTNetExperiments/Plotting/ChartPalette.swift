/// Colors of a chart's series: distinguishable on screen and in grey print (Tableau 10).
package enum ChartPalette {
    /// The colors in the order series take them.
    package static let colors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    /// The color of series number `index` (cycling).
    package static func color(_ index: Int) -> String { colors[index % colors.count] }

    /// A point of the sequential scale from pale (0) to dark blue (1), for heat maps; the palest
    /// blue stays distinct from an empty white cell.
    package static func sequential(_ fraction: Double) -> String {
        let stops: [(Double, Double, Double)] = [(222, 235, 247), (198, 219, 239), (107, 174, 214), (33, 113, 181), (8, 48, 107)]
        let t = min(max(fraction.isFinite ? fraction : 0, 0), 1) * Double(stops.count - 1)
        let i = min(Int(t), stops.count - 2), f = t - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        func channel(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
        return hex(channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
    }

    /// Whether text on `fraction`'s sequential color should be white for contrast.
    package static func needsLightText(_ fraction: Double) -> Bool { fraction > 0.55 }

    static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789abcdef")
        return "#" + [r, g, b].map { String(digits[$0 / 16]) + String(digits[$0 % 16]) }.joined()
    }
}
