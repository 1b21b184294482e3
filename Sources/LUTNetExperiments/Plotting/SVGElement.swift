/// One element of an SVG document: a name, attributes in the order given, and either child
/// elements or text. Rendering escapes every attribute value and text.
package struct SVGElement: Sendable, Equatable {
    /// The tag name, e.g. `rect`.
    package var name: String
    /// Attributes as written, in order.
    package var attributes: [(String, String)]
    /// Child elements.
    package var children: [SVGElement]
    /// Text content (written before the children).
    package var text: String?

    /// An element from its parts.
    package init(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, children: [SVGElement] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// Equal names, attributes (in order), children and text.
    package static func == (a: SVGElement, b: SVGElement) -> Bool {
        a.name == b.name && a.attributes.map { [$0.0, $0.1] } == b.attributes.map { [$0.0, $0.1] }
            && a.children == b.children && a.text == b.text
    }

    /// The element as markup, indented by `depth` levels.
    package func markup(depth: Int = 0) -> String {
        let indent = String(repeating: "  ", count: depth)
        let attributeText = attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined()
        if children.isEmpty && text == nil { return "\(indent)<\(name)\(attributeText)/>\n" }
        if children.isEmpty, let text { return "\(indent)<\(name)\(attributeText)>\(Self.escape(text))</\(name)>\n" }
        var out = "\(indent)<\(name)\(attributeText)>\n"
        if let text { out += "\(indent)  \(Self.escape(text))\n" }
        for child in children { out += child.markup(depth: depth + 1) }
        return out + "\(indent)</\(name)>\n"
    }

    /// `text` with the XML special characters replaced by entities.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// Numbers as SVG coordinates: at most two decimals, no trailing zeros.
func svgNumber(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
}
