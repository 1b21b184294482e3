import LUTNet

/// Accuracy against width: networks of one depth with more and more LUTs per layer (on a
/// multi-class task, one-vs-rest models with that many LUTs per layer of every class's network).
package struct WidthExperiment: Experiment {
    /// Shared settings.
    package let settings: ExperimentSettings
    /// The task: binary, or multi-class.
    package let task: ClassTask
    /// The wiring of every class's network of a multi-class task (nil: over the whole input, and
    /// for a binary task).
    package let wiring: WiringSpec?
    /// LUT fan-in.
    package let k: Int
    /// Number of hidden layers.
    package let depth: Int
    /// LUTs per hidden layer, in order.
    package let widths: [Int]

    /// `width`.
    package var name: String { "width" }

    /// A sweep over `widths` of networks of `depth` hidden layers on a binary task.
    package init(settings: ExperimentSettings, task: BinaryTask, k: Int, depth: Int, widths: [Int]) throws(ConfigurationError) {
        try self.init(settings: settings, task: .binary(task), k: k, depth: depth, widths: widths)
    }

    /// A sweep over `widths` of networks of `depth` hidden layers on `task` (a multi-class task's
    /// networks wired by `wiring`).
    package init(settings: ExperimentSettings, task: ClassTask, wiring: WiringSpec? = nil, k: Int, depth: Int,
                widths: [Int]) throws(ConfigurationError) {
        try SweepTask.check(task, wiring: wiring, hiddenWidths: [1])
        guard !widths.isEmpty else { throw .invalidValue(option: "--widths", reason: "no width given") }
        guard depth >= 1 else { throw .invalidValue(option: "--layers", reason: "the width sweep needs at least one hidden layer") }
        if let bad = widths.first(where: { $0 < 1 }) {
            throw .invalidValue(option: "--widths", reason: "\(bad) LUTs per layer; every layer needs at least one LUT")
        }
        for width in widths { _ = try NetworkShape(k: k, hiddenWidths: Array(repeating: width, count: depth)) }
        self.settings = settings
        self.task = task
        self.wiring = wiring
        self.k = k
        self.depth = depth
        self.widths = widths
    }

    /// For each width, one network per seed.
    package var runs: [ExperimentRun] {
        widths.flatMap { width in
            settings.seeds.map { seed in
                let shape = (try? NetworkShape(k: k, hiddenWidths: Array(repeating: width, count: depth)))
                    ?? { preconditionFailure("validated shape") }()
                return ExperimentRun.sweepRun(data: settings.data, task: task, threshold: settings.threshold, shape: shape,
                                              wiring: wiring, seed: seed)
            }
        }.compactMap { $0 }
    }

    /// Multi-class runs record their windows.
    package var recordsWindows: Bool { task.isMultiClass }

    /// width.md and width.svg.
    package func report(_ results: [RunResult]) -> [ExperimentFile] {
        let groups = SeedGroup.grouping(results) { $0.run.shape.hiddenWidths.first ?? 0 }
        let about = "\(settings.data), task \(task), k = \(k), \(depth) hidden layers"
            + (task.isMultiClass ? " per class, " + SweepTask.wiringText(wiring) : "") + ", "
            + "\(ReportFormat.seeds(settings.seeds.count)), threshold \(settings.threshold)"
        let rows = groups.map { [String($0.key), ReportFormat.meanSD($0.group.train), ReportFormat.meanSD($0.group.test),
                                 ReportFormat.seconds($0.group.seconds)] }
        let table = MarkdownTable(headers: ["LUTs per layer", "train", "test", "seconds per network"], rows: rows,
                                  rightAligned: Set(0...3))
        let markdown = """
            # Accuracy against width

            \(about). Mean ± standard deviation over seeds.

            \(table.text)
            ![accuracy against width](width.svg)

            """
        func line(_ name: String, test: Bool) -> ChartSeries {
            let points = groups.compactMap { entry -> ChartPoint? in
                guard let s = test ? entry.group.test : entry.group.train else { return nil }
                return SeedGroup.point(x: Double(entry.key), s)
            }
            return ChartSeries(name: name, points: points, dashed: test, colorIndex: 0)
        }
        let chart = LineChart(labels: ChartLabels(title: "Accuracy against width", subtitle: about + "; error bars ±1 s.d. over seeds",
                                                  x: "LUTs per hidden layer", y: "accuracy"),
                              series: [line("train", test: false), line("test", test: true)].filter { !$0.points.isEmpty },
                              xKind: widths.allSatisfy { $0 > 0 } && widths.count > 1 ? .logarithmic : .linear,
                              xTicks: widths.map(Double.init))
        return [ExperimentFile(name: "width.md", contents: markdown), ExperimentFile(name: "width.svg", contents: chart.markup())]
    }
}
