import XCTest

/// Every command's `--help` reads as prose: no run of spaces inside a sentence, as a help text
/// whose source lost its line continuations prints.
final class HelpTextTests: XCTestCase {
    func testNoHelpTextHasARunOfSpacesInsideItsProse() throws {
        var pending: [[String]] = [[]], checked = 0
        while let path = pending.popLast() {
            let outcome = try ExternalTools.run(try Fixtures.builtProduct("lutnet"), path + ["--help"])
            XCTAssertEqual(outcome.status, 0, outcome.transcript)
            var inSubcommands = false
            for line in outcome.output.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasSuffix(":"), !line.hasPrefix(" ") { inSubcommands = line == "SUBCOMMANDS:" }
                var prose = line.drop { $0 == " " }
                // An option or subcommand row: its name, then at least two spaces, then its help.
                if prose.hasPrefix("-") || prose.hasPrefix("<") || inSubcommands,
                   let gap = prose.firstRange(of: "  ") {
                    if inSubcommands, let name = prose[..<gap.lowerBound].split(separator: " ").first,
                       name != "help" {
                        pending.append(path + [String(name)])
                    }
                    prose = prose[gap.upperBound...].drop { $0 == " " }
                }
                XCTAssertFalse(prose.contains("   "), "lutnet \(path.joined(separator: " ")) --help: \(line)")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20, "every subcommand of lutnet, experiment and bench")
    }
}
