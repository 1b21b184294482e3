import LUTNet

/// Accuracy against LUT fan-in k: for each k, networks of one topology trained on the real labels
/// and on random labels, mean ± standard deviation over seeds (the paper's k sweep). On a
/// multi-class task the networks are one-vs-rest models, trained on the real labels only.
package struct KSweepExperiment: Experiment {
    /// Shared settings.
    package let settings: ExperimentSettings
    /// The task: binary, or multi-class.
    package let task: ClassTask
    /// The wiring of every class's network of a multi-class task (nil: over the whole input, and
    /// for a binary task).
    package let wiring: WiringSpec?
    /// The k values, in order.
    package let ks: [Int]
    /// The hidden layers of every network.
    package let hiddenWidths: [Int]
    /// Whether to show the paper's published figures (`PaperFigures`) beside ours.
    package let showPaper: Bool

    /// `k-sweep`.
    package var name: String { "k-sweep" }

    /// A sweep over `ks` on a binary task; every k must be valid. `showPaper` adds the paper's
    /// MNIST 0-4:5-9 figures.
    package init(settings: ExperimentSettings, task: BinaryTask, ks: [Int], hiddenWidths: [Int],
                showPaper: Bool = false) throws(ConfigurationError) {
        try self.init(settings: settings, task: .binary(task), ks: ks, hiddenWidths: hiddenWidths, showPaper: showPaper)
    }

    /// A sweep over `ks` on `task`; every k must be valid, and a multi-class task's networks
    /// (wired by `wiring`) need a hidden layer. `showPaper` adds the paper's MNIST 0-4:5-9 figures.
    package init(settings: ExperimentSettings, task: ClassTask, wiring: WiringSpec? = nil, ks: [Int], hiddenWidths: [Int],
                showPaper: Bool = false) throws(ConfigurationError) {
        guard !ks.isEmpty else { throw .invalidValue(option: "--ks", reason: "no k given") }
        try SweepTask.check(task, wiring: wiring, hiddenWidths: hiddenWidths)
        for k in ks { _ = try NetworkShape(k: k, hiddenWidths: hiddenWidths) }
        self.settings = settings
        self.task = task
        self.wiring = wiring
        self.ks = ks
        self.hiddenWidths = hiddenWidths
        self.showPaper = showPaper
    }

    /// For each k and seed, one network on real and one on random labels (a multi-class task: on
    /// real labels only).
    package var runs: [ExperimentRun] {
        ks.flatMap { k in
            settings.seeds.flatMap { seed in
                LabelKind.allCases.compactMap { labels in
                    ExperimentRun.sweepRun(data: settings.data, task: task, threshold: settings.threshold,
                                           shape: Self.shape(k: k, hiddenWidths), labels: labels, wiring: wiring, seed: seed)
                }
            }
        }
    }

    /// Multi-class runs record their windows.
    package var recordsWindows: Bool { task.isMultiClass }

    static func shape(k: Int, _ widths: [Int]) -> NetworkShape {
        // Validated in init.
        (try? NetworkShape(k: k, hiddenWidths: widths)) ?? { preconditionFailure("validated shape") }()
    }

    /// k-sweep.md and k-sweep.svg.
    package func report(_ results: [RunResult]) -> [ExperimentFile] {
        let groups = SeedGroup.grouping(results) { KSweepKey(k: $0.run.shape.k(layer: 0), labels: $0.run.labels) }
        func group(_ k: Int, _ labels: LabelKind) -> SeedGroup? {
            groups.first { $0.key == KSweepKey(k: k, labels: labels) }?.group
        }
        func paper(_ figures: [Int: Double], _ k: Int) -> [String] {
            showPaper ? [figures[k].map { String(format: "%.2f", $0) } ?? "–"] : []
        }
        let rows = ks.map { k -> [String] in
            let real = group(k, .real), random = group(k, .random)
            return [String(k), ReportFormat.meanSD(real?.train), ReportFormat.meanSD(real?.test)]
                + paper(PaperFigures.realTestAccuracy, k)
                + [ReportFormat.meanSD(random?.train)] + paper(PaperFigures.randomTrainAccuracy, k)
                + [ReportFormat.meanSD(random?.test), ReportFormat.meanSD(random?.testTrueLabels),
                   ReportFormat.seconds(Summary((real?.results ?? []).map(\.seconds) + (random?.results ?? []).map(\.seconds)))]
        }
        var headers = ["k", "real labels: train", "real labels: test"] + (showPaper ? ["paper: real labels, test"] : [])
            + ["random labels: train"] + (showPaper ? ["paper: random labels, train"] : [])
            + ["random labels: test", "random labels: test vs true labels", "seconds per network"]
        var shownRows = rows
        if task.isMultiClass {
            // One-vs-rest models learn the real classes only: no random-label columns.
            let kept = headers.indices.filter { !headers[$0].hasPrefix("random labels") && !headers[$0].hasPrefix("paper: random") }
            headers = kept.map { headers[$0] }
            shownRows = rows.map { row in kept.map { row[$0] } }
        }
        let table = MarkdownTable(headers: headers, rows: shownRows, rightAligned: Set(0..<headers.count))
        let about = "\(settings.data), task \(task), \(SweepTask.networks(task, wiring: wiring, hiddenWidths: hiddenWidths)), "
            + "\(ReportFormat.seeds(settings.seeds.count)), threshold \(settings.threshold)"
        let labelsNote = task.isMultiClass
            ? " One-vs-rest models (one network per class; the class with the most votes of its last layer wins), real labels only."
            : " Random labels are seeded coin flips in place of the training labels (test: in place of the test labels; the last "
                + "column scores the same networks against the true test labels)."
        let markdown = """
            # Accuracy against k

            \(about). Each cell: mean ± standard deviation over seeds.\(labelsNote)\(showPaper ? " Paper: the figures published in \(PaperFigures.citation)." : "")

            \(table.text)
            ![accuracy against k](k-sweep.svg)

            """
        func series(_ name: String, _ labels: LabelKind, test: Bool, color: Int) -> ChartSeries {
            let points = ks.compactMap { k -> ChartPoint? in
                guard let g = group(k, labels), let summary = test ? g.test : g.train else { return nil }
                return SeedGroup.point(x: Double(k), summary)
            }
            return ChartSeries(name: name, points: points, dashed: test, colorIndex: color)
        }
        var lines = [series("real labels, train", .real, test: false, color: 0),
                     series("real labels, test", .real, test: true, color: 0),
                     series("random labels, train", .random, test: false, color: 1),
                     series("random labels, test", .random, test: true, color: 1)]
        if showPaper {
            func published(_ name: String, _ figures: [Int: Double], dashed: Bool) -> ChartSeries {
                ChartSeries(name: name, points: ks.compactMap { k in figures[k].map { ChartPoint(x: Double(k), y: $0) } },
                            dashed: dashed, colorIndex: 9)
            }
            lines.append(published("paper: real labels, test", PaperFigures.realTestAccuracy, dashed: true))
            lines.append(published("paper: random labels, train", PaperFigures.randomTrainAccuracy, dashed: false))
        }
        lines.removeAll { $0.points.isEmpty }
        let chart = LineChart(labels: ChartLabels(title: "Accuracy against LUT inputs k",
                                                  subtitle: about + "; error bars ±1 s.d. over seeds",
                                                  x: "k (inputs per LUT)", y: "accuracy"),
                              series: lines, xTicks: ks.map(Double.init))
        return [ExperimentFile(name: "k-sweep.md", contents: markdown), ExperimentFile(name: "k-sweep.svg", contents: chart.markup())]
    }
}

private struct KSweepKey: Hashable {
    let k: Int
    let labels: LabelKind
}
