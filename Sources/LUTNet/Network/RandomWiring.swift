/// The seeded random wiring of LUT inputs: every LUT reads k outputs of the layer below, drawn
/// uniformly, all distinct within one LUT whenever the layer below has at least k outputs.
package enum RandomWiring {
    /// The inputs of one LUT: `k` indices into `sourceCount` outputs of the layer below, from the
    /// LUT's own stream of `seed` so that every LUT's wiring is independent of the others.
    package static func inputs(k: Int, sourceCount: Int, seed: UInt64, layer: Int, lut: Int) -> [UInt32] {
        var generator = SeededGenerator(seed: seed, stream: 1, UInt64(layer), UInt64(lut))
        return DistinctDraw.choose(k, below: sourceCount, using: &generator).map { UInt32($0) }
    }

    /// The inputs of a whole layer of `width` LUTs, LUT after LUT (`width * k` entries).
    package static func layer(width: Int, k: Int, sourceCount: Int, seed: UInt64, layer: Int) -> [UInt32] {
        (0..<width).flatMap { inputs(k: k, sourceCount: sourceCount, seed: seed, layer: layer, lut: $0) }
    }
}
