import ArgumentParser
import LUTNet
import LUTNetBaseline
import LUTNetExperiments

/// Options of the experiments that put LUT networks beside the logistic-regression baseline.
struct ComparisonOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Fit the logistic-regression baseline beside the networks.")
    var baseline = true

    @Option(name: .customLong("C"), help: "The baseline's inverse regularization strengths (scikit-learn's C), each 1e-12 to 1e12 and its own method: one value or a list (e.g. 1,0.01).")
    var c: String = "1"

    @OptionGroup var fitOptions: BaselineFitOptions

    /// The baseline's validated settings, one per value of --C; none with --no-baseline. The
    /// tolerance and iteration cap default to the multinomial fit's for `multiClass` tasks.
    func baselineSettings(multiClass: Bool = false) throws -> [BaselineSettings] {
        guard baseline else { return [] }
        let defaults = multiClass ? MultinomialLogisticRegression.defaultOptions : LogisticRegression.Options()
        let kind = fitOptions.features
        let tolerance = fitOptions.givenTolerance ?? defaults.tolerance
        let maxIterations = fitOptions.givenMaxIterations ?? defaults.maxIterations
        return try c.split(separator: ",", omittingEmptySubsequences: false).map { item in
            let text = item.trimmingCharacters(in: .whitespaces)
            guard let value = Double(text) else {
                throw ConfigurationError.invalidValue(option: "--C", reason: "'\(text)' is not a number")
            }
            try BaselineOptions.check(c: value, tolerance: tolerance, maxIterations: maxIterations)
            let settings = BaselineSettings(features: kind, c: value, tolerance: tolerance, maxIterations: maxIterations)
            try settings.options(threads: 1).validate()
            return settings
        }
    }

    /// Every k of `ks` (a `KList`: numbers, ranges and per-layer ks such as 12/8) with every
    /// hidden-layer spec of `layers`, k varying fastest.
    static func shapes(ks: String, layers: [String]) throws -> [NetworkShape] {
        let kValues = try KList.parse(ks, option: "--ks")
        guard !layers.isEmpty else { throw ConfigurationError.invalidValue(option: "--layers", reason: "no size given") }
        var shapes: [NetworkShape] = []
        for spec in layers {
            for k in kValues { shapes.append(try NetworkShape(ks: k, layers: spec)) }
        }
        return shapes
    }
}
