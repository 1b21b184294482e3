/// Lists of whole numbers as options write them: `2,4,8`, ranges `1-8`, stepped ranges `2-16/2`,
/// or a mix (`1-4,8,16`).
package enum NumberList {
    /// The numbers of `text` in order; `option` names the option in errors.
    package static func parse(_ text: String, option: String) throws(ConfigurationError) -> [Int] {
        var numbers: [Int] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingWhitespace()
            let stepParts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            let bounds = stepParts[0].split(separator: "-", omittingEmptySubsequences: false)
            guard stepParts.count <= 2, (1...2).contains(bounds.count),
                  let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]), low <= high,
                  let step = stepParts.count == 2 ? Int(stepParts[1]) : 1, step >= 1 else {
                throw .invalidValue(option: option, reason: "'\(trimmed)' is not a number or a range such as 1-8 or 2-16/2")
            }
            guard (high - low) / step < 100_000 else {
                throw .invalidValue(option: option, reason: "'\(trimmed)' has more than 100000 values")
            }
            numbers.append(contentsOf: stride(from: low, through: high, by: step))
        }
        return numbers
    }
}
