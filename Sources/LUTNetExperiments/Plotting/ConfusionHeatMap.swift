extension HeatMap {
    /// The confusion matrix `matrix` as a heat map: one row per actual class, one column per
    /// predicted class, each cell the fraction of the row's examples (a row without examples stays
    /// empty), colored on 0...1; `names` are the classes' names.
    package init(confusion matrix: ConfusionMatrix, names: [String], title: String, subtitle: String = "") {
        let values: [[Double?]] = (0..<matrix.classCount).map { actual in
            let row = (0..<matrix.classCount).reduce(0) { $0 + matrix.count(actual: actual, predicted: $1) }
            return (0..<matrix.classCount).map { predicted in
                row > 0 ? Double(matrix.count(actual: actual, predicted: predicted)) / Double(row) : nil
            }
        }
        self.init(labels: ChartLabels(title: title, subtitle: subtitle, x: "predicted class", y: "actual class"),
                  rowLabels: names, columnLabels: names, values: values, colorDomain: 0...1)
        decimals = 2
        if matrix.classCount > 12 { cellSize = 30 }
    }
}
