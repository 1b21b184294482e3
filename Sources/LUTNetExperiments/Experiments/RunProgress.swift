/// Where an experiment stands after a run: which run finished, how many are left, and about how
/// long they will take.
package struct RunProgress: Sendable {
    /// The run that finished.
    package let result: RunResult
    /// Its number among the runs this session trains (1-based).
    package let position: Int
    /// Runs this session trains in all (runs found in the results file are not counted).
    package let total: Int
    /// Runs skipped because the results file already had them.
    package let skipped: Int
    /// Seconds since the session started training.
    package let elapsed: Double
    /// Estimated seconds until the last run finishes.
    package let remaining: Double

    /// Runs still to train.
    package var left: Int { total - position }

    /// A one-line account, e.g. `[3/80] k=4, … : train 0.8123 test 0.8011 (0.3 s); 77 left, about 1m 10s`.
    package var line: String { line(namingData: false) }

    /// `line`, with the run's data named first when `namingData` (for experiments over several datasets).
    package func line(namingData: Bool) -> String {
        let name = namingData ? result.run.data + ", " + result.run.description : result.run.description
        let test = (result.validAccuracy.map { String(format: " valid %.4f", $0) } ?? "")
            + (result.testAccuracy.map { String(format: " test %.4f", $0) } ?? "")
        let head = String(format: "[%d/%d] %@: train %.4f%@ (%.1f s)", position, total, name,
                          result.trainAccuracy, test, result.seconds)
        return left == 0 ? head + "; done in " + Self.duration(elapsed) : head + "; \(left) left, about " + Self.duration(remaining)
    }

    /// Seconds as `1h 2m`, `3m 04s` or `12s`.
    package static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return "\(s / 3600)h \(s % 3600 / 60)m" }
        if s >= 60 { return "\(s / 60)m " + String(format: "%02ds", s % 60) }
        return "\(s)s"
    }
}

/// The expected relative cost of a run, to share the time left among the runs left: training and
/// test examples times LUTs, weighted by how counting grows with k.
enum RunCost {
    static func estimate(_ run: ExperimentRun, trainExamples: Int, testExamples: Int) -> Double {
        let examples = Double(run.trainSize.map { min($0, trainExamples) } ?? trainExamples) + Double(testExamples) / 2
        // A multi-class model: one network per class, without an output LUT.
        let widths = run.isMultiClass ? run.shape.hiddenWidths.map { $0 * run.task.groups.count } : run.shape.allWidths
        let weightedLUTs = zip(widths, run.shape.layerKs).reduce(0.0) { $0 + Double($1.0) * kWeight($1.1) }
        return examples * weightedLUTs
    }

    /// Time per LUT and example relative to k = 8, measured on MNIST with the release build (the
    /// evaluation kernel's vector variant covers k <= 8, the counting kernel's k <= 15).
    static func kWeight(_ k: Int) -> Double {
        let weights: [Int: Double] = [9: 4, 10: 3.5, 11: 5, 12: 4, 13: 4.7, 14: 5, 15: 6.5, 16: 10]
        return weights[k] ?? 1
    }
}
