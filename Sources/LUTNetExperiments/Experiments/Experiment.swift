/// A reproducible experiment: a list of networks to train and how to turn their figures into
/// tables and figures.
package protocol Experiment: Sendable {
    /// The stem of the experiment's files, e.g. `k-sweep`.
    var name: String { get }
    /// Every network the experiment trains, in the order it trains them.
    var runs: [ExperimentRun] { get }
    /// Tables and figures from the results of `runs` (one result per run, in the same order).
    func report(_ results: [RunResult]) -> [ExperimentFile]
    /// Every logistic-regression baseline the experiment fits (none by default).
    var baselineRuns: [BaselineRun] { get }
    /// Whether the results record accuracy on a validation split (false by default).
    var recordsValidation: Bool { get }
    /// Whether the results have the `window` column of multi-class runs (false by default: only
    /// binary runs).
    var recordsWindows: Bool { get }
    /// Tables and figures from the results of `runs` and of `baselineRuns` (each in the same
    /// order); by default `report(results)`.
    func report(_ results: [RunResult], baselines: [BaselineResult]) -> [ExperimentFile]
}

extension Experiment {
    /// No baseline.
    package var baselineRuns: [BaselineRun] { [] }
    /// No validation split.
    package var recordsValidation: Bool { false }
    /// Binary runs only.
    package var recordsWindows: Bool { false }
    /// The report of the networks alone.
    package func report(_ results: [RunResult], baselines: [BaselineResult]) -> [ExperimentFile] { report(results) }
}

/// A file an experiment writes besides its results: a Markdown table, an SVG figure, a CSV.
package struct ExperimentFile: Sendable, Equatable {
    /// File name inside the output folder.
    package let name: String
    /// Its text.
    package let contents: String

    /// A file from its name and text.
    package init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// Settings every experiment shares.
package struct ExperimentSettings: Sendable, Equatable {
    /// The dataset's name, recorded with every run.
    package let data: String
    /// Binarization threshold.
    package let threshold: UInt8
    /// Seeds: one network per seed for each configuration.
    package let seeds: [UInt64]

    /// The most seeds per configuration an experiment accepts.
    package static let maxSeeds = 10_000

    /// Settings with seeds 0..<`seedCount` (1...`maxSeeds`).
    package init(data: String, threshold: UInt8, seedCount: Int) throws(ConfigurationError) {
        guard (1...Self.maxSeeds).contains(seedCount) else {
            throw .invalidValue(option: "--seeds", reason: "\(seedCount) seeds; use 1 to \(Self.maxSeeds)")
        }
        self.data = data
        self.threshold = threshold
        self.seeds = (0..<UInt64(seedCount)).map { $0 }
    }

    /// The name of the dataset at `location`: its folder's last component.
    package static func dataName(location: String) -> String {
        let parts = location.split(separator: "/").filter { $0 != "." }
        return parts.last.map(String.init) ?? location
    }
}
