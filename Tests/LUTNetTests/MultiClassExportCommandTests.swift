import Foundation
import XCTest
@testable import LUTNet

/// `lutnet export` of a multi-class model end to end: the C file, the Verilog and the BLIF it
/// writes answer what `lutnet predict` answers on every test image of the fixture, `--stats`
/// counts the readout gates and ABC's ANDs, and don't-cares make the circuit smaller where the model
/// records the patterns training showed.
extension ExportCommandTests {
    func testMultiClassModelsExportAndAnswerAsPredict() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        let data = Fixtures.path("tiny"), model = folder.appendingPathComponent("ten.lut").path
        let trained = try lutnet(["train", "--data", data, "--task", "all", "--k", "5", "--layers", "2x12", "--window", "4",
                                  "--threads", "2", "--save", model])
        XCTAssertEqual(trained.status, 0, trained.transcript)
        let images = data + "/t10k-images-idx3-ubyte.gz"
        let predicted = try lutnet(["predict", "--model", model, images])
        XCTAssertEqual(predicted.status, 0, predicted.transcript)
        let want = try predicted.output.split(separator: "\n").map { try XCTUnwrap(UInt8($0)) }
        let test = try ImageSet(unlabeled: try IDXTensor.read(path: images))
        XCTAssertEqual(want.count, test.count)
        XCTAssertGreaterThan(Set(want).count, 5, "the model answers many classes")
        let bits = try BitMatrix(binarizing: test, indices: (0..<UInt32(test.count)).map { $0 }, threshold: 128)
        let examples = CircuitSimulators.examples(bits, columns: 0..<test.count)

        func exported(_ format: String) throws -> String {
            let out = folder.appendingPathComponent("ten.\(format)").path
            let outcome = try lutnet(["export", "--model", model, "--format", format, "--out", out, "--name", "ten"])
            XCTAssertEqual(outcome.status, 0, outcome.transcript)
            return try String(contentsOfFile: out, encoding: .utf8)
        }
        let c = try CircuitSimulators.runC(try exported("c"), name: "ten", bytes: test.withPixels { Array($0) },
                                           count: test.count, inputs: test.featureCount, in: folder)
        XCTAssertEqual(c, want, "the C file")
        let verilog = try exported("verilog")
        XCTAssertTrue(verilog.contains("output wire [3:0] y"), verilog)
        XCTAssertEqual(try CircuitSimulators.iverilog(verilog, top: "ten", ports: .bus, inputs: bits.rowCount, outputBits: 4,
                                                      examples: examples, in: folder), want, "the Verilog through Icarus")
        let blif = try exported("blif")
        XCTAssertTrue(blif.contains(".outputs y0 y1 y2 y3\n"), blif)
        XCTAssertEqual(try CircuitSimulators.evaluateBLIF(blif, on: bits), want, "the BLIF")

        let stats = try lutnet(["export", "--model", model, "--stats"])
        XCTAssertEqual(stats.status, 0, stats.transcript)
        XCTAssertTrue(stats.output.contains("10 classes"), stats.output)
        XCTAssertNotNil(stats.output.range(of: "levels 2, cubes [0-9]+, literals [0-9]+, readout gates [0-9]+",
                                           options: .regularExpression), stats.output)
        if ABCSynthesis.program() != nil {
            XCTAssertTrue(stats.output.contains("'read; strash; dc2; print_stats': and "), stats.output)
        }
        func literals(_ text: String) -> Int? {
            text.range(of: "literals [0-9]+", options: .regularExpression).flatMap { Int(text[$0].dropFirst(9)) }
        }
        let free = try lutnet(["export", "--model", model, "--stats", "--dont-care", "unseen", "--abc-script", "strash"])
        XCTAssertEqual(free.status, 0, free.transcript)
        XCTAssertLessThan(try XCTUnwrap(literals(free.output)), try XCTUnwrap(literals(stats.output)))
    }

    func testMultiClassModelsOfEarlierBuildsExportWithoutDontCaresAndSaySo() throws {
        let model = Fixtures.path("models/v3-tiny-window4.lut")
        let outcome = try lutnet(["export", "--model", model, "--format", "c", "--dont-care", "unseen"])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        XCTAssertTrue(outcome.errors.contains("(a multi-class model saved before format version 8): exporting without don't-cares"),
                      outcome.errors)
        XCTAssertTrue(outcome.output.contains("Exact: every LUT computes the network's table bit for bit."))
        // Its C file answers as the predictions the earlier build recorded.
        let folder = try Fixtures.temporaryFolder(for: self)
        let test = try ImageSet(unlabeled: try IDXTensor.read(path: Fixtures.path("tiny/t10k-images-idx3-ubyte.gz")))
        let expected = try String(contentsOfFile: Fixtures.path("models/v3-tiny-window4.t10k-predictions.txt"), encoding: .utf8)
            .split(separator: "\n").compactMap { UInt8($0) }
        XCTAssertEqual(try CircuitSimulators.runC(outcome.output, name: "lutnet", bytes: test.withPixels { Array($0) }, count: test.count,
                                                  inputs: test.featureCount, in: folder), expected)
    }
}
