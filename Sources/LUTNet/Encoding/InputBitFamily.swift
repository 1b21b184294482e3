import CSupport

/// One kind of bit a network may read of every pixel, or `deskew`, which straightens the image
/// before the families read it (see `InputEncoding`).
public enum InputBitFamily: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Not bits but the image deskewed before every family reads it: shifted so that its centre of
    /// mass is the image's centre and sheared so that its principal axis is vertical (the standard
    /// moment deskew, in integers; see `input_encoding.h`). Needs images of a known height and width.
    case deskew
    /// Each byte of the pixel at the binarization threshold: the paper's input bits.
    case threshold
    /// Each byte of the pixel above the mean of all the image's bytes: brightness against the
    /// image's own, whatever its exposure.
    case mean
    /// The three colour opponents of an RGB pixel: red > green, blue > red, green > blue.
    case opponents
    /// Each byte of the pixel at `levels` evenly spaced thresholds, floor(256 i / (levels + 1)) for
    /// i = 1...levels (`thermometer:3`: 64, 128, 192), whatever the binarization threshold.
    case thermometer(levels: Int)
    /// Each byte of the pixel against the same byte of its 8 neighbours: 1 where the neighbour's is
    /// above the pixel's + `margin` (`neighbours:4`), neighbours outside the image reading as the
    /// pixel. Needs images of a known height and width.
    case neighbours(margin: Int)

    /// The families without a parameter, in encoding order.
    public static let plainFamilies: [InputBitFamily] = [.threshold, .mean, .opponents]
    /// The levels a thermometer takes.
    public static let thermometerLevels = 1...Int(LUTNET_MAX_THERMOMETER_LEVELS)
    /// The margins the neighbours take.
    public static let neighbourMargins = 0...Int(LUTNET_MAX_NEIGHBOUR_MARGIN)

    /// The C kernel's flag for the family.
    var cFlag: UInt32 {
        switch self {
        case .threshold: LUTNET_ENCODE_THRESHOLD
        case .mean: LUTNET_ENCODE_IMAGE_MEAN
        case .opponents: LUTNET_ENCODE_OPPONENTS
        case .thermometer: LUTNET_ENCODE_THERMOMETER
        case .neighbours: LUTNET_ENCODE_NEIGHBOURS
        case .deskew: LUTNET_ENCODE_DESKEW
        }
    }

    /// The family's levels: a thermometer's, 0 for the others.
    var levels: Int {
        if case .thermometer(let levels) = self { return levels }
        return 0
    }

    /// The family's margin: the neighbours', 0 for the others.
    var margin: Int {
        if case .neighbours(let margin) = self { return margin }
        return 0
    }

    /// The families that take a parameter: their text's prefix, flag, parameter values and an example.
    private static let parameterised: [(prefix: String, flag: UInt32, values: ClosedRange<Int>, example: Int)] = [
        ("thermometer:", LUTNET_ENCODE_THERMOMETER, thermometerLevels, 3), ("neighbours:", LUTNET_ENCODE_NEIGHBOURS, neighbourMargins, 4)]

    /// The values the parameter of the family of C flag `flag` (thermometer or neighbours) takes, as
    /// messages say it, e.g. "a thermometer takes 1 to 64 levels".
    static func rule(of flag: UInt32) -> String {
        flag == LUTNET_ENCODE_THERMOMETER ? "a thermometer takes \(thermometerLevels.lowerBound) to \(thermometerLevels.upperBound) levels"
            : "the neighbours take a margin of \(neighbourMargins.lowerBound) to \(neighbourMargins.upperBound)"
    }

    /// Whether the family needs the images' height and width (`deskew`, `neighbours:D`).
    public var isSpatial: Bool { cFlag & (LUTNET_ENCODE_DESKEW | LUTNET_ENCODE_NEIGHBOURS) != 0 }

    /// The family as `list(parsing:)` reads it: `deskew`, `threshold`, `mean`, `opponents`,
    /// `thermometer:N` or `neighbours:D`.
    public var description: String {
        switch self {
        case .deskew: "deskew"
        case .threshold: "threshold"
        case .mean: "mean"
        case .opponents: "opponents"
        case .thermometer(let levels): "thermometer:\(levels)"
        case .neighbours(let margin): "neighbours:\(margin)"
        }
    }

    /// Orders families as an encoding's text names them: `deskew` (which comes before the bits), then
    /// as an encoded pixel holds them: `threshold`, `mean`, `opponents`, `thermometer`, `neighbours`.
    ///
    /// - Parameters:
    ///   - a: A family.
    ///   - b: Another family.
    /// - Returns: Whether `a` comes before `b`.
    public static func < (a: InputBitFamily, b: InputBitFamily) -> Bool {
        (a != .deskew ? 1 : 0, a.cFlag, a.levels + a.margin) < (b != .deskew ? 1 : 0, b.cFlag, b.levels + b.margin)
    }

    /// `families` separated by commas, as `list(parsing:)` reads them (e.g. `threshold,mean`).
    package static func text(of families: [InputBitFamily]) -> String { families.map(\.description).joined(separator: ",") }

    /// Parses a comma-separated list such as `threshold,mean,opponents`, `thermometer:3` or
    /// `deskew,threshold,neighbours:4` (in any order, each family at most once; spaces may follow
    /// the commas) into families in encoding order; `option` names the option in errors. Empty text, text that starts or ends with white
    /// space and text holding a control character are refused (see `OptionText`).
    package static func list(parsing text: String, option: String = "--input-bits") throws(ConfigurationError) -> [InputBitFamily] {
        let names = plainFamilies.map(\.description).joined(separator: ", ") + ", thermometer:N, neighbours:D and deskew"
        if let problem = OptionText.problem(in: text) {
            throw .invalidValue(option: option, reason: "\(problem); list families of \(names) separated by ','")
        }
        var families: [InputBitFamily] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part.trimmingWhitespace())
            let family: InputBitFamily
            if let plain = plainFamilies.first(where: { $0.description == name }) {
                family = plain
            } else if let kind = parameterised.first(where: { name.hasPrefix($0.prefix) }) {
                guard let value = Int(name.dropFirst(kind.prefix.count)), kind.values.contains(value) else {
                    throw .invalidValue(option: option, reason: "'\(name)': \(rule(of: kind.flag)), as \(kind.prefix)\(kind.example)")
                }
                family = kind.flag == LUTNET_ENCODE_THERMOMETER ? .thermometer(levels: value) : .neighbours(margin: value)
            } else if name == "deskew" {
                family = .deskew
            } else {
                throw .invalidValue(option: option, reason: name.isEmpty ? "'\(text)' has an empty part; list families of \(names) separated by ','"
                                    : "'\(name)' is not a family of input bits; use \(names), separated by ','")
            }
            guard !families.contains(where: { $0.cFlag == family.cFlag }) else {
                throw .invalidValue(option: option, reason: "'\(text)' names \(name.split(separator: ":")[0]) twice")
            }
            families.append(family)
        }
        return families.sorted()
    }
}
