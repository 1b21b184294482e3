/// How the LUTs of a network choose their inputs, layer by layer: part of the network's shape,
/// saved with the model.
///
/// Written on the command line and in the C API as:
/// - `random`: the paper's wiring, every LUT reads k inputs drawn anywhere (the default);
/// - `local:S`: every first-layer LUT reads k distinct inputs of one S × S window of the image
///   (all channels of its pixels are candidates); the layers above are wired at random;
/// - `hier:S,NEAR,L`: the first layer as `local:S`, and layers 2 to L each place their LUTs at
///   points of the image, every LUT reading k of the NEAR LUTs of the layer below nearest to it;
///   the layers above L are wired at random;
/// - `greedy`: learned from the training examples, every LUT of every layer choosing its k inputs
///   by the conditional entropy of the label given them (`GreedyWiring`); binary tasks.
///
/// A trailing `,grid` (or `,gridT` for a stride of T pixels) places the first layer's windows on
/// a grid covering the whole image instead of at random places, e.g. `hier:7,64,4,grid`.
public struct WiringSpec: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Where the first layer's windows go.
    public enum Placement: Sendable, Equatable, Hashable {
        /// Each window at a seeded random place.
        case random
        /// Windows at every `stride`-th place of the image, the last row and column included, the
        /// LUTs spread evenly over them.
        case grid(stride: Int)
    }

    /// Side of the first layer's windows; nil for the paper's random wiring.
    public let window: Int?
    /// How many of the nearest LUTs below an upper spatial LUT chooses from (0 when no upper layer
    /// is spatial).
    public let near: Int
    /// How many layers, the first included, are spatial (0 for random wiring).
    public let spatialLayers: Int
    /// Where the first layer's windows go.
    public let placement: Placement
    /// Whether every layer's wiring is learned from the training examples (`greedy`).
    public let isLearned: Bool

    /// The paper's wiring: every LUT reads k inputs drawn anywhere.
    public static let random = WiringSpec(window: nil, near: 0, spatialLayers: 0, placement: .random)

    /// Every LUT's inputs chosen by the conditional entropy of the label given them, learned from
    /// the training examples layer by layer (`GreedyWiring`).
    public static let greedy = WiringSpec(window: nil, near: 0, spatialLayers: 0, placement: .random, isLearned: true)

    private init(window: Int?, near: Int, spatialLayers: Int, placement: Placement, isLearned: Bool = false) {
        self.window = window
        self.near = near
        self.spatialLayers = spatialLayers
        self.placement = placement
        self.isLearned = isLearned
    }

    /// Whether this is the paper's random wiring.
    public var isRandom: Bool { window == nil && !isLearned }

    /// Whether this wiring is only a first layer of S × S windows at random places (`local:S`, what
    /// a multi-class model's window side alone says), or the paper's random wiring.
    package var isWindowOnly: Bool { spatialLayers <= 1 && placement == .random && !isLearned }

    /// The wiring a multi-class window side alone gives: `local:S`, or random for nil. The side is
    /// not checked here; training checks it against the images (naming `--window`).
    package static func windowOnly(_ window: Int?) -> WiringSpec {
        window.map { WiringSpec(window: $0, near: 0, spatialLayers: 1, placement: .random) } ?? .random
    }

    /// A first layer of S × S windows, upper layers wired at random: `local:S`.
    ///
    /// - Parameters:
    ///   - window: The side S of the windows, 1 or more.
    ///   - placement: Where the windows go.
    /// - Returns: The wiring.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` when the side or a grid stride is
    ///   below 1.
    public static func local(window: Int, placement: Placement = .random) throws(ConfigurationError) -> WiringSpec {
        try hierarchical(window: window, near: 0, spatialLayers: 1, placement: placement)
    }

    /// A first layer of S × S windows and layers above it reading the nearest LUTs below:
    /// `hier:S,NEAR,L`.
    ///
    /// - Parameters:
    ///   - window: The side S of the first layer's windows, 1 or more.
    ///   - near: How many of the nearest LUTs below an upper spatial LUT chooses from (NEAR).
    ///   - spatialLayers: How many layers, the first included, are spatial (L), 1 or more.
    ///   - placement: Where the first layer's windows go.
    /// - Returns: The wiring.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` when the side, the layer count or
    ///   a grid stride is below 1, or `near` is below 1 with upper spatial layers.
    public static func hierarchical(window: Int, near: Int, spatialLayers: Int,
                                    placement: Placement = .random) throws(ConfigurationError) -> WiringSpec {
        guard window >= 1 else { throw invalid("a window side of \(window); use 1 or more") }
        guard spatialLayers >= 1 else { throw invalid("\(spatialLayers) spatial layers; use 1 or more") }
        if spatialLayers > 1, near < 1 { throw invalid("NEAR = \(near); use 1 or more") }
        if case .grid(let stride) = placement, stride < 1 { throw invalid("a grid stride of \(stride); use 1 or more") }
        return WiringSpec(window: window, near: spatialLayers > 1 ? near : 0, spatialLayers: spatialLayers,
                          placement: placement)
    }

    /// Parses `random`, `greedy`, `local:S[,grid[T]]` or `hier:S,NEAR,L[,grid[T]]`, in any case; spaces may
    /// follow the commas.
    ///
    /// - Parameter text: The wiring as written.
    /// - Throws: ``ConfigurationError/invalidValue(option:reason:)`` naming `--wiring` when `text`
    ///   cannot be parsed or a value is impossible, and for text that is empty, starts or ends with
    ///   white space or holds a control character.
    public init(parsing text: String) throws(ConfigurationError) {
        let usage = "use random, greedy, local:S or hier:S,NEAR,L (optionally followed by ,grid or ,gridT), e.g. local:6 or hier:7,64,4"
        if let problem = OptionText.problem(in: text) { throw Self.invalid("\(problem): \(usage)") }
        let trimmed = text.lowercased()
        if trimmed == "random" {
            self = .random
            return
        }
        if trimmed == "greedy" {
            self = .greedy
            return
        }
        let parts = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw Self.invalid("'\(text)': \(usage)") }
        var fields = parts[1].split(separator: ",", omittingEmptySubsequences: false).map { String($0.trimmingWhitespace()) }
        var placement = Placement.random
        if let last = fields.last, last.hasPrefix("grid") {
            let strideText = last.dropFirst(4)
            guard let stride = strideText.isEmpty ? 1 : Int(strideText) else { throw Self.invalid("'\(last)' in '\(text)': \(usage)") }
            placement = .grid(stride: stride)
            fields.removeLast()
        }
        let numbers = fields.map { Int($0) }
        guard numbers.allSatisfy({ $0 != nil }) else { throw Self.invalid("'\(text)': \(usage)") }
        let values = numbers.compactMap { $0 }
        switch parts[0] {
        case "local":
            guard values.count == 1 else { throw Self.invalid("'\(text)': local takes one number, the window side S, e.g. local:6") }
            self = try .local(window: values[0], placement: placement)
        case "hier":
            guard values.count == 3 else {
                throw Self.invalid("'\(text)': hier takes three numbers, the window side S, NEAR and the spatial layers L, e.g. hier:7,64,4")
            }
            self = try .hierarchical(window: values[0], near: values[1], spatialLayers: values[2], placement: placement)
        default:
            throw Self.invalid("'\(text)': \(usage)")
        }
    }

    /// The wiring as `init(parsing:)` reads it.
    public var description: String {
        guard let window else { return isLearned ? "greedy" : "random" }
        let place: String
        switch placement {
        case .random: place = ""
        case .grid(let stride): place = stride == 1 ? ",grid" : ",grid\(stride)"
        }
        return spatialLayers == 1 ? "local:\(window)\(place)" : "hier:\(window),\(near),\(spatialLayers)\(place)"
    }

    static func invalid(_ reason: String) -> ConfigurationError { .invalidValue(option: "--wiring", reason: reason) }
}
