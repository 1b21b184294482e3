import Foundation
import XCTest
@testable import LUTNetExperiments

/// Every committed figure, and every kind of chart drawn crowded, keeps its texts apart and on the
/// canvas, by the measure the charts lay out with (`TextMetrics`).
final class FigureLayoutTests: XCTestCase {
    func testEveryCommittedFigureKeepsItsTextsApartAndOnTheCanvas() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Experiments").path
        let figures = (FileManager.default.subpaths(atPath: folder) ?? []).filter { $0.hasSuffix(".svg") }.sorted()
        XCTAssertGreaterThanOrEqual(figures.count, 48, "the committed figures are found")
        for figure in figures {
            let markup = try String(contentsOfFile: folder + "/" + figure, encoding: .utf8)
            let problems = try SVGInspector(markup).layoutProblems
            XCTAssertTrue(problems.isEmpty, "Experiments/\(figure): \(problems.count) problems, e.g. "
                          + problems.prefix(4).joined(separator: "; "))
        }
    }

    func testTextIsMeasuredByTheFontsAdvanceWidths() {
        // "0.5": 556 + 278 + 556 thousandths of an em; bold "Ab": 722 + 611.
        XCTAssertEqual(TextMetrics.width("0.5", size: 13), 18.07, accuracy: 1e-9)
        XCTAssertEqual(TextMetrics.width("Ab", size: 10, bold: true), 13.33, accuracy: 1e-9)
        XCTAssertEqual(TextMetrics.width("±", size: 10), 5.84, accuracy: 1e-9)
        XCTAssertEqual(TextMetrics.wrap("hier:7,32,4,grid k=8 5x1024", width: 70, size: 13), ["hier:7,32,4,grid", "k=8 5x1024"])
        XCTAssertEqual(TextMetrics.wrap("one", width: 1, size: 13), ["one"])
    }

    func testTheCheckFindsOverlapsAndTextsOffTheCanvas() throws {
        func problems(_ texts: String) throws -> [String] {
            try SVGInspector("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" font-size=\"13\">\(texts)</svg>")
                .layoutProblems
        }
        XCTAssertEqual(try problems("<text x=\"10\" y=\"20\">left</text><text x=\"60\" y=\"20\">right</text>"), [])
        // "random k=8" is 61 pixels wide at 13: centred 40 pixels apart, two overlap.
        XCTAssertEqual(try problems("<text x=\"50\" y=\"50\" text-anchor=\"middle\">random k=8</text>"
                                    + "<text x=\"90\" y=\"50\" text-anchor=\"middle\">random k=8</text>").count, 1)
        // The same two lines apart do not.
        XCTAssertEqual(try problems("<text x=\"50\" y=\"50\" text-anchor=\"middle\">random k=8</text>"
                                    + "<text x=\"90\" y=\"66\" text-anchor=\"middle\">random k=8</text>"), [])
        // Turned by -45 degrees about their anchors, 20 pixels apart, they stand clear of each other.
        XCTAssertEqual(try problems("<text x=\"70\" y=\"30\" text-anchor=\"end\" transform=\"rotate(-45 70 30)\">random k=8</text>"
                                    + "<text x=\"90\" y=\"30\" text-anchor=\"end\" transform=\"rotate(-45 90 30)\">random k=8</text>"), [])
        // Past the right edge, past the top, and a font size inherited from a group.
        XCTAssertEqual(try problems("<text x=\"190\" y=\"50\">wide</text>").count, 1)
        XCTAssertEqual(try problems("<text x=\"10\" y=\"5\">high</text>").count, 1)
        XCTAssertEqual(try problems("<g font-size=\"80\"><text x=\"10\" y=\"50\">big text</text></g>").count, 1)
        XCTAssertEqual(try problems("<text x=\"10\" y=\"50\" transform=\"scale(2)\">scaled</text>").count, 1)
    }

    // MARK: Every kind of chart, crowded

    private func assertReadable(_ markup: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws -> SVGInspector {
        let svg = try SVGInspector(markup)
        let problems = svg.layoutProblems
        XCTAssertTrue(problems.isEmpty, "\(what): " + problems.prefix(4).joined(separator: "; "), file: file, line: line)
        return svg
    }

    /// Names as the wiring sweeps give them: wiring, k, layers.
    private func wiringNames(_ count: Int) -> [String] {
        let wirings = ["random", "local:6", "local:7,grid", "hier:6,64,3", "hier:7,64,4", "hier:7,64,4,grid", "hier:7,32,4,grid",
                       "hier:9,64,4,grid", "hier:7,64,5,grid"]
        return (0..<count).map { "\(wirings[$0 % wirings.count]) k=\([8, 10, 12, 14][($0 / wirings.count) % 4]) \(["5x1024", "8x1024"][$0 % 2])" }
    }

    private func barChart(_ categories: [String], title: String = "Accuracy against wiring", subtitle: String = "5 seeds",
                          seriesNames: [String] = ["train", "test"]) -> BarChart {
        BarChart(labels: ChartLabels(title: title, subtitle: subtitle, x: "wiring, k, hidden layers", y: "accuracy"), categories: categories,
                 series: seriesNames.enumerated().map { s, name in
                     .init(name: name, bars: categories.indices.map { .init(value: 0.8 + 0.01 * Double(($0 + s) % 10), error: 0.01) }, colorIndex: s)
                 }, yDomain: 0.5...1)
    }

    private func categoryLabels(_ svg: SVGInspector) -> [SVGInspector.Node] { svg.elements("text", class: "category-label") }

    func testBarChartsWriteShortNamesOnOneLine() throws {
        let svg = try assertReadable(barChart(["1", "2", "3", "4", "5", "output"]).markup(), "six layers")
        XCTAssertEqual(categoryLabels(svg).map(\.text), ["1", "2", "3", "4", "5", "output"])
        XCTAssertEqual(Set(categoryLabels(svg).map { $0.attributes["y"] ?? "" }).count, 1, "one line")
        XCTAssertEqual(svg.root.attributes["width"], "760")
    }

    func testBarChartsWrapNamesBetweenTheirWords() throws {
        let names = wiringNames(10)
        let svg = try assertReadable(barChart(names).markup(), "ten wirings")
        let labels = categoryLabels(svg)
        XCTAssertGreaterThan(labels.count, names.count, "some names take several lines")
        XCTAssertNil(labels.first { $0.attributes["transform"] != nil })
        // Every word of every name is written, in order, under its bars.
        XCTAssertEqual(labels.map(\.text).joined(separator: " "), names.joined(separator: " "))
        XCTAssertLessThanOrEqual(Double(svg.root.attributes["width"] ?? "") ?? 0, CategoryLabels.maximumCanvasWidth)
    }

    func testBarChartsTurnManyNames() throws {
        let names = wiringNames(36)
        let svg = try assertReadable(barChart(names).markup(), "36 networks")
        let labels = categoryLabels(svg)
        XCTAssertEqual(labels.map(\.text), names)
        XCTAssertTrue(labels.allSatisfy { $0.attributes["transform"]?.hasPrefix("rotate(-45 ") == true })
    }

    func testBarChartsNumberLongNamesWithAKey() throws {
        let names = (0..<24).map { "k=\([8, 12, 14][$0 % 3]) 768,1024,1024,1024,1024 bits=threshold,mean,opponents,extra-\($0)" }
        let svg = try assertReadable(barChart(names).markup(), "24 long names")
        XCTAssertEqual(categoryLabels(svg).map(\.text), (1...24).map(String.init))
        let key = svg.elements("g", class: "category-key").first?.descendants("text").map(\.text) ?? []
        XCTAssertEqual(key, names.enumerated().map { "\($0.offset + 1): \($0.element)" })
    }

    func testLongTitlesWrapAndLongLegendsWidenTheCanvas() throws {
        let title = "Accuracy of every network against its wiring, its inputs per LUT and its hidden layers on the binary task of telling the digits 0 to 4 from the digits 5 to 9"
        let subtitle = "mnist, task 0-4:5-9, 5 seeds, threshold 128; error bars ±1 s.d. over seeds; times measured in the same run "
            + "against the paper's network, which is the reference when the sweep has it"
        let methods = (0..<12).map { "one-vs-rest LUT networks k = \($0 + 4), 3 × 500 per class, hier:7,16,2 windows" }
        let svg = try assertReadable(barChart(["0-4:5-9", "0:8", "mean"], title: title, subtitle: subtitle, seriesNames: methods).markup(),
                                     "long title, subtitle and legend")
        XCTAssertGreaterThan(svg.elements("text", class: "title").count, 1)
        XCTAssertGreaterThan(svg.elements("text", class: "subtitle").count, 1)
        XCTAssertEqual(svg.elements("text", class: "title").map(\.text).joined(separator: " "), title)
        XCTAssertEqual(svg.elements("g", class: "legend-entry").count, 12)
    }

    func testLineChartsThinCrowdedTicks() throws {
        let xs = (0..<20).map { pow(2, Double($0)) }
        let chart = LineChart(labels: ChartLabels(title: "Accuracy against training examples", x: "examples", y: "accuracy"),
                              series: [ChartSeries(name: "test", points: xs.map { ChartPoint(x: $0, y: 0.9) }, colorIndex: 0)],
                              xKind: .logarithmic, xTicks: xs)
        let svg = try assertReadable(chart.markup(), "twenty doublings")
        let written = svg.elements("g", class: "x-ticks").first?.descendants("text").map(\.text) ?? []
        XCTAssertEqual(written.first, "1")
        XCTAssertLessThan(written.count, 20)
        XCTAssertGreaterThan(written.count, 4)
    }

    func testHeatMapsTurnColumnLabelsWiderThanACell() throws {
        let names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
        let values = names.indices.map { r in names.indices.map { c -> Double? in r == c ? nil : 0.9 } }
        let heat = HeatMap(labels: ChartLabels(title: "Test accuracy of every pair of classes", subtitle: "fashion-mnist", x: "class", y: "class"),
                           rowLabels: names, columnLabels: names, values: values)
        let svg = try assertReadable(heat.markup(), "Fashion-MNIST's class names")
        XCTAssertTrue(svg.elements("text", class: "column-label").allSatisfy { $0.attributes["transform"] != nil })
        _ = try assertReadable(HeatMap(labels: ChartLabels(title: "Pairs", x: "class", y: "class"), rowLabels: ["0", "1"],
                                       columnLabels: ["0", "1"], values: [[nil, 0.9], [0.9, nil]]).markup(), "digits")
    }

    func testContestChartsPlaceEveryLabelClear() throws {
        let categories = ["adders", "dividers", "multipliers", "comparators", "square roots", "PicoJava", "MCNC", "ISCAS",
                          "MNIST and CIFAR-10", "symmetric functions"]
        let rows = (0..<100).map { i in
            IWLSContestFigure.Row(name: String(format: "ex%02d", i), category: categories[i / 10],
                                  ands: [12, 90, 356, 732, 1141, 1800, 2518, 4000, 4999, 9000][i % 10] + i, accuracy: 0.5 + 0.005 * Double(i % 97))
        }
        _ = try assertReadable(IWLSContestFigure.chart(rows, subtitle: "k = 8, 3 × 64 LUTs chosen by validation accuracy").markup(),
                               "100 functions")
    }
}
