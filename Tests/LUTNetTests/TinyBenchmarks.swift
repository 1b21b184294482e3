import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// A folder of small generated benchmarks in the IWLS 2020 contest's layout (NAME.train.pla,
/// NAME.valid.pla, NAME.test.pla), each one output bit of 8 random input bits flipped with
/// probability 0.05: `ex01` is x0 OR (x1 AND x2), `ex02` the majority of x3, x4 and x5.
enum TinyBenchmarks {
    static let names = ["ex01", "ex02"]

    /// Writes the benchmarks into a new temporary folder and returns its path.
    static func make(_ test: XCTestCase, train: Int = 240, valid: Int = 120, testCount: Int = 120) throws -> String {
        let folder = TinyDataset.temporaryFolder(test)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var generator = SeededGenerator(seed: 7)
        let functions: [([Bool]) -> Bool] = [
            { $0[0] || ($0[1] && $0[2]) },
            { [$0[3], $0[4], $0[5]].filter { $0 }.count >= 2 },
        ]
        for (name, function) in zip(names, functions) {
            for (split, rows) in [("train", train), ("valid", valid), ("test", testCount)] {
                var text = ".i 8\n.o 1\n.p \(rows)\n.type fr\n"
                for _ in 0..<rows {
                    let bits = (0..<8).map { _ in generator.draw(below: 2) == 1 }
                    let label = function(bits) != (generator.draw(below: 20) == 0)
                    text += bits.map { $0 ? "1" : "0" }.joined() + " " + (label ? "1" : "0") + "\n"
                }
                text += ".e\n"
                try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).\(split).pla"))
            }
        }
        return folder
    }
}


