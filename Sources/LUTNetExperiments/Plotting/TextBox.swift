import Foundation

/// The rectangle a drawn `text` element covers, measured by `TextMetrics`: as wide as its text,
/// from the ascent above its baseline to the descent below, placed by its anchor and turned by its
/// rotation. Charts use it to place labels where nothing else is written; the tests check every
/// figure with it (no two texts overlapping, none leaving the canvas).
struct TextBox: Equatable {
    /// The four corners, in order around the rectangle.
    let corners: [Point]

    /// A point of the drawing.
    struct Point: Equatable {
        let x: Double, y: Double
    }

    /// A box of the given corners, in order around it.
    init(corners: [Point]) {
        precondition(corners.count == 4, "a box has four corners")
        self.corners = corners
    }

    /// The box of `text` written at (`x`, `y`) with `anchor` (`start`, `middle` or `end`), its
    /// baseline moved down by `dy` pixels, in `size` pixels (bold when `bold`), turned by
    /// `rotation` degrees (clockwise, as SVG's `rotate`) around `center` (the anchor point when nil).
    init(text: String, x: Double, y: Double, size: Double = TextMetrics.defaultSize, bold: Bool = false,
         anchor: String = "start", dy: Double = 0, rotation: Double = 0, center: Point? = nil) {
        let width = TextMetrics.width(text, size: size, bold: bold)
        let left = anchor == "middle" ? x - width / 2 : anchor == "end" ? x - width : x
        let baseline = y + dy
        let top = baseline - TextMetrics.ascent * size, bottom = baseline + TextMetrics.descent * size
        let plain = [Point(x: left, y: top), Point(x: left + width, y: top), Point(x: left + width, y: bottom), Point(x: left, y: bottom)]
        guard rotation != 0 else {
            corners = plain
            return
        }
        let pivot = center ?? Point(x: x, y: y)
        let (sine, cosine) = (sin(rotation * .pi / 180), cos(rotation * .pi / 180))
        corners = plain.map { p in
            let (dx, dy) = (p.x - pivot.x, p.y - pivot.y)
            return Point(x: pivot.x + dx * cosine - dy * sine, y: pivot.y + dx * sine + dy * cosine)
        }
    }

    /// The box of a `text` element from its attributes (`x`, `y`, `dy` in pixels or ems,
    /// `text-anchor`, `font-size`, `font-weight`, `transform` as `rotate(A)` or `rotate(A X Y)`);
    /// `inherited` holds the attributes its enclosing elements set. Nil when the transform is not a
    /// rotation.
    init?(text: String, attributes: [String: String], inherited: [String: String] = [:]) {
        func value(_ name: String) -> String? { attributes[name] ?? inherited[name] }
        let size = value("font-size").flatMap(Double.init) ?? TextMetrics.defaultSize
        let dyText = attributes["dy"] ?? "0"
        let dy = dyText.hasSuffix("em") ? (Double(dyText.dropLast(2)) ?? 0) * size : Double(dyText) ?? 0
        var rotation = 0.0
        var center: Point?
        if let transform = attributes["transform"] {
            guard transform.hasPrefix("rotate("), transform.hasSuffix(")") else { return nil }
            let numbers = transform.dropFirst(7).dropLast().split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            guard numbers.count == 1 || numbers.count == 3 else { return nil }
            rotation = numbers[0]
            center = numbers.count == 3 ? Point(x: numbers[1], y: numbers[2]) : Point(x: 0, y: 0)
        }
        let weight = value("font-weight") ?? "normal"
        self.init(text: text, x: Double(attributes["x"] ?? "0") ?? 0, y: Double(attributes["y"] ?? "0") ?? 0, size: size,
                  bold: weight == "bold" || (Int(weight) ?? 400) >= 600, anchor: value("text-anchor") ?? "start",
                  dy: dy, rotation: rotation, center: center)
    }

    /// The box of an `SVGElement` named `text` (its own attributes only).
    init?(_ element: SVGElement) {
        guard element.name == "text", let text = element.text else { return nil }
        self.init(text: text, attributes: Dictionary(element.attributes, uniquingKeysWith: { _, last in last }))
    }

    /// Leftmost, topmost, rightmost and bottommost coordinates.
    var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        (corners.map(\.x).min() ?? 0, corners.map(\.y).min() ?? 0, corners.map(\.x).max() ?? 0, corners.map(\.y).max() ?? 0)
    }

    /// Whether the box lies within a `width` × `height` canvas (`tolerance` pixels past its edge
    /// allowed).
    func isInside(width: Double, height: Double, tolerance: Double = 0.5) -> Bool {
        let b = bounds
        return b.minX >= -tolerance && b.minY >= -tolerance && b.maxX <= width + tolerance && b.maxY <= height + tolerance
    }

    /// Whether the two boxes share more than a sliver: no side of either separates them by more
    /// than `-tolerance` pixels (the separating-axis test for convex shapes).
    func overlaps(_ other: TextBox, tolerance: Double = 0.5) -> Bool {
        for shape in [self, other] {
            for i in 0..<4 {
                let a = shape.corners[i], b = shape.corners[(i + 1) % 4]
                let length = hypot(b.x - a.x, b.y - a.y)
                guard length > 0 else { continue }
                let axis = (x: (a.y - b.y) / length, y: (b.x - a.x) / length)
                func project(_ box: TextBox) -> (Double, Double) {
                    let values = box.corners.map { $0.x * axis.x + $0.y * axis.y }
                    return (values.min() ?? 0, values.max() ?? 0)
                }
                let (p, q) = (project(self), project(other))
                if p.1 <= q.0 + tolerance || q.1 <= p.0 + tolerance { return false }
            }
        }
        return true
    }
}
