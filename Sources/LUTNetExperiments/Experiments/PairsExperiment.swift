/// Every pair of classes as its own task (`i:j`): a matrix of test accuracy, its mean and its
/// worst pair.
package struct PairsExperiment: Experiment {
    /// Shared settings.
    package let settings: ExperimentSettings
    /// The classes to pair, ascending.
    package let classes: [UInt8]
    /// Names of the classes for the figure, when known (indexed by class).
    package let classNames: [String]?
    /// The topology of every network.
    package let shape: NetworkShape

    /// `pairs`.
    package var name: String { "pairs" }

    /// All pairs of `classes` (at least two).
    package init(settings: ExperimentSettings, classes: [UInt8], classNames: [String]? = nil, shape: NetworkShape) throws(ConfigurationError) {
        let sorted = Set(classes).sorted()
        guard sorted.count >= 2 else {
            throw .invalidValue(option: "--classes", reason: "\(sorted.count) class; pairs need at least two")
        }
        self.settings = settings
        self.classes = sorted
        self.classNames = classNames
        self.shape = shape
    }

    /// The pairs (i < j), in order.
    package var pairs: [(UInt8, UInt8)] {
        classes.enumerated().flatMap { index, i in classes[(index + 1)...].map { (i, $0) } }
    }

    /// For each pair, one network per seed.
    package var runs: [ExperimentRun] {
        pairs.flatMap { i, j in
            settings.seeds.map { seed in
                // Two distinct classes always make a valid task.
                let task = (try? BinaryTask(first: [i], second: [j])) ?? { preconditionFailure("distinct classes") }()
                return ExperimentRun(data: settings.data, task: task, threshold: settings.threshold, shape: shape, seed: seed)
            }
        }
    }

    private func label(_ c: UInt8) -> String {
        guard let classNames, Int(c) < classNames.count else { return String(c) }
        return "\(c) \(classNames[Int(c)])"
    }

    /// pairs.md, pairs-matrix.csv (mean accuracy of every pair, both ways round) and pairs.svg.
    package func report(_ results: [RunResult]) -> [ExperimentFile] {
        let groups = SeedGroup.grouping(results) { Pair(first: $0.run.task.groups[0][0], second: $0.run.task.groups[1][0]) }
        let useTest = results.allSatisfy { $0.testAccuracy != nil }
        let measure = useTest ? "test" : "training"
        func accuracy(_ g: SeedGroup) -> Summary { useTest ? (g.test ?? g.train) : g.train }
        var cell: [Pair: Double] = [:]
        for (pair, g) in groups { cell[pair] = accuracy(g).mean }
        func value(_ i: UInt8, _ j: UInt8) -> Double? {
            i == j ? nil : cell[Pair(first: min(i, j), second: max(i, j))]
        }
        let ranked = groups.sorted { accuracy($0.group).mean < accuracy($1.group).mean }
        let mean = Summary(groups.map { accuracy($0.group).mean })
        let about = "\(settings.data), k = \(shape.ks), \(ReportFormat.layers(shape.hiddenWidths)) LUTs + 1 output LUT, "
            + "\(ReportFormat.seeds(settings.seeds.count)), threshold \(settings.threshold)"
        var headline = String(format: "Mean %@ accuracy over the %d pairs: %.4f", measure, groups.count, mean.mean)
        func pairName(_ pair: Pair) -> String {
            classNames == nil ? pair.text : "\(pair.text) (\(label(pair.first)) vs \(label(pair.second)))"
        }
        if let worst = ranked.first, let best = ranked.last {
            headline += String(format: "; worst pair %@: %.4f; best pair %@: %.4f", pairName(worst.key),
                               accuracy(worst.group).mean, pairName(best.key), accuracy(best.group).mean)
        }
        let matrixRows = classes.map { i in
            [label(i)] + classes.map { j in value(i, j).map { String(format: "%.3f", $0) } ?? "–" }
        }
        let matrix = MarkdownTable(headers: ["class"] + classes.map { String($0) }, rows: matrixRows,
                                   rightAligned: Set(1...classes.count))
        let named = classNames != nil
        let pairRows = ranked.map { entry in
            [entry.key.text] + (named ? [label(entry.key.first) + " vs " + label(entry.key.second)] : [])
                + [ReportFormat.meanSD(entry.group.train), ReportFormat.meanSD(entry.group.test)]
        }
        let pairTable = MarkdownTable(headers: ["task"] + (named ? ["classes"] : []) + ["train", "test"], rows: pairRows,
                                      rightAligned: named ? [2, 3] : [1, 2])
        let markdown = """
            # Every pair of classes

            \(about). Each pair i:j is its own binary task (class i label 0, class j label 1).

            \(headline).

            Mean \(measure) accuracy over seeds:

            \(matrix.text)
            ![\(measure) accuracy of every pair](pairs.svg)

            All pairs, worst first (mean ± standard deviation over seeds):

            \(pairTable.text)
            """
        var csv = CSVTable.line(["class"] + classes.map { String($0) })
        for i in classes {
            csv += CSVTable.line([String(i)] + classes.map { j in value(i, j).map { String(format: "%.6f", $0) } ?? "" })
        }
        let heat = HeatMap(labels: ChartLabels(title: "\(measure.prefix(1).uppercased() + measure.dropFirst()) accuracy of every pair of classes",
                                               subtitle: about, x: "class", y: "class"),
                           rowLabels: classes.map(label), columnLabels: classes.map { String($0) },
                           values: classes.map { i in classes.map { j in value(i, j) } })
        return [ExperimentFile(name: "pairs.md", contents: markdown), ExperimentFile(name: "pairs-matrix.csv", contents: csv),
                ExperimentFile(name: "pairs.svg", contents: heat.markup())]
    }

    private struct Pair: Hashable {
        let first: UInt8
        let second: UInt8
        var text: String { "\(first):\(second)" }
    }
}

/// Names of the classes of datasets LUTNet knows, by the data folder's name.
package enum ClassNames {
    /// The names of `data`'s classes indexed by label, or nil when unknown (digits need none).
    package static func known(forData data: String) -> [String]? {
        switch data.lowercased() {
        case "fashion-mnist", "fashion_mnist", "fashionmnist":
            ["T-shirt/top", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot"]
        case "cifar10", "cifar-10":
            ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
        default:
            nil
        }
    }
}
