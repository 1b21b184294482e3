import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

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
