/// Copies of the training images that training memorizes beside the originals (`--augment`):
/// the horizontal mirror (`flip`) and the images moved by 1 to S pixels up, down, left and right
/// (`shift:S`), the pixels moved in from outside the image repeating its edge row or column.
/// Together, every shifted copy and the original, each also mirrored: (1 + 4·S) × 2 copies.
/// Only the training split is augmented.
public struct Augmentation: Sendable, Equatable, CustomStringConvertible {
    /// Whether every copy also comes mirrored left to right.
    public let flips: Bool
    /// The largest shift S in pixels, 0 for none.
    public let shift: Int

    /// The largest shift `shift:S` takes.
    public static let maxShift = 4

    /// No augmentation: the original examples alone.
    public static let none = Augmentation(validFlips: false, shift: 0)

    /// One copy of every image: moved `down` rows and `right` columns (negative: up, left), the
    /// edge repeated where pixels come in from outside, then mirrored left to right when
    /// `mirrored`.
    public struct Copy: Sendable, Equatable {
        /// Rows the image moves down (negative: up).
        public let down: Int
        /// Columns the image moves right (negative: left).
        public let right: Int
        /// Whether the moved image is then mirrored left to right.
        public let mirrored: Bool

        /// The pixel of the original whose value pixel (`y`, `x`) of this copy shows, in an image
        /// of `height` × `width` pixels.
        func source(y: Int, x: Int, height: Int, width: Int) -> (y: Int, x: Int) {
            let column = mirrored ? width - 1 - x : x
            return (min(max(y - down, 0), height - 1), min(max(column - right, 0), width - 1))
        }
    }

    /// An augmentation.
    ///
    /// - Parameters:
    ///   - flips: Whether every copy also comes mirrored.
    ///   - shift: The largest shift S, 0 (none) to ``maxShift``.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` naming `--augment` for a
    ///   shift out of range.
    public init(flips: Bool, shift: Int = 0) throws(ConfigurationError) {
        guard (0...Self.maxShift).contains(shift) else {
            throw .invalidValue(option: "--augment", reason: "shift:\(shift); S is 1 to \(Self.maxShift) pixels")
        }
        self.init(validFlips: flips, shift: shift)
    }

    private init(validFlips flips: Bool, shift: Int) {
        self.flips = flips
        self.shift = shift
    }

    /// Parses `--augment`: `flip` and `shift:S` separated by commas, each at most once.
    ///
    /// - Parameter text: The list as written, e.g. `flip,shift:2`.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` naming `--augment` for an
    ///   empty list, an unknown name, S out of 1...``maxShift`` or a name given twice.
    public init(parsing text: String) throws(ConfigurationError) {
        var flips = false, shift: Int? = nil
        let usage = "use flip and shift:S (S 1 to \(Self.maxShift)) separated by ',', e.g. flip,shift:2"
        for part in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingWhitespace() }) {
            if part == "flip" {
                if flips { throw .invalidValue(option: "--augment", reason: "'\(text)' gives flip twice") }
                flips = true
            } else if part.hasPrefix("shift:") {
                if shift != nil { throw .invalidValue(option: "--augment", reason: "'\(text)' gives shift twice") }
                guard let value = Int(part.dropFirst("shift:".count)), (1...Self.maxShift).contains(value) else {
                    throw .invalidValue(option: "--augment", reason: "'\(part)': S is 1 to \(Self.maxShift) pixels")
                }
                shift = value
            } else {
                throw .invalidValue(option: "--augment", reason: "'\(part)' is not a copy it makes; \(usage)")
            }
        }
        self.init(validFlips: flips, shift: shift ?? 0)
    }

    /// Whether the examples stay as they are.
    public var isNone: Bool { self == .none }

    /// The copies of every image, the original first: the original then the shifts by 1 up, down,
    /// left and right, by 2 so, … up to S, each followed by its mirror when ``flips``.
    public var copies: [Copy] {
        var moves: [(down: Int, right: Int)] = [(0, 0)]
        for s in stride(from: 1, through: shift, by: 1) {
            moves += [(-s, 0), (s, 0), (0, -s), (0, s)]
        }
        var copies: [Copy] = []
        for move in moves {
            copies.append(Copy(down: move.down, right: move.right, mirrored: false))
            if flips { copies.append(Copy(down: move.down, right: move.right, mirrored: true)) }
        }
        return copies
    }

    /// Copies of every image, the original among them: (1 + 4·S) × (2 with `flip`, else 1).
    public var copyCount: Int { (1 + 4 * shift) * (flips ? 2 : 1) }

    /// What a report line adds after the example count: ` (50000 × 18 copies, --augment
    /// flip,shift:2)` for `originals` examples, nothing for ``none``.
    package func reportText(originals: Int) -> String {
        isNone ? "" : " (\(originals) × \(copyCount) copies, --augment \(self))"
    }

    /// `flip,shift:2` as `--augment` takes it; `none` for none.
    public var description: String {
        let parts = (flips ? ["flip"] : []) + (shift > 0 ? ["shift:\(shift)"] : [])
        return parts.isEmpty ? "none" : parts.joined(separator: ",")
    }
}
