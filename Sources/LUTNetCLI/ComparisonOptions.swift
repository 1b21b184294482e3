import ArgumentParser
import LUTNet

/// Options of the experiments that put LUT networks beside the logistic-regression baseline.
struct ComparisonOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Fit the logistic-regression baseline beside the networks.")
    var baseline = true

    @OptionGroup var baselineOptions: BaselineOptions

    /// The baseline's validated settings, or nil with --no-baseline.
    func baselineSettings() throws -> BaselineSettings? {
        baseline ? try baselineOptions.settings() : nil
    }

    /// Every k of `ks` (a number list) with every hidden-layer spec of `layers`, k varying fastest.
    static func shapes(ks: String, layers: [String]) throws -> [NetworkShape] {
        let kValues = try NumberList.parse(ks, option: "--ks")
        guard !kValues.isEmpty else { throw ConfigurationError.invalidValue(option: "--ks", reason: "no k given") }
        guard !layers.isEmpty else { throw ConfigurationError.invalidValue(option: "--layers", reason: "no size given") }
        var shapes: [NetworkShape] = []
        for spec in layers {
            for k in kValues { shapes.append(try NetworkShape(k: k, layers: spec)) }
        }
        return shapes
    }
}
