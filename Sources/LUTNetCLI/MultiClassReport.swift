import Foundation
import LUTNet
import LUTNetExperiments

/// What the commands report of a multi-class model on a split: accuracy, per-class accuracy and
/// the confusion matrix, printed as a table or JSON and optionally written as CSV and SVG.
struct MultiClassReport: Codable {
    /// The split's name (`train`, `test`).
    let split: String
    /// Fraction predicted correctly.
    let accuracy: Double
    /// Per class (group of the task), the fraction of its examples predicted correctly.
    let classAccuracies: [Double?]
    /// `confusion[actual][predicted]`.
    let confusion: [[Int]]

    /// The report of `matrix` on `split`.
    init(split: String, matrix: ConfusionMatrix) {
        self.split = split
        accuracy = matrix.accuracy
        classAccuracies = matrix.classAccuracies
        confusion = (0..<matrix.classCount).map { a in (0..<matrix.classCount).map { matrix.count(actual: a, predicted: $0) } }
    }

    /// Names of the classes of `task`: their group's spelling.
    static func names(of task: MultiClassTask) -> [String] {
        task.groups.map { group in group.count == 1 ? String(group[0]) : "{" + group.map(String.init).joined(separator: ",") + "}" }
    }

    /// Prints the accuracy, then per class its accuracy and confusion row.
    func printTable(names: [String]) {
        print(String(format: "%@ accuracy %.4f", split, accuracy))
        print("class".padded(8) + " accuracy  " + names.map { $0.padded(6) }.joined(separator: ""))
        for (c, name) in names.enumerated() {
            let accuracy = classAccuracies[c].map { String(format: "%.4f", $0) } ?? "-"
            print(name.padded(8) + " " + accuracy.padded(9) + " " + confusion[c].map { String($0).padded(6) }.joined(separator: ""))
        }
    }

    /// Throws naming `--confusion` when it is given (`prefix` not nil) for a binary task or model.
    static func refuseForBinary(_ prefix: String?) throws {
        if prefix != nil {
            throw ConfigurationError.invalidValue(option: "--confusion", reason: "confusion matrices are written for multi-class tasks")
        }
    }

    /// Writes `PREFIX.csv` (the confusion matrix) and `PREFIX.svg` (its heat map, rows normalized).
    static func write(_ matrix: ConfusionMatrix, names: [String], to prefix: String, title: String) throws {
        try matrix.csv(names: names).write(toFile: prefix + ".csv", atomically: true, encoding: .utf8)
        let map = HeatMap(confusion: matrix, names: names, title: title, subtitle: String(format: "accuracy %.4f", matrix.accuracy))
        try map.document().markup().write(toFile: prefix + ".svg", atomically: true, encoding: .utf8)
        Console.progress("wrote \(prefix).csv and \(prefix).svg")
    }
}
