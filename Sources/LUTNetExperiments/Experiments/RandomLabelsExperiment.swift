/// Memorization capacity: training accuracy on random labels against the number of training
/// examples and k, next to the same networks on the real labels. Random labels have no pattern to
/// share between examples, so every one must be memorized on its own.
package struct RandomLabelsExperiment: Experiment {
    /// Shared settings.
    package let settings: ExperimentSettings
    /// The binary task.
    package let task: BinaryTask
    /// The k values, in order.
    package let ks: [Int]
    /// Training-set sizes (seeded subsets), in order; nil is the whole training split.
    package let sizes: [Int?]
    /// The hidden layers of every network.
    package let hiddenWidths: [Int]

    /// `random-labels`.
    package var name: String { "random-labels" }

    /// An experiment over `ks` and `sizes`.
    package init(settings: ExperimentSettings, task: BinaryTask, ks: [Int], sizes: [Int?], hiddenWidths: [Int]) throws(ConfigurationError) {
        guard !ks.isEmpty else { throw .invalidValue(option: "--ks", reason: "no k given") }
        guard !sizes.isEmpty else { throw .invalidValue(option: "--sizes", reason: "no training-set size given") }
        if let bad = sizes.compactMap({ $0 }).first(where: { $0 < 1 }) {
            throw .invalidValue(option: "--sizes", reason: "\(bad) training examples; use 1 or more, or 'all'")
        }
        for k in ks { _ = try NetworkShape(k: k, hiddenWidths: hiddenWidths) }
        self.settings = settings
        self.task = task
        self.ks = ks
        self.sizes = sizes
        self.hiddenWidths = hiddenWidths
    }

    /// For each k, size and seed, one network on real and one on random labels (the same subset).
    package var runs: [ExperimentRun] {
        ks.flatMap { k in
            sizes.flatMap { size in
                settings.seeds.flatMap { seed in
                    LabelKind.allCases.map { labels in
                        ExperimentRun(data: settings.data, task: task, threshold: settings.threshold,
                                      shape: KSweepExperiment.shape(k: k, hiddenWidths), labels: labels, trainSize: size, seed: seed)
                    }
                }
            }
        }
    }

    /// random-labels.md and random-labels.svg.
    package func report(_ results: [RunResult]) -> [ExperimentFile] {
        let groups = SeedGroup.grouping(results) { Key(k: $0.run.shape.k(layer: 0), size: $0.run.trainSize, labels: $0.run.labels) }
        func group(_ k: Int, _ size: Int?, _ labels: LabelKind) -> SeedGroup? {
            groups.first { $0.key == Key(k: k, size: size, labels: labels) }?.group
        }
        let about = "\(settings.data), task \(task), \(ReportFormat.layers(hiddenWidths)) LUTs + 1 output LUT, "
            + "\(ReportFormat.seeds(settings.seeds.count)), threshold \(settings.threshold)"
        var rows: [[String]] = []
        for k in ks {
            for size in sizes {
                let real = group(k, size, .real), random = group(k, size, .random)
                let examples = (real ?? random)?.results.first?.trainExamples ?? size ?? 0
                rows.append([String(k), String(examples), ReportFormat.meanSD(random?.train), ReportFormat.meanSD(real?.train),
                             ReportFormat.meanSD(real?.test)])
            }
        }
        let table = MarkdownTable(headers: ["k", "training examples", "random labels: train", "real labels: train", "real labels: test"],
                                  rows: rows, rightAligned: Set(0...4))
        let markdown = """
            # Memorizing random labels

            \(about). Training sets are seeded random subsets of the task's training split (the same \
            subset for real and random labels of one seed); random labels are seeded coin flips. \
            Mean ± standard deviation over seeds.

            \(table.text)
            ![training accuracy on random and real labels](random-labels.svg)

            """
        var lines: [ChartSeries] = []
        for (i, k) in ks.enumerated() {
            for labels in [LabelKind.random, .real] {
                let points = sizes.compactMap { size -> ChartPoint? in
                    guard let g = group(k, size, labels), let first = g.results.first else { return nil }
                    return SeedGroup.point(x: Double(first.trainExamples), g.train)
                }
                if !points.isEmpty {
                    lines.append(ChartSeries(name: "k = \(k), \(labels.rawValue) labels", points: points, dashed: labels == .real,
                                             colorIndex: i))
                }
            }
        }
        let xs = Set(lines.flatMap { $0.points.map(\.x) }).sorted()
        let chart = LineChart(labels: ChartLabels(title: "Training accuracy on random and on real labels",
                                                  subtitle: about + "; error bars ±1 s.d.",
                                                  x: "training examples", y: "training accuracy"),
                              series: lines, xKind: xs.count > 1 && (xs.first ?? 0) > 0 ? .logarithmic : .linear, xTicks: xs)
        return [ExperimentFile(name: "random-labels.md", contents: markdown),
                ExperimentFile(name: "random-labels.svg", contents: chart.markup())]
    }

    private struct Key: Hashable {
        let k: Int
        let size: Int?
        let labels: LabelKind
    }
}
