import Foundation
import XCTest
@testable import LUTNet

/// `lutnet export` end to end: files written whole or not at all, and a clear message for a damaged
/// model, an unwritable path, a bad name or don't-cares a model cannot give.
final class ExportCommandTests: XCTestCase {
    func lutnet(_ arguments: [String]) throws -> ExternalTools.Outcome {
        try ExternalTools.run(try Fixtures.builtProduct("lutnet"), arguments)
    }

    func model(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("model.lut").path
        let trained = try lutnet(["train", "--data", Fixtures.path("tiny"), "--k", "6", "--layers", "2x16", "--save", path])
        XCTAssertEqual(trained.status, 0, trained.transcript)
        return path
    }

    func assertFails(_ arguments: [String], saying expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let outcome = try lutnet(arguments)
        XCTAssertNotEqual(outcome.status, 0, "\(arguments) should fail", file: file, line: line)
        XCTAssertLessThan(outcome.status, 128, "a crash", file: file, line: line)
        XCTAssertTrue(outcome.errors.contains(expected), "\(arguments): stderr was \(outcome.errors)", file: file, line: line)
    }

    func testExportWritesEachFormatAndPrintsItsSize() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        let model = try model(in: folder)
        for (format, marker) in [("blif", ".names"), ("verilog", "module tiny"), ("c", "int tiny_predict_batch")] {
            let out = folder.appendingPathComponent("tiny.\(format)").path
            let outcome = try lutnet(["export", "--model", model, "--format", format, "--out", out, "--name", "tiny"])
            XCTAssertEqual(outcome.status, 0, outcome.transcript)
            let text = try String(contentsOfFile: out, encoding: .utf8)
            XCTAssertTrue(text.contains(marker), format)
            XCTAssertTrue(text.contains("1 when the byte is >= 128"), format)
        }
        let stats = try lutnet(["export", "--model", model, "--stats"])
        XCTAssertEqual(stats.status, 0, stats.transcript)
        XCTAssertTrue(stats.output.contains("levels 3"), stats.output)
        if ABCSynthesis.program() != nil {
            XCTAssertTrue(stats.output.contains("'read; strash; dc2; print_stats': and "), stats.output)
        }
        let exact = try lutnet(["export", "--model", model, "--stats", "--abc-script", "strash"])
        let free = try lutnet(["export", "--model", model, "--stats", "--dont-care", "unseen", "--abc-script", "strash"])
        func literals(_ text: String) -> Int? {
            text.range(of: "literals [0-9]+", options: .regularExpression).flatMap { Int(text[$0].dropFirst(9)) }
        }
        XCTAssertLessThan(try XCTUnwrap(literals(free.output)), try XCTUnwrap(literals(exact.output)))
    }

    func testBadModelsPathsAndNamesAreRefusedWithoutPartialFiles() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        let model = try model(in: folder)
        var damaged = try Data(contentsOf: URL(fileURLWithPath: model))
        damaged[damaged.count / 2] ^= 0x40
        let bad = folder.appendingPathComponent("damaged.lut").path
        try damaged.write(to: URL(fileURLWithPath: bad))
        let out = folder.appendingPathComponent("out.blif").path
        try assertFails(["export", "--model", bad, "--format", "blif", "--out", out], saying: "\(bad): model file is corrupt")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        try assertFails(["export", "--model", Fixtures.path("pla/small.pla.gz"), "--format", "c"], saying: "gzip-compressed")
        try assertFails(["export", "--model", model, "--format", "blif", "--out", "/nonexistent/folder/out.blif"],
                        saying: "/nonexistent/folder/out.blif: cannot write the circuit: the folder /nonexistent/folder does not exist")
        try assertFails(["export", "--model", model, "--format", "blif", "--out", folder.path], saying: "cannot write the circuit: this is a folder")
        try assertFails(["export", "--model", model, "--format", "c", "--name", "9lives"], saying: "--name '9lives' is not an identifier")
        try assertFails(["export", "--model", model, "--format", "edif"], saying: "edif")
        try assertFails(["export", "--model", model], saying: "give --format blif|verilog|c, or --stats")
        // A file that exists keeps its contents when an export fails.
        try Data("old".utf8).write(to: URL(fileURLWithPath: out))
        try assertFails(["export", "--model", bad, "--format", "blif", "--out", out], saying: "corrupt")
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "old")
    }

    func testVersionOneModelsExportWithoutDontCaresAndSaySo() throws {
        let outcome = try lutnet(["export", "--model", Fixtures.path("models/v1-tiny-k6.lut"), "--format", "blif", "--dont-care", "unseen"])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        XCTAssertTrue(outcome.errors.contains("exporting without don't-cares"), outcome.errors)
        XCTAssertTrue(outcome.output.contains("Exact: every LUT computes the network's table bit for bit."))
    }
}
