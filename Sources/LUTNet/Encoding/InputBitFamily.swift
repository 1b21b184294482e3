import CSupport

/// One kind of bit a network may read of every pixel (see `InputEncoding`).
public enum InputBitFamily: String, Sendable, CaseIterable, Comparable {
    /// Each byte of the pixel at the binarization threshold: the paper's input bits.
    case threshold
    /// Each byte of the pixel above the mean of all the image's bytes: brightness against the
    /// image's own, whatever its exposure.
    case mean
    /// The three colour opponents of an RGB pixel: red > green, blue > red, green > blue.
    case opponents

    /// The C kernel's flag for the family.
    var cFlag: UInt32 {
        switch self {
        case .threshold: LUTNET_ENCODE_THRESHOLD
        case .mean: LUTNET_ENCODE_IMAGE_MEAN
        case .opponents: LUTNET_ENCODE_OPPONENTS
        }
    }

    /// Orders families as an encoded pixel holds them: `threshold`, `mean`, `opponents`.
    ///
    /// - Parameters:
    ///   - a: A family.
    ///   - b: Another family.
    /// - Returns: Whether `a` comes before `b`.
    public static func < (a: InputBitFamily, b: InputBitFamily) -> Bool { a.cFlag < b.cFlag }

    /// `families` separated by commas, as `list(parsing:)` reads them (e.g. `threshold,mean`).
    package static func text(of families: [InputBitFamily]) -> String { families.map(\.rawValue).joined(separator: ",") }

    /// Parses a comma-separated list such as `threshold,mean,opponents` (in any order, each at most
    /// once; spaces may follow the commas) into families in encoding order; `option` names the
    /// option in errors. Empty text, text that starts or ends with white space and text holding a
    /// control character are refused (see `OptionText`).
    package static func list(parsing text: String, option: String = "--input-bits") throws(ConfigurationError) -> [InputBitFamily] {
        let names = allCases.map(\.rawValue).joined(separator: ", ")
        if let problem = OptionText.problem(in: text) {
            throw .invalidValue(option: option, reason: "\(problem); list families of \(names) separated by ','")
        }
        var families: [InputBitFamily] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part.trimmingWhitespace())
            guard let family = InputBitFamily(rawValue: name) else {
                throw .invalidValue(option: option, reason: name.isEmpty ? "'\(text)' has an empty part; list families of \(names) separated by ','"
                                    : "'\(name)' is not a family of input bits; use \(names), separated by ','")
            }
            guard !families.contains(family) else { throw .invalidValue(option: option, reason: "'\(text)' names \(name) twice") }
            families.append(family)
        }
        return families.sorted()
    }
}
