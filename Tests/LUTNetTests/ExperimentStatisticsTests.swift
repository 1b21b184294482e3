import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// Summaries over seeds and LUTs, option lists, and the CSV format of results.
final class ExperimentStatisticsTests: XCTestCase {
    func testSummaryUsesTheSampleStandardDeviation() {
        let s = Summary([1, 2, 3, 4])
        XCTAssertEqual(s.count, 4)
        XCTAssertEqual(s.mean, 2.5)
        XCTAssertEqual(s.standardDeviation, (5.0 / 3.0).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(s.minimum, 1)
        XCTAssertEqual(s.maximum, 4)
        XCTAssertEqual(Summary([0.7]).standardDeviation, 0)
        XCTAssertEqual(Summary([0.7]).mean, 0.7)
        XCTAssertEqual(Summary([Double]()).count, 0)
        XCTAssertEqual(Summary([Double]()).mean, 0)
    }

    func testPooledStatisticsOfGroupsAreThoseOfAllMembers() {
        // Groups {0.4, 0.6} and {0.6, 0.8}: means 0.5 and 0.7, population s.d. 0.1 each.
        // All four members: mean 0.6, population variance (0.04 + 0 + 0 + 0.04) / 4 = 0.02.
        let pooled = Summary.pooled(means: [0.5, 0.7], standardDeviations: [0.1, 0.1])
        XCTAssertEqual(pooled.mean, 0.6, accuracy: 1e-12)
        XCTAssertEqual(pooled.standardDeviation, 0.02.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(Summary.pooled(means: [], standardDeviations: []).mean, 0)
    }

    func testNumberListsAndTheirErrors() throws {
        XCTAssertEqual(try NumberList.parse("2-16/2", option: "--ks"), [2, 4, 6, 8, 10, 12, 14, 16])
        XCTAssertEqual(try NumberList.parse("1-4, 8,16", option: "--ks"), [1, 2, 3, 4, 8, 16])
        XCTAssertEqual(try NumberList.parse("32", option: "--widths"), [32])
        for bad in ["", "a", "8-2", "2-16/0", "2-", "-3", "1/2/3", "1-2-3"] {
            XCTAssertThrowsError(try NumberList.parse(bad, option: "--ks"), bad) { error in
                guard case ConfigurationError.invalidValue(let option, let reason) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(option, "--ks")
                XCTAssertTrue(reason.contains("is not a number or a range"), reason)
            }
        }
        XCTAssertThrowsError(try NumberList.parse("1-1000000", option: "--widths")) { error in
            XCTAssertTrue("\(error)".contains("more than 100000 values"), "\(error)")
        }
    }

    func testCSVQuotesWhatNeedsItAndReadsItBack() throws {
        let fields = ["plain", "1,3,5", "say \"hi\"", "", "two\nlines"]
        let line = CSVTable.line(fields)
        XCTAssertEqual(line, "plain,\"1,3,5\",\"say \"\"hi\"\"\",,\"two\nlines\"\n")
        let parsed = try CSVTable.parse(line + "a,b\n")
        XCTAssertEqual(parsed.records.map(\.fields), [fields, ["a", "b"]])
        XCTAssertEqual(parsed.records.map(\.line), [1, 3])
        XCTAssertTrue(parsed.endsWithLineBreak)
        let cut = try CSVTable.parse("a,b\nc,d")
        XCTAssertFalse(cut.endsWithLineBreak)
        XCTAssertEqual(cut.records.last?.fields, ["c", "d"])
        XCTAssertThrowsError(try CSVTable.parse("a,\"open\n")) { XCTAssertEqual($0 as? CSVTable.ParseError, .unterminatedQuote(line: 1)) }
        XCTAssertThrowsError(try CSVTable.parse("a\n\"x\"y\n")) { XCTAssertEqual($0 as? CSVTable.ParseError, .textAfterQuote(line: 2)) }
    }

    func testRunFieldsReadBackToTheSameRun() throws {
        let shape = try NetworkShape(k: 6, hiddenWidths: [64, 32])
        let run = ExperimentRun(data: "mnist", task: try BinaryTask(parsing: "1,3,5:0,2"), threshold: 100, shape: shape,
                                labels: .random, trainSize: 500, seed: 3)
        XCTAssertEqual(run.fields, ["mnist", "1,3,5:0,2", "100", "6", "64,32", "random", "500", "3"])
        XCTAssertEqual(try ExperimentRun.parse(run.fields).get(), run)
        let uniform = ExperimentRun(data: "d", task: try BinaryTask(parsing: "0:1"), threshold: 128,
                                    shape: try NetworkShape(k: 2, hiddenWidths: [8, 8, 8]), seed: 0)
        XCTAssertEqual(uniform.layersText, "3x8")
        XCTAssertEqual(uniform.trainSizeText, "all")
        XCTAssertEqual(try ExperimentRun.parse(uniform.fields).get(), uniform)
    }
}
