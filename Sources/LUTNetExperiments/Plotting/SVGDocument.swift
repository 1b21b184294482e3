/// A standalone SVG file of a given size: the root element with its namespace, a white
/// background, the default font, and the drawing.
package struct SVGDocument: Sendable {
    /// Width in pixels.
    package let width: Double
    /// Height in pixels.
    package let height: Double
    /// The drawing, in order (later elements on top).
    package var elements: [SVGElement] = []

    /// An empty document.
    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Adds an element on top of the drawing.
    package mutating func add(_ element: SVGElement) { elements.append(element) }

    /// Adds elements on top of the drawing.
    package mutating func add(_ elements: [SVGElement]) { self.elements.append(contentsOf: elements) }

    /// The file's text: an XML declaration and the `svg` root.
    package func markup() -> String {
        let background = SVGElement("rect", [("width", "100%"), ("height", "100%"), ("fill", "white")])
        let root = SVGElement("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", svgNumber(width)),
                                      ("height", svgNumber(height)), ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"),
                                      ("font-family", "Helvetica, Arial, sans-serif"), ("font-size", "13")],
                              children: [background] + elements)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.markup()
    }
}
