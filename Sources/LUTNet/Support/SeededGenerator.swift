/// A small, fast, seedable random number generator (SplitMix64). The same seed gives the same
/// sequence on every platform and Swift version, which makes networks reproducible from a seed.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    package init(seed: UInt64) { state = seed }

    /// A generator for one independent stream of the seed, named by `path` (for example the layer
    /// and LUT index), so that parallel work draws the same numbers in any order.
    package init(seed: UInt64, stream path: UInt64...) {
        var first = SeededGenerator(seed: seed)
        var mixed = first.next()
        for part in path {
            var g = SeededGenerator(seed: mixed ^ (part &* 0x9E37_79B9_7F4A_7C15))
            mixed = g.next()
        }
        state = mixed
    }

    /// Moves past the next `count` draws of `next()` in one step (the state advances by a constant
    /// per draw), as if they had been made.
    package mutating func skip(_ count: UInt64) {
        state &+= 0x9E37_79B9_7F4A_7C15 &* count
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<bound (Lemire's method, unbiased), independent of the standard
    /// library's algorithm so that seeds stay stable.
    package mutating func draw(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "draw(below:) needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }
}
