/// Accuracy against depth, and how accuracy grows layer by layer: networks of 1, 2, … hidden
/// layers of one width; for one depth, each layer's LUTs' mean accuracy with error bars of two
/// standard deviations over the LUTs (the paper's bar chart).
package struct DepthExperiment: Experiment {
    /// Shared settings.
    package let settings: ExperimentSettings
    /// The binary task.
    package let task: BinaryTask
    /// LUT fan-in.
    package let k: Int
    /// LUTs in every hidden layer.
    package let width: Int
    /// Numbers of hidden layers, in order.
    package let depths: [Int]
    /// The depth whose layers the bar chart shows (trained even if not in `depths`).
    package let layerChartDepth: Int
    /// Whether to show the paper's per-layer figures (`PaperFigures`) beside ours.
    package let showPaper: Bool

    /// `depth`: the files are depth.csv, depth.md, depth.svg and depth-layers.svg.
    package var name: String { "depth" }

    /// A sweep over `depths` of networks `width` wide. `showPaper` adds the paper's MNIST 0-4:5-9
    /// per-layer figures.
    package init(settings: ExperimentSettings, task: BinaryTask, k: Int, width: Int, depths: [Int],
                layerChartDepth: Int, showPaper: Bool = false) throws(ConfigurationError) {
        guard !depths.isEmpty else { throw .invalidValue(option: "--depths", reason: "no depth given") }
        if let bad = (depths + [layerChartDepth]).first(where: { $0 < 0 || $0 > 1000 }) {
            throw .invalidValue(option: "--depths", reason: "\(bad) hidden layers; use 0 to 1000")
        }
        _ = try NetworkShape(k: k, hiddenWidths: [width])
        self.settings = settings
        self.task = task
        self.k = k
        self.width = width
        self.depths = depths
        self.layerChartDepth = layerChartDepth
        self.showPaper = showPaper
    }

    private var allDepths: [Int] { depths.contains(layerChartDepth) ? depths : depths + [layerChartDepth] }

    private func shape(depth: Int) -> NetworkShape {
        (try? NetworkShape(k: k, hiddenWidths: Array(repeating: width, count: depth))) ?? { preconditionFailure("validated shape") }()
    }

    /// For each depth (and the bar chart's), one network per seed.
    package var runs: [ExperimentRun] {
        allDepths.flatMap { depth in
            settings.seeds.map { seed in
                ExperimentRun(data: settings.data, task: task, threshold: settings.threshold, shape: shape(depth: depth), seed: seed)
            }
        }
    }

    /// depth.md, depth.svg (accuracy against depth) and depth-layers.svg (the bar chart).
    package func report(_ results: [RunResult]) -> [ExperimentFile] {
        let groups = SeedGroup.grouping(results) { $0.run.shape.hiddenWidths.count }
        let about = "\(settings.data), task \(task), k = \(k), \(width) LUTs per layer, "
            + "\(ReportFormat.seeds(settings.seeds.count)), threshold \(settings.threshold)"
        let depthRows = depths.compactMap { depth -> [String]? in
            guard let g = groups.first(where: { $0.key == depth })?.group else { return nil }
            return [String(depth), ReportFormat.meanSD(g.train), ReportFormat.meanSD(g.test), ReportFormat.seconds(g.seconds)]
        }
        let depthTable = MarkdownTable(headers: ["hidden layers", "train", "test", "seconds per network"], rows: depthRows,
                                       rightAligned: Set(0...3))
        let layerStats = layerStatistics(results.filter { $0.run.shape.hiddenWidths.count == layerChartDepth })
        let paperLayers = showPaper && PaperFigures.layerTrainAccuracy.count == layerStats.count ? PaperFigures.layerTrainAccuracy : nil
        let layerRows = layerStats.enumerated().map { index, stat in
            [stat.name, String(stat.luts), Self.pm(stat.train)]
                + (paperLayers.map { [String(format: "%.2f", $0[index])] } ?? [])
                + [stat.test.map(Self.pm) ?? "–"]
        }
        let layerTable = MarkdownTable(headers: ["layer", "LUTs", "train: mean ± s.d. over LUTs"]
                                           + (paperLayers == nil ? [] : ["paper: train mean"]) + ["test: mean ± s.d. over LUTs"],
                                       rows: layerRows, rightAligned: Set(1...(paperLayers == nil ? 3 : 4)))
        let markdown = """
            # Accuracy against depth

            \(about).

            ## The network's accuracy against the number of hidden layers

            Mean ± standard deviation over seeds.

            \(depthTable.text)
            ![accuracy against depth](depth.svg)

            ## Layer by layer, \(layerChartDepth) × \(width)

            Each layer's LUTs on their own: the mean of their accuracies and their standard deviation \
            (over the layer's LUTs, pooled over seeds). The figure's error bars are two standard deviations.\(paperLayers == nil ? "" : " Paper: the figures published in \(PaperFigures.citation).")

            \(layerTable.text)
            ![accuracy layer by layer](depth-layers.svg)

            """
        func line(_ name: String, test: Bool) -> ChartSeries {
            let points = depths.compactMap { depth -> ChartPoint? in
                guard let g = groups.first(where: { $0.key == depth })?.group, let s = test ? g.test : g.train else { return nil }
                return SeedGroup.point(x: Double(depth), s)
            }
            return ChartSeries(name: name, points: points, dashed: test, colorIndex: 0)
        }
        let lines = [line("train", test: false), line("test", test: true)].filter { !$0.points.isEmpty }
        let depthChart = LineChart(labels: ChartLabels(title: "Accuracy against depth", subtitle: about + "; error bars ±1 s.d. over seeds",
                                                       x: "hidden layers", y: "accuracy"),
                                   series: lines, xTicks: depths.map(Double.init))
        var barSeries = [BarChart.Series(name: "train", bars: layerStats.map { .init(value: $0.train.mean, error: 2 * $0.train.sd) },
                                         colorIndex: 0)]
        if layerStats.allSatisfy({ $0.test != nil }) {
            barSeries.append(BarChart.Series(name: "test", bars: layerStats.map { .init(value: $0.test?.mean ?? 0, error: 2 * ($0.test?.sd ?? 0)) },
                                             colorIndex: 1))
        }
        if let paperLayers {
            barSeries.append(BarChart.Series(name: "paper: train", bars: paperLayers.map { .init(value: $0) }, colorIndex: 9))
        }
        let barChart = BarChart(labels: ChartLabels(title: "Accuracy layer by layer (\(layerChartDepth) × \(width), k = \(k))",
                                                    subtitle: "\(settings.data), task \(task), \(ReportFormat.seeds(settings.seeds.count)); "
                                                        + "bars: mean over a layer's LUTs; error bars ±2 s.d. over its LUTs",
                                                    x: "layer", y: "accuracy of the layer's LUTs"),
                                categories: layerStats.map(\.name), series: barSeries,
                                yDomain: 0.5...1.0)
        return [ExperimentFile(name: "depth.md", contents: markdown), ExperimentFile(name: "depth.svg", contents: depthChart.markup()),
                ExperimentFile(name: "depth-layers.svg", contents: barChart.markup())]
    }

    private static func pm(_ value: (mean: Double, sd: Double)) -> String {
        String(format: "%.3f ± %.3f", value.mean, value.sd)
    }

    /// Per layer: its name, LUT count, and train and test accuracy over its LUTs pooled over the results.
    func layerStatistics(_ results: [RunResult]) -> [(name: String, luts: Int, train: (mean: Double, sd: Double), test: (mean: Double, sd: Double)?)] {
        guard let layerCount = results.first?.layers.count else { return [] }
        return (0..<layerCount).map { index in
            let layers = results.compactMap { $0.layers.first { $0.index == index } }
            let train = Summary.pooled(means: layers.map(\.trainAccuracyMean), standardDeviations: layers.map(\.trainAccuracyStandardDeviation))
            var test: (mean: Double, sd: Double)? = nil
            let testMeans = layers.compactMap(\.testAccuracyMean), testSDs = layers.compactMap(\.testAccuracyStandardDeviation)
            if !testMeans.isEmpty, testMeans.count == testSDs.count {
                let pooled = Summary.pooled(means: testMeans, standardDeviations: testSDs)
                test = (pooled.mean, pooled.standardDeviation)
            }
            let name = index == layerCount - 1 ? "output" : String(index + 1)
            return (name, layers.first?.width ?? 0, (train.mean, train.standardDeviation), test)
        }
    }
}
