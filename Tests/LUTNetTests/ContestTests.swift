import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// `lutnet contest`: its AIGER files read back by ABC and by the AIGER reader agree with the
/// networks they came from on every validation minterm; the reader on a hand-made file; the
/// table's resumption; the candidates' text.
final class ContestTests: XCTestCase {
    /// A hand-made binary AIGER file: y = !(x0 & !x1) & x2.
    /// (gate 4 = x0 & !x1: literals 5 and 2; gate 5 = !gate4 & x2: literals 9 and 6; output literal 10.)
    static let handMade: [UInt8] = Array("aig 5 3 0 1 2\n10\n".utf8) + [3, 3] + [1, 3] + Array("c\nmade by hand\n".utf8)

    func testTheAIGERReaderEvaluatesAHandMadeFile() throws {
        let aig = try AIGERCircuit(bytes: Self.handMade, path: "hand.aig")
        XCTAssertEqual(aig.inputCount, 3)
        XCTAssertEqual(aig.andCount, 2)
        var bits = BitMatrix(rowCount: 3, columnCount: 8)
        for p in 0..<8 { for j in 0..<3 where p >> j & 1 == 1 { bits[j, p] = true } }
        let want: [UInt8] = (0..<8).map { p in
            let x0 = p & 1 == 1, x1 = p & 2 == 2, x2 = p & 4 == 4
            return !(x0 && !x1) && x2 ? 1 : 0
        }
        XCTAssertEqual(try aig.answers(for: bits), want)
    }

    func testTheAIGERReaderRefusesBadFilesNamingThem() {
        let cases: [([UInt8], String)] = [
            (Array("aag 1 1 0 1 0\n2\n2\n".utf8), "not a binary AIGER file"),
            (Array("aig 5 3 0 1 2\n11\n".utf8) + [4], "cut short"),
            (Array("aig 5 3 0 1 2\n11\n".utf8) + [9, 2, 4, 6], "not below its own"),
            (Array("aig 5 3 0 1 2\n99\n".utf8) + [4, 2, 4, 6], "not a literal"),
            (Array("aig 2 1 1 1 0\n2 3\n2\n".utf8), "latches"),
            (Array("aig 5 3 x 1 2\n".utf8), "is not 'aig M I L O A'"),
        ]
        for (bytes, reason) in cases {
            XCTAssertThrowsError(try AIGERCircuit(bytes: bytes, path: "bad.aig")) { error in
                XCTAssertTrue("\(error)".contains("bad.aig") && "\(error)".contains(reason), "\(error)")
            }
        }
    }

    func testLutnetScoreScoresAnAIGERFileOnAPLAFileAndRefusesAMismatch() throws {
        let folder = try Fixtures.temporaryFolder(for: self)
        let aig = folder.appendingPathComponent("hand.aig").path, pla = folder.appendingPathComponent("hand.pla").path
        try Data(Self.handMade).write(to: URL(fileURLWithPath: aig))
        // The eight minterms with y = !(x0 & !x1) & x2, the last one's output flipped: 7 of 8 right.
        var lines = [".i 3", ".o 1", ".type fr"]
        for p in 0..<8 {
            let x = (0..<3).map { p >> $0 & 1 == 1 }
            var y = !(x[0] && !x[1]) && x[2]
            if p == 7 { y.toggle() }
            lines.append(x.map { $0 ? "1" : "0" }.joined() + " " + (y ? "1" : "0"))
        }
        try (lines + [".e", ""]).joined(separator: "\n").write(toFile: pla, atomically: true, encoding: .utf8)
        let scored = try ExternalTools.run(try Fixtures.builtProduct("lutnet"), ["score", "--circuit", aig, "--data", pla])
        XCTAssertEqual(scored.status, 0, scored.errors)
        XCTAssertTrue(scored.output.contains("3 inputs, 2 ANDs") && scored.output.contains("accuracy 0.8750"), scored.output)
        try ([".i 2", ".o 1", ".type fr", "01 1", "10 0", ".e", ""]).joined(separator: "\n").write(toFile: pla, atomically: true, encoding: .utf8)
        let refused = try ExternalTools.run(try Fixtures.builtProduct("lutnet"), ["score", "--circuit", aig, "--data", pla])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.errors.contains("has 3 inputs, but the minterms of \(pla) have 2 bits"), refused.errors)
    }

    func testCandidatesParseAndRefuseBadText() throws {
        let candidate = try ContestCandidate(parsing: "8/6 1x16")
        XCTAssertEqual(candidate.shape.layerKs, [8, 6])
        XCTAssertEqual(candidate.wiring, .greedy)
        XCTAssertEqual(candidate.description, "8/6 1x16 greedy")
        XCTAssertEqual(try ContestCandidate(parsing: "6 2x64 random").wiring, .random)
        for bad in ["8", "8 1x16 greedy extra", "x 0", "8 0 sideways"] {
            XCTAssertThrowsError(try ContestCandidate(parsing: bad), bad) { XCTAssertTrue("\($0)".contains("--network") || "\($0)".contains("--wiring"), "\($0)") }
        }
        XCTAssertEqual(ContestFunction.category(of: "ex07"), "adders")
        XCTAssertEqual(ContestFunction.category(of: "ex89"), "MNIST groups")
        XCTAssertEqual(ContestFunction.category(of: "ex95"), "other")
    }

    func testTheTableKeepsFinishedFunctionsAndDropsARecordCutShort() throws {
        let folder = try Fixtures.temporaryFolder(for: self).path
        var table = try ContestTable(folder: folder)
        let entry = CircuitContest.Entry(function: "ex03", category: "adders", network: "8 0 greedy", circuit: "exact",
                                         relearned: true, ands: 120, levels: 9, validAccuracy: 0.9375, seconds: 1.5)
        try table.append(entry)
        let path = folder + "/contest.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "ex04,adders,1").write(toFile: path, atomically: true, encoding: .utf8)
        let reopened = try ContestTable(folder: folder)
        XCTAssertEqual(reopened.entries, [entry])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text, "the record cut short is gone")
        XCTAssertTrue(try ContestTable(folder: folder, fresh: true).entries.isEmpty)
        let markdown = ContestTable.markdown([entry], command: "lutnet contest x", script: "strash; dc2")
        XCTAssertTrue(markdown.contains("| ex03 | adders | 120 | 9 | 93.75 % |"), markdown)
        XCTAssertTrue(markdown.contains("| adders | 1 | 93.75 % | 120 |"), markdown)
    }

    func testASecondRunOnTheSameFolderIsRefused() throws {
        let folder = try Fixtures.temporaryFolder(for: self).path
        let lock = try ResultFolderLock(folder: folder)
        // flock locks belong to the open file: a second open in this process conflicts as another process's would.
        XCTAssertThrowsError(try ResultFolderLock(folder: folder)) {
            XCTAssertTrue("\($0)".contains("another experiment is writing into this results folder"), "\($0)")
        }
        lock.release()
        XCTAssertNoThrow(try ResultFolderLock(folder: folder).release())
    }

    /// Three functions with small candidate sets: every AIGER file, read back by ABC (its AND
    /// count) and turned into Verilog by ABC and simulated, and read by `AIGERCircuit`, answers as
    /// the network it came from (retrained: the same seed gives the same network) on every
    /// validation minterm; `lutnet score`'s figure is the table's.
    func testContestCircuitsAgreeWithTheirNetworksOnEveryValidationMinterm() throws {
        let data = try Fixtures.shared("iwls2020-contest")
        let abc = try CircuitSimulators.tool(["berkeley-abc", "abc"], purpose: "the contest's AIGER files")
        let folder = try Fixtures.temporaryFolder(for: self)
        let candidates = try ["6 0", "10 0", "6 1x8", "4 1x8 random"].map { try ContestCandidate(parsing: $0) }
        let contest = CircuitContest(candidates: candidates, relearn: false, abc: abc)
        for function in try ContestFunction.find(at: data, only: ["ex30", "ex57", "ex71"]) {
            let entry = try contest.enter(function, folder: folder.path)
            let aigPath = folder.appendingPathComponent(function.name + ".aig").path
            let task = try BinaryTask(parsing: "0:1")
            let train = try BinarizedExamples(images: try PLALoader.load(path: function.trainPath), task: task, threshold: 128, split: "train")
            let valid = try BinarizedExamples(images: try PLALoader.load(path: function.validPath), task: task, threshold: 128, split: "valid")
            let candidate = try XCTUnwrap(candidates.first { $0.description == entry.network })
            let network = try LUTNetwork.train(on: train, options: TrainingOptions(shape: candidate.shape, threads: 1,
                                                                                  wiring: candidate.wiring)).network
            let circuit = try LogicCircuit(network, dontCares: entry.circuit == "exact" ? .none : .unseen)
            let want = try circuit.answers(for: valid.inputs)
            if entry.circuit == "exact" { XCTAssertEqual(want, try network.outputs(for: valid.inputs).unpackedRow(0)) }
            XCTAssertEqual(valid.agreement(withAnswers: want), entry.validAccuracy, accuracy: 1e-12, function.name)
            // ABC reads the file back: its size, and its logic as Verilog simulated on every minterm.
            let stats = try CircuitSimulators.checked(abc, ["-c", "read_aiger \(aigPath); print_stats"]).output
            XCTAssertTrue(stats.contains("and =") && stats.range(of: "and = +\(entry.ands) ", options: .regularExpression) != nil, stats)
            let verilog = folder.appendingPathComponent(function.name + ".v").path
            _ = try CircuitSimulators.checked(abc, ["-c", "read_aiger \(aigPath); write_verilog \(verilog)"])
            let module = try String(contentsOfFile: verilog, encoding: .utf8)
            // ABC names the ports pi00… and po0 and the module after the file: renamed for the bench.
            let renamed = module.replacingOccurrences(of: "module\\s+\\S+\\s*\\(", with: "module contest (", options: .regularExpression)
                .replacingOccurrences(of: "\\bpi0*(\\d+)\\b", with: "x$1", options: .regularExpression)
                .replacingOccurrences(of: "\\bpo0\\b", with: "y", options: .regularExpression)
            let simulated = try CircuitSimulators.iverilog(renamed, top: "contest", ports: .scalars, inputs: valid.inputs.rowCount,
                                                           examples: CircuitSimulators.examples(valid.inputs, columns: 0..<valid.count), in: folder)
            XCTAssertEqual(simulated, want, "\(function.name): ABC's reading of the AIGER file")
            XCTAssertEqual(try AIGERCircuit(contentsOf: aigPath).answers(for: valid.inputs), want, "\(function.name): the AIGER reader")
        }
    }
}
