import LUTNetBaseline
/// LUT networks of one or more shapes and the logistic-regression baseline side by side on several
/// cases (tasks of a dataset, or benchmarks that are datasets of their own): the accuracy of every
/// method on every case, and each method's mean over the cases. The cases are all binary tasks
/// (networks with an output LUT, logistic regression) or all multi-class tasks (one-vs-rest
/// networks, one per class, beside multinomial logistic regression).
package struct ComparisonExperiment: Experiment {
    /// One column of the comparison's tables: a task of a dataset.
    package struct Case: Sendable, Equatable {
        /// The name in tables and figures, e.g. `ex80` or `3:5`.
        package let label: String
        /// The data its runs name (`ExperimentRun.data`).
        package let data: String
        /// The task, binary or multi-class.
        package let task: ClassTask
        /// What the task is, in words (e.g. `cat vs dog`), or empty.
        package let about: String

        /// A case from its parts.
        package init(label: String, data: String, task: ClassTask, about: String = "") {
            self.label = label
            self.data = data
            self.task = task
            self.about = about
        }

        /// A case of a binary task.
        package init(label: String, data: String, task: BinaryTask, about: String = "") {
            self.init(label: label, data: data, task: .binary(task), about: about)
        }
    }

    /// The stem of the files.
    package let name: String
    /// The report's title.
    package let title: String
    /// What a case is called in the tables (`task`, `benchmark`).
    package let caseHeading: String
    /// Shared settings: the data's name (for the report), threshold and seeds.
    package let settings: ExperimentSettings
    /// The cases, in order.
    package let cases: [Case]
    /// The networks' shapes, in order, each trained once per seed on every case.
    package let shapes: [NetworkShape]
    /// The baseline's settings, each its own method (e.g. several values of C); empty for networks only.
    package let baselines: [BaselineSettings]
    /// Whether the data of the cases has validation splits whose accuracy is recorded.
    package let recordsValidation: Bool
    /// A paragraph added to the report after its description, or empty.
    package let notes: String
    /// The wiring of every class's network of multi-class cases (see
    /// `MultiClassTrainingOptions.wiring`): windows in the first layer, and nearest wiring above
    /// them; nil for binary tasks, and for multi-class ones the whole input (random wiring).
    package let wiring: WiringSpec?
    /// Whether the cases are multi-class tasks.
    package let isMultiClass: Bool

    /// A comparison of `shapes` and `baselines` on `cases`; needs at least one case and one
    /// method, and cases all binary or all multi-class. Multi-class networks (one of each shape
    /// per class) are wired by `wiring` (nil: over the whole input), and need a hidden layer; a
    /// wiring needs multi-class cases.
    package init(name: String, title: String, caseHeading: String, settings: ExperimentSettings, cases: [Case],
                shapes: [NetworkShape], baselines: [BaselineSettings], wiring: WiringSpec? = nil, recordsValidation: Bool = false,
                notes: String = "") throws(ConfigurationError) {
        guard let first = cases.first else { throw .invalidValue(option: "--task", reason: "no task to compare on") }
        let multiClass = first.task.isMultiClass
        if let other = cases.first(where: { $0.task.isMultiClass != multiClass }) {
            let (binary, multi) = multiClass ? (other, first) : (first, other)
            throw .invalidValue(option: "--task", reason: "\(binary.label) is a binary task but \(multi.label) a multi-class one; "
                                + "compare tasks of one kind at a time")
        }
        if multiClass, let flat = shapes.first(where: { $0.hiddenWidths.isEmpty }) {
            throw .invalidValue(option: "--layers", reason: "'\(ExperimentRun.layersText(flat.hiddenWidths))': a multi-class "
                                + "network needs at least one hidden layer, whose LUTs vote for their class")
        }
        if let wiring {
            guard multiClass else {
                throw .invalidValue(option: "--window", reason: "windows apply to multi-class tasks (three or more groups, "
                                    + "or 'all'); \(first.label) is binary")
            }
            if let window = wiring.window, window < 1 {
                throw .invalidValue(option: "--window", reason: "\(window) is not a side >= 1")
            }
        }
        var labels = Set<String>()
        if let repeated = cases.first(where: { !labels.insert($0.label).inserted }) {
            throw .invalidValue(option: "--task", reason: "\(repeated.label) is given twice")
        }
        var unique: [NetworkShape] = []
        for shape in shapes where !unique.contains(shape) { unique.append(shape) }
        var uniqueBaselines: [BaselineSettings] = []
        for baseline in baselines where !uniqueBaselines.contains(baseline) { uniqueBaselines.append(baseline) }
        guard !unique.isEmpty || !uniqueBaselines.isEmpty else {
            throw .invalidValue(option: "--layers", reason: "no network and no baseline: nothing to compare")
        }
        self.name = name
        self.title = title
        self.caseHeading = caseHeading
        self.settings = settings
        self.cases = cases
        self.shapes = unique
        self.baselines = uniqueBaselines
        self.recordsValidation = recordsValidation
        self.notes = notes
        self.wiring = wiring
        isMultiClass = multiClass
    }

    /// Multi-class runs record their windows.
    package var recordsWindows: Bool { isMultiClass }

    /// Every case, every shape, every seed.
    package var runs: [ExperimentRun] {
        cases.flatMap { item in
            shapes.flatMap { shape in
                settings.seeds.map { seed in
                    switch item.task {
                    case .binary(let task):
                        ExperimentRun(data: item.data, task: task, threshold: settings.threshold, shape: shape, seed: seed)
                    case .multiClass(let task):
                        ExperimentRun(data: item.data, task: task, threshold: settings.threshold, shape: shape,
                                      wiring: wiring ?? .random, seed: seed)
                    }
                }
            }
        }
    }

    /// One fit per case and baseline setting.
    package var baselineRuns: [BaselineRun] {
        cases.flatMap { item in
            baselines.map { BaselineRun(data: item.data, task: item.task, threshold: settings.threshold, settings: $0) }
        }
    }

    /// The method of a network of `shape`, as the report names it.
    package static func methodName(_ shape: NetworkShape) -> String {
        "LUT k = \(shape.ks), \(ReportFormat.layers(shape.hiddenWidths))"
    }

    /// The method of a network of `shape` in this comparison: `methodName(_:)`, per class for
    /// multi-class tasks.
    func methodName(of shape: NetworkShape) -> String {
        Self.methodName(shape) + (isMultiClass ? " per class" : "")
    }

    /// The report without baselines.
    package func report(_ results: [RunResult]) -> [ExperimentFile] { report(results, baselines: []) }

    /// NAME.md, NAME.svg (grouped bars: cases and the mean, methods as series) and NAME-summary.csv
    /// (every case and method, then each method's mean over the cases in rows whose case is `mean`,
    /// where `runs` counts the cases averaged).
    package func report(_ results: [RunResult], baselines: [BaselineResult]) -> [ExperimentFile] {
        let methods = shapes.map { ComparisonMethod(name: methodName(of: $0), shape: $0, baseline: nil) }
            + self.baselines.map { ComparisonMethod(name: $0.name(multinomial: isMultiClass), shape: nil, baseline: $0) }
        let table = ComparisonTable(cases: cases, methods: methods, results: results, baselines: baselines)
        let useTest = table.allHaveTest
        let measure = useTest ? "test" : "training"
        let about = "\(settings.data): \(cases.count) \(cases.count == 1 ? caseHeading : caseHeading + "s"), "
            + (shapes.isEmpty ? "" : networksAbout + " with \(ReportFormat.seeds(settings.seeds.count)) each, ")
            + (self.baselines.isEmpty ? "no baseline"
               : "the \(isMultiClass ? "multinomial " : "")logistic-regression baseline (deterministic: one fit per setting)")
            + ", threshold \(settings.threshold)"
        let split: ComparisonCell.Split = useTest ? .test : .train
        let described = cases.filter { !$0.about.isEmpty }
        let aboutLine = described.isEmpty ? ""
            : " " + caseHeading.prefix(1).uppercased() + caseHeading.dropFirst() + "s: "
                + described.map { "\($0.label) (\($0.about))" }.joined(separator: ", ") + "."
        // The best network and every baseline setting.
        func best(_ indices: [Int]) -> [Int] {
            indices.max { (table.mean($0, split) ?? -1) < (table.mean($1, split) ?? -1) }.map { [$0] } ?? []
        }
        let featured = best(methods.indices.filter { methods[$0].shape != nil }) + methods.indices.filter { methods[$0].shape == nil }
        let headline = featured.compactMap { m in
            table.mean(m, split).map { "\(methods[m].name) **" + String(format: "%.4f", $0) + "**" }
        }.joined(separator: "; ")
        var markdown = """
            # \(title)

            \(about).\(notes.isEmpty ? "" : "\n\n" + notes)

            Mean \(measure) accuracy over the \(cases.count) \(cases.count == 1 ? caseHeading : caseHeading + "s")\(shapes.count > 1 ? ", best network" : ""): \(headline).

            ## \(measure.prefix(1).uppercased() + measure.dropFirst()) accuracy

            Mean ± standard deviation over seeds; the best method of each \(caseHeading) in bold; the last \
            column is the mean over the \(caseHeading)s.\(aboutLine)

            \(wideTable(table, methods: methods, split: split).text)
            ![\(measure) accuracy of every method](\(name).svg)

            """
        if recordsValidation, table.anyValid {
            markdown += """

                ## Validation accuracy

                \(wideTable(table, methods: methods, split: .valid).text)
                """
        }
        markdown += """

            ## Every \(caseHeading) and method

            \(detailTable(table, methods: methods).text)
            """
        // A bar of the mean over the cases only when there are several.
        let withMean = cases.count > 1
        let categories = cases.map(\.label) + (withMean ? ["mean"] : [])
        let series = methods.indices.map { m in
            BarChart.Series(name: methods[m].name, bars: cases.indices.map { c in
                let summary = table.cell(c, m)?.summary(split)
                return BarChart.Bar(value: summary?.mean ?? 0, error: summary?.standardDeviation ?? 0)
            } + (withMean ? [BarChart.Bar(value: table.mean(m, split) ?? 0)] : []), colorIndex: m)
        }
        let values = series.flatMap(\.bars).map(\.value).filter { $0 > 0 }
        let low = min(0.5, ((values.min() ?? 0.5) * 10).rounded(.down) / 10)
        var chart = BarChart(labels: ChartLabels(title: title, subtitle: "\(settings.data); \(measure) accuracy, error bars ±1 s.d. over seeds",
                                                 x: caseHeading, y: "\(measure) accuracy"),
                             categories: categories, series: series, yDomain: low...1.0)
        chart.width = max(760, 120 + Double(categories.count * max(methods.count, 1)) * 22 + 220)
        return [ExperimentFile(name: "\(name).md", contents: markdown), ExperimentFile(name: "\(name).svg", contents: chart.markup()),
                ExperimentFile(name: "\(name)-summary.csv", contents: summaryCSV(table, methods: methods))]
    }

    /// What the networks are, for the report's first line.
    private var networksAbout: String {
        guard isMultiClass else { return "LUT networks (+ 1 output LUT)" }
        return "one-vs-rest LUT networks (one per class, the class with the most votes of its last layer wins; first layer "
            + ((wiring?.window).map { "in \($0) × \($0) windows" } ?? "over the whole input")
            + (wiring.map { $0.isWindowOnly ? "" : ", wired `\($0)`: layers 2 to \($0.spatialLayers) read the \($0.near) nearest LUTs of their class's layer below" } ?? "")
            + ")"
    }

    /// One row per method, one column per case and one for the mean; the best of each column bold.
    private func wideTable(_ table: ComparisonTable, methods: [ComparisonMethod], split: ComparisonCell.Split) -> MarkdownTable {
        var columns = cases.indices.map { c in methods.indices.map { table.cell(c, $0)?.summary(split) } }
            .map { summaries in (texts: summaries.map { ReportFormat.meanSD($0) }, means: summaries.map { $0?.mean }) }
        let means = methods.indices.map { table.mean($0, split) }
        columns.append((means.map { $0.map { String(format: "%.3f", $0) } ?? "–" }, means))
        // The best mean as written (three decimals) is bold, ties included.
        let marked = columns.map { column -> [String] in
            let best = column.means.compactMap { $0.map { ($0 * 1000).rounded() } }.max()
            return zip(column.texts, column.means).map { text, mean in
                guard let mean, methods.count > 1, (mean * 1000).rounded() == best else { return text }
                return "**" + text + "**"
            }
        }
        let rows = methods.indices.map { m in [methods[m].name] + marked.map { $0[m] } }
        let headers = ["method"] + cases.map(\.label) + ["mean"]
        return MarkdownTable(headers: headers, rows: rows, rightAligned: Set(1..<headers.count))
    }

    private func detailTable(_ table: ComparisonTable, methods: [ComparisonMethod]) -> MarkdownTable {
        let valid = recordsValidation && table.anyValid
        var rows: [[String]] = []
        for c in cases.indices {
            for m in methods.indices {
                guard let cell = table.cell(c, m) else { continue }
                rows.append([cases[c].label, methods[m].name, String(cell.runs), ReportFormat.meanSD(cell.train)]
                            + (valid ? [ReportFormat.meanSD(cell.valid)] : [])
                            + [ReportFormat.meanSD(cell.test), ReportFormat.seconds(cell.seconds) + (cell.stopReason == .converged ? "" : " (not converged: \(cell.stopReason))")])
            }
        }
        let headers = [caseHeading, "method", "runs", "train"] + (valid ? ["valid"] : []) + ["test", "seconds per run"]
        return MarkdownTable(headers: headers, rows: rows, rightAligned: Set(2..<headers.count))
    }

    private func summaryCSV(_ table: ComparisonTable, methods: [ComparisonMethod]) -> String {
        let accuracy = ResultRecords.accuracy
        var csv = CSVTable.line(["case", "data", "task", "method", "k", "layers", "runs", "train_accuracy"]
                                + (recordsValidation ? ["valid_accuracy"] : []) + ["test_accuracy", "test_accuracy_std"])
        func methodFields(_ method: ComparisonMethod) -> [String] {
            [method.name, method.shape.map { $0.ks.description } ?? "", method.shape.map { ExperimentRun.layersText($0.hiddenWidths) } ?? ""]
        }
        for c in cases.indices {
            for m in methods.indices {
                guard let cell = table.cell(c, m) else { continue }
                csv += CSVTable.line([cases[c].label, cases[c].data, cases[c].task.description] + methodFields(methods[m])
                                     + [String(cell.runs), accuracy(cell.train.mean)]
                                     + (recordsValidation ? [cell.valid.map { accuracy($0.mean) } ?? ""] : [])
                                     + [cell.test.map { accuracy($0.mean) } ?? "", cell.test.map { accuracy($0.standardDeviation) } ?? ""])
            }
        }
        for m in methods.indices {
            csv += CSVTable.line(["mean", "", ""] + methodFields(methods[m]) + [String(table.cellCount(m)),
                                 table.mean(m, .train).map(accuracy) ?? ""]
                                 + (recordsValidation ? [table.mean(m, .valid).map(accuracy) ?? ""] : [])
                                 + [table.mean(m, .test).map(accuracy) ?? "", ""])
        }
        return csv
    }
}

/// One method of a comparison: a network shape, or the baseline with its settings.
struct ComparisonMethod {
    let name: String
    let shape: NetworkShape?
    let baseline: BaselineSettings?
}

/// The figures of one method on one case, over its runs.
struct ComparisonCell {
    let runs: Int
    let train: Summary
    let valid: Summary?
    let test: Summary?
    let seconds: Summary
    /// Why a baseline fit stopped (`.converged` for the networks).
    let stopReason: LogisticRegressionFit.StopReason

    /// Which accuracy.
    enum Split { case train, valid, test }

    /// The accuracy on `split`, if measured.
    func summary(_ split: Split) -> Summary? {
        switch split {
        case .train: train
        case .valid: valid
        case .test: test
        }
    }
}

/// Every method's figures on every case.
struct ComparisonTable {
    private let cells: [[ComparisonCell?]]

    init(cases: [ComparisonExperiment.Case], methods: [ComparisonMethod], results: [RunResult], baselines: [BaselineResult]) {
        func summary(_ values: [Double?]) -> Summary? {
            let present = values.compactMap { $0 }
            return present.isEmpty || present.count < values.count ? nil : Summary(present)
        }
        cells = cases.map { item in
            methods.map { method -> ComparisonCell? in
                if let shape = method.shape {
                    let mine = results.filter { $0.run.data == item.data && $0.run.task == item.task && $0.run.shape == shape }
                    guard !mine.isEmpty else { return nil }
                    return ComparisonCell(runs: mine.count, train: Summary(mine.map(\.trainAccuracy)),
                                          valid: summary(mine.map(\.validAccuracy)), test: summary(mine.map(\.testAccuracy)),
                                          seconds: Summary(mine.map(\.seconds)), stopReason: .converged)
                }
                guard let fit = baselines.first(where: {
                    $0.run.data == item.data && $0.run.task == item.task && $0.run.settings == method.baseline
                }) else { return nil }
                return ComparisonCell(runs: 1, train: Summary([fit.trainAccuracy]), valid: summary([fit.validAccuracy]),
                                      test: summary([fit.testAccuracy]), seconds: Summary([fit.seconds]), stopReason: fit.stopReason)
            }
        }
    }

    /// The figures of method `m` on case `c`, if it ran.
    func cell(_ c: Int, _ m: Int) -> ComparisonCell? { cells[c][m] }

    /// The number of cases method `m` ran on.
    func cellCount(_ m: Int) -> Int { cells.filter { $0[m] != nil }.count }

    /// Method `m`'s mean over the cases of its mean over runs of `value`; nil unless every case has it.
    func mean(_ m: Int, _ split: ComparisonCell.Split) -> Double? {
        let means = cells.map { $0[m]?.summary(split)?.mean }
        guard !means.isEmpty, means.allSatisfy({ $0 != nil }) else { return nil }
        return means.compactMap { $0 }.reduce(0, +) / Double(means.count)
    }

    /// Whether every cell has test figures.
    var allHaveTest: Bool { cells.allSatisfy { $0.allSatisfy { $0?.test != nil } } }

    /// Whether any cell has validation figures.
    var anyValid: Bool { cells.contains { $0.contains { $0?.valid != nil } } }
}
