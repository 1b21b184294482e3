import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// The SVG charts parse as XML and hold what they were given.
final class ChartTests: XCTestCase {
    func testLineChartDrawsEveryPointErrorBarAndLabel() throws {
        let chart = LineChart(labels: ChartLabels(title: "Accuracy <k> & more", subtitle: "5 seeds", x: "k (inputs per LUT)", y: "accuracy"),
                              series: [ChartSeries(name: "train", points: [ChartPoint(x: 2, y: 0.6, error: 0.01),
                                                                           ChartPoint(x: 4, y: 0.8, error: 0.02),
                                                                           ChartPoint(x: 8, y: 0.9, error: 0)], colorIndex: 0),
                                       ChartSeries(name: "test \"real\"", points: [ChartPoint(x: 2, y: 0.55, error: 0.03),
                                                                                   ChartPoint(x: 8, y: 0.85, error: 0.01)],
                                                   dashed: true, colorIndex: 1)],
                              xTicks: [2, 4, 8])
        let svg = try SVGInspector(chart.markup())
        XCTAssertEqual(svg.root.name, "svg")
        XCTAssertEqual(svg.root.attributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertEqual(svg.series("train")?.descendants("circle", class: "marker").count, 3)
        XCTAssertEqual(svg.series("train")?.descendants("path", class: "error-bar").count, 2, "no bar for an error of 0")
        XCTAssertEqual(svg.series("test \"real\"")?.descendants("circle", class: "marker").count, 2)
        XCTAssertEqual(svg.series("test \"real\"")?.descendants("polyline", class: "line").first?.attributes["stroke-dasharray"], "6 4")
        XCTAssertEqual(svg.elements("text", class: "title").first?.text, "Accuracy <k> & more")
        XCTAssertEqual(svg.elements("text", class: "x-label").first?.text, "k (inputs per LUT)")
        XCTAssertEqual(svg.elements("text", class: "y-label").first?.text, "accuracy")
        XCTAssertEqual(svg.elements("g", class: "legend-entry").count, 2)
        XCTAssertTrue(svg.texts.contains("test \"real\""))
        for tick in ["2", "4", "8"] { XCTAssertTrue(svg.texts.contains(tick), tick) }
        // Markers sit left to right in x order and higher values higher up.
        let xs = svg.series("train")?.descendants("circle").compactMap { Double($0.attributes["cx"] ?? "") } ?? []
        let ys = svg.series("train")?.descendants("circle").compactMap { Double($0.attributes["cy"] ?? "") } ?? []
        XCTAssertEqual(xs, xs.sorted())
        XCTAssertEqual(ys, ys.sorted(by: >))
    }

    func testAccuracyAxesStopAtOne() throws {
        let chart = LineChart(labels: ChartLabels(title: "t", x: "x", y: "y"),
                              series: [ChartSeries(name: "s", points: [ChartPoint(x: 1, y: 0.99, error: 0.05),
                                                                       ChartPoint(x: 2, y: 0.5, error: 0.1)], colorIndex: 0)])
        let svg = try SVGInspector(chart.markup())
        let yTicks = svg.elements("g", class: "y-ticks").first?.descendants("text").compactMap { Double($0.text) } ?? []
        XCTAssertEqual(yTicks.max(), 1.0)
        XCTAssertEqual(yTicks.min(), 0.4)
    }

    func testLogarithmicAxisSpacesDoublingsEqually() throws {
        let chart = LineChart(labels: ChartLabels(title: "t", x: "x", y: "y"),
                              series: [ChartSeries(name: "s", points: [32, 64, 128, 256].map { ChartPoint(x: $0, y: 0.8) }, colorIndex: 0)],
                              xKind: .logarithmic, xTicks: [32, 64, 128, 256])
        let svg = try SVGInspector(chart.markup())
        let xs = svg.elements("circle", class: "marker").compactMap { Double($0.attributes["cx"] ?? "") }
        XCTAssertEqual(xs.count, 4)
        XCTAssertEqual(xs[1] - xs[0], xs[2] - xs[1], accuracy: 0.02)
        XCTAssertEqual(xs[3] - xs[2], xs[2] - xs[1], accuracy: 0.02)
    }

    func testBarChartDrawsOneBarPerCategoryAndSeries() throws {
        let chart = BarChart(labels: ChartLabels(title: "Layers", x: "layer", y: "accuracy"), categories: ["1", "2", "output"],
                             series: [.init(name: "train", bars: [.init(value: 0.6, error: 0.08), .init(value: 0.74, error: 0.04),
                                                                  .init(value: 0.89)], colorIndex: 0),
                                      .init(name: "test", bars: [.init(value: 0.61, error: 0.09), .init(value: 0.75, error: 0.04),
                                                                 .init(value: 0.87)], colorIndex: 1)],
                             yDomain: 0.5...1.0)
        let svg = try SVGInspector(chart.markup())
        XCTAssertEqual(svg.elements("rect", class: "bar").count, 6)
        XCTAssertEqual(svg.series("train")?.descendants("rect", class: "bar").count, 3)
        XCTAssertEqual(svg.series("test")?.descendants("path", class: "error-bar").count, 2)
        for label in ["1", "2", "output", "Layers", "layer", "accuracy", "train", "test"] {
            XCTAssertTrue(svg.texts.contains(label), label)
        }
        // Taller bars for higher values, all rising from the same baseline.
        let bars = svg.series("train")?.descendants("rect", class: "bar") ?? []
        let heights = bars.compactMap { Double($0.attributes["height"] ?? "") }
        XCTAssertEqual(heights, heights.sorted())
        let bottoms = bars.compactMap { b in Double(b.attributes["y"] ?? "").flatMap { y in Double(b.attributes["height"] ?? "").map { y + $0 } } }
        XCTAssertEqual(Set(bottoms.map { ($0 * 10).rounded() }).count, 1)
    }

    func testHeatMapDrawsEveryCellAndLeavesMissingOnesEmpty() throws {
        let values: [[Double?]] = [[nil, 0.9, 0.95], [0.9, nil, 0.8], [0.95, 0.8, nil]]
        let heat = HeatMap(labels: ChartLabels(title: "Pairs", x: "class", y: "class"), rowLabels: ["0", "1", "2"],
                           columnLabels: ["0", "1", "2"], values: values)
        let svg = try SVGInspector(heat.markup())
        XCTAssertEqual(svg.elements("rect", class: "cell").count, 6)
        XCTAssertEqual(svg.elements("rect", class: "empty-cell").count, 3)
        let written = svg.elements("text", class: "cell-value").map(\.text)
        XCTAssertEqual(written.sorted(), ["0.800", "0.800", "0.900", "0.900", "0.950", "0.950"])
        XCTAssertEqual(svg.elements("linearGradient").count, 1)
        let fills = Dictionary(grouping: svg.elements("rect", class: "cell"), by: { $0.attributes["fill"] ?? "" })
        XCTAssertEqual(fills.count, 3, "one color per distinct value")
        XCTAssertEqual(ChartPalette.sequential(0), "#deebf7")
        XCTAssertEqual(ChartPalette.sequential(1), "#08306b")
    }

    func testScatterChartColorsCategoriesOnALogarithmicAxisWithReferencesAndRules() throws {
        let chart = ScatterChart(labels: ChartLabels(title: "Accuracy against size", x: "AND gates", y: "accuracy (%)"),
                                 points: [.init(name: "ex00", category: "adders", x: 10, y: 90),
                                          .init(name: "ex01", category: "adders", x: 100, y: 80),
                                          .init(name: "ex30", category: "comparators", x: 1000, y: 70)],
                                 references: [.init(label: "winner", x: 2518, y: 88.69)],
                                 rules: [.init(label: "limit", x: 5000)], yDomain: 50...100)
        let svg = try SVGInspector(chart.markup())
        let groups = svg.elements("g", class: "category")
        XCTAssertEqual(groups.map { $0.attributes["data-category"] ?? "" }, ["adders", "comparators"])
        XCTAssertEqual(groups.map { $0.descendants("circle", class: "point").count }, [2, 1])
        let fills = groups.map { Set($0.descendants("circle").compactMap { $0.attributes["fill"] }) }
        XCTAssertEqual(fills, [[ChartPalette.color(0)], [ChartPalette.color(1)]], "one color per category")
        XCTAssertEqual(svg.elements("circle", class: "point").first?.descendants("title").first?.text, "ex00 (adders): 10, 90")
        // 10, 100 and 1000 equally spaced; the rule at 5000 log10(5) = 0.699 of the way from 1000 to 10,000.
        let xs = svg.elements("circle", class: "point").compactMap { Double($0.attributes["cx"] ?? "") }
        XCTAssertEqual(xs[1] - xs[0], xs[2] - xs[1], accuracy: 0.02)
        let decade = xs[1] - xs[0]
        let rule = try XCTUnwrap(Double(svg.elements("line", class: "rule").first?.attributes["x1"] ?? ""))
        XCTAssertEqual(rule - xs[2], decade * log10(5), accuracy: 0.02)
        // Higher accuracy higher up; the reference diamond at 88.69 between 90 and 80.
        let ys = svg.elements("circle", class: "point").compactMap { Double($0.attributes["cy"] ?? "") }
        XCTAssertEqual(ys, ys.sorted())
        XCTAssertEqual(svg.elements("path", class: "reference").count, 1)
        XCTAssertEqual(svg.elements("text", class: "reference-label").map(\.text), ["winner"])
        XCTAssertEqual(svg.elements("text", class: "rule-label").map(\.text), ["limit"])
        for tick in ["10", "100", "1,000"] { XCTAssertTrue(svg.texts.contains(tick), tick) }
        XCTAssertEqual(svg.elements("g", class: "legend-entry").count, 2)
        XCTAssertEqual(svg.layoutProblems, [])
    }

    func testContestFigureDrawsAccuracyInPercentWithThePublishedAverages() throws {
        let rows = [IWLSContestFigure.Row(name: "ex00", category: "adders", ands: 412, accuracy: 0.9931),
                    IWLSContestFigure.Row(name: "ex31", category: "comparators", ands: 0, accuracy: 0.5)]
        let chart = IWLSContestFigure.chart(rows, subtitle: "k = 8")
        XCTAssertEqual(chart.points.map(\.y), [99.31, 50], "percent")
        XCTAssertEqual(chart.points.map(\.x), [412, 1], "no AND gate drawn at 1")
        XCTAssertEqual(chart.yDomain, 50...100)
        let svg = try SVGInspector(chart.markup())
        XCTAssertEqual(Set(svg.elements("text", class: "reference-label").map(\.text)),
                       ["winner 88.69 %, 2,518 ANDs", "J48 decision trees 85.95 %, 732 ANDs", "LUT networks alone 62.40 %, 356 ANDs",
                        "virtual best ~91.0 %, 1,141 ANDs"])
        XCTAssertEqual(svg.elements("text", class: "rule-label").map(\.text), ["5,000-AND limit"])
        XCTAssertEqual(svg.elements("text", class: "y-label").first?.text, "test accuracy (%)")
        XCTAssertEqual(ScatterChart.thousands(1234567), "1,234,567")
        XCTAssertEqual(ScatterChart.thousands(999), "999")
    }

    func testNiceTicksAndLabels() {
        XCTAssertEqual(AxisScale.niceTicks(covering: 0.52...0.98), [0.5, 0.6, 0.7, 0.8, 0.9, 1.0].map { $0 }, accuracy: 1e-9)
        XCTAssertEqual(AxisScale.niceTicks(covering: 0...100), [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(AxisScale.label(0.5, step: 0.1), "0.5")
        XCTAssertEqual(AxisScale.label(0.75, step: 0.25), "0.75")
        XCTAssertEqual(AxisScale.label(40, step: 20), "40")
        XCTAssertEqual(SVGElement.escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "\(a) vs \(b)", file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, "\(a) vs \(b)", file: file, line: line) }
}
