/// How much room text takes in the charts' font, `Helvetica, Arial, sans-serif` (Arial and
/// Liberation Sans share Helvetica's advance widths): the per-character advance widths of
/// Helvetica and Helvetica Bold (Adobe's font metrics, in thousandths of an em) and the heights
/// above and below the baseline. Charts lay out their labels by this measure, and the tests check
/// drawn figures by it.
enum TextMetrics {
    /// The charts' default font size in pixels (the `svg` root's `font-size`).
    static let defaultSize = 13.0
    /// Height above the baseline, in ems (Helvetica's ascender).
    static let ascent = 0.72
    /// Depth below the baseline, in ems (Helvetica's descender).
    static let descent = 0.21
    /// Distance between the baselines of wrapped lines, in ems.
    static let lineSpacing = 1.2

    /// The width of `text` in pixels at `size`.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var thousandths = 0
        for scalar in text.unicodeScalars { thousandths += advance(scalar, bold: bold) }
        return Double(thousandths) * size / 1000
    }

    /// The height of one line from the top of its tallest letter to the bottom of its deepest.
    static func height(size: Double) -> Double { (ascent + descent) * size }

    /// `text` broken into lines of at most `width` pixels, between words (at spaces); a word wider
    /// than `width` gets a line of its own (and is wider than `width`).
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if line.isEmpty || Self.width(candidate, size: size, bold: bold) <= width {
                line = candidate
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The advance of one character in thousandths of an em.
    private static func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Int {
        let value = Int(scalar.value)
        if (32...126).contains(value) { return (bold ? boldASCII : regularASCII)[value - 32] }
        switch scalar {
        case "±", "×", "÷", "≤", "≥", "≠", "−": return 584
        case "–": return 556
        case "—", "…": return 1000
        case "·", "\u{a0}": return 278
        case "²", "³", "¹": return 333
        default: return bold ? 722 : 667 // a capital's width for letters outside ASCII
        }
    }

    /// Helvetica's advances of ASCII 32 (space) to 126 (~).
    private static let regularASCII: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
    ]

    /// Helvetica Bold's advances of ASCII 32 (space) to 126 (~).
    private static let boldASCII: [Int] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0 to ?
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @ to O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P to _
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // ` to o
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // p to ~
    ]
}
