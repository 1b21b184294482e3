import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import LUTNetExperiments

/// An SVG file parsed as XML, for checking what a chart drew.
struct SVGInspector {
    /// One parsed element.
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        var text = ""
        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// This node and all below it, depth first.
        var all: [Node] { [self] + children.flatMap(\.all) }
    }

    let root: Node

    /// Parses `markup`; fails the test when it is not well-formed XML.
    init(_ markup: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = delegate
        let ok = parser.parse()
        guard ok, let root = delegate.root else {
            XCTFail("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root")", file: file, line: line)
            throw CocoaError(.fileReadCorruptFile)
        }
        self.root = root
    }

    /// Elements named `name` (and of class `cssClass`, when given).
    func elements(_ name: String, class cssClass: String? = nil) -> [Node] {
        root.all.filter { $0.name == name && (cssClass == nil || $0.attributes["class"] == cssClass) }
    }

    /// The `g` of class `series` whose `data-series` is `series`.
    func series(_ series: String) -> Node? {
        elements("g", class: "series").first { $0.attributes["data-series"] == series }
    }

    /// Every text the document shows, trimmed.
    var texts: [String] {
        elements("text").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var root: Node?
        var stack: [Node] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = Node(name: elementName, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

extension SVGInspector.Node {
    /// Children (at any depth) named `name` and of class `cssClass`, when given.
    func descendants(_ name: String, class cssClass: String? = nil) -> [SVGInspector.Node] {
        all.dropFirst().filter { $0.name == name && (cssClass == nil || $0.attributes["class"] == cssClass) }
    }
}

extension SVGInspector {
    /// Every non-empty `text` with the box it covers, measured as the charts measure text
    /// (`TextBox`, from the attributes the text and its enclosing elements set); a nil box for a
    /// transform other than a rotation.
    var textBoxes: [(text: String, box: TextBox?)] {
        var out: [(String, TextBox?)] = []
        func visit(_ node: Node, inherited: [String: String]) {
            var style = inherited
            for name in ["font-size", "font-weight", "text-anchor"] { if let value = node.attributes[name] { style[name] = value } }
            if node.name == "text" {
                let text = node.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { out.append((text, TextBox(text: text, attributes: node.attributes, inherited: style))) }
                return
            }
            for child in node.children { visit(child, inherited: style) }
        }
        visit(root, inherited: [:])
        return out
    }

    /// What keeps the figure from reading at a glance: texts whose boxes overlap, texts that leave
    /// the canvas (the root's `width` × `height`) and texts that cannot be measured. Empty when
    /// every text stands clear.
    var layoutProblems: [String] {
        let width = Double(root.attributes["width"] ?? "") ?? 0, height = Double(root.attributes["height"] ?? "") ?? 0
        var problems: [String] = []
        let boxes = textBoxes
        for (text, box) in boxes {
            guard let box else {
                problems.append("'\(text)' has a transform other than a rotation")
                continue
            }
            if !box.isInside(width: width, height: height) {
                let b = box.bounds
                problems.append(String(format: "'%@' leaves the %.0f × %.0f canvas (%.1f, %.1f to %.1f, %.1f)",
                                       text, width, height, b.minX, b.minY, b.maxX, b.maxY))
            }
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                if let a = boxes[i].box, let b = boxes[j].box, a.overlaps(b) {
                    problems.append("'\(boxes[i].text)' overlaps '\(boxes[j].text)'")
                }
            }
        }
        return problems
    }
}
