import LUTNet

/// The k values a sweep's option lists: numbers and ranges as `NumberList` reads them (`8,10`,
/// `4-12/2`), and per-layer ks written with '/' (`12/8`: see `LayerKs`), so that `8,12/8` sweeps
/// two shapes. An item with a '-' is a range; any other item with a '/' is one per-layer k.
package enum KList {
    /// Every k of `text` in order; `option` names the option in errors. Throws for an empty list.
    package static func parse(_ text: String, option: String) throws(ConfigurationError) -> [LayerKs] {
        var ks: [LayerKs] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = String(item.trimmingWhitespace())
            if trimmed.contains("-") || !trimmed.contains("/") {
                for k in try NumberList.parse(trimmed, option: option) { ks.append(try LayerKs(uniform: k)) }
            } else {
                ks.append(try LayerKs(parsing: trimmed, option: option))
            }
        }
        guard !ks.isEmpty else { throw .invalidValue(option: option, reason: "no k given") }
        return ks
    }

    /// Every k of `text`, each a single number; a per-layer k is refused naming `option`, with
    /// `why` the sweep cannot take it.
    package static func parseSingle(_ text: String, option: String, why: String) throws(ConfigurationError) -> [Int] {
        var values: [Int] = []
        for ks in try parse(text, option: option) { values.append(try ks.single(option: option, why: why)) }
        return values
    }
}
