/// An upper layer of spatial wiring: every LUT sits at a seeded point of the image and reads k
/// distinct LUTs among the `near` LUTs of the layer below nearest to that point.
enum NearestWiring {
    /// The wiring (`width * k` indices into `below`) and positions of layer `layer` of `width` LUTs
    /// over a layer below at `below`. Each LUT's point is uniform over the box the LUTs below span
    /// and comes, with its choice of inputs, from its own stream of `seed`. Nearest means by
    /// Euclidean distance, ties to the lower index. With `lattice` the points are instead spread
    /// evenly over a square lattice spanning that box (LUT j at lattice point j·n/width of n).
    static func layer(width: Int, k: Int, near: Int, below: [LUTPosition], seed: UInt64,
                      layer: Int, lattice: Bool = false, threads: Int = 1) -> (inputs: [UInt32], positions: [LUTPosition]) {
        precondition(!below.isEmpty, "a layer below to read")
        let minY = below.map(\.y).min() ?? 0, maxY = below.map(\.y).max() ?? 0
        let minX = below.map(\.x).min() ?? 0, maxX = below.map(\.x).max() ?? 0
        let candidates = min(near, below.count)
        // Every LUT writes its own entries, from its own stream: the result is the same on any
        // number of threads.
        let inputs = SharedBuffer<UInt32>.allocate(count: width * k, repeating: 0)
        let positions = SharedBuffer<LUTPosition>.allocate(count: width, repeating: LUTPosition(y: 0, x: 0))
        defer { inputs.deallocate(); positions.deallocate() }
        ParallelWork.forEach(count: width, threads: threads, chunk: 32) { _, luts in
            var keys = [UInt64](repeating: 0, count: below.count)
            for lut in luts {
                var generator = SeededGenerator(seed: seed, stream: 12, UInt64(layer), UInt64(lut))
                let point: LUTPosition
                if lattice {
                    let side = max(1, Int(Double(width).squareRoot().rounded(.up)))
                    let place = lut * side * side / width
                    let step = side > 1 ? 1 / Double(side - 1) : 0
                    point = LUTPosition(y: minY + (maxY - minY) * Double(place / side) * step,
                                        x: minX + (maxX - minX) * Double(place % side) * step)
                } else {
                    point = LUTPosition(y: minY + (maxY - minY) * unit(&generator), x: minX + (maxX - minX) * unit(&generator))
                }
                let nearest = nearestIndices(to: point, among: below, count: candidates, keys: &keys)
                for (input, choice) in DistinctDraw.choose(k, below: candidates, using: &generator).enumerated() {
                    inputs.base[lut * k + input] = UInt32(nearest[choice])
                }
                positions.base[lut] = point
            }
        }
        return (inputs.array, positions.array)
    }

    /// The indices of the `count` positions of `positions` nearest to `point`, nearest first, ties
    /// to the lower index. `keys` is scratch space as long as `positions`.
    static func nearestIndices(to point: LUTPosition, among positions: [LUTPosition], count: Int,
                               keys: inout [UInt64]) -> [Int] {
        // A distance's Float bits order like the distance (it is not negative); the index below
        // them breaks ties.
        for (index, position) in positions.enumerated() {
            let distance = Float(position.squaredDistance(to: point))
            keys[index] = UInt64(distance.bitPattern) << 32 | UInt64(index)
        }
        select(count, in: &keys)
        return keys[..<count].sorted().map { Int($0 & 0xFFFF_FFFF) }
    }

    /// Moves the `count` smallest of `keys` (all distinct) to its front, in some order: a
    /// quickselect, linear on average, so that a LUT costs no sort of the whole layer below.
    static func select(_ count: Int, in keys: inout [UInt64]) {
        guard count > 0, count < keys.count else { return }
        var low = 0, high = keys.count - 1
        keys.withUnsafeMutableBufferPointer { keys in
            while low < high {
                // Median of three as the pivot, then a Lomuto partition of low...high.
                let middle = low + (high - low) / 2
                let pivot = max(min(keys[low], keys[middle]), min(max(keys[low], keys[middle]), keys[high]))
                var store = low
                for i in low...high where keys[i] < pivot {
                    keys.swapAt(i, store)
                    store += 1
                }
                // keys[low..<store] < pivot <= keys[store...high]; put the pivot at store.
                if let at = (store...high).first(where: { keys[$0] == pivot }) { keys.swapAt(at, store) }
                if store == count || store == count - 1 { return }
                if store < count { low = store + 1 } else { high = store - 1 }
            }
        }
    }

    /// A uniform number in [0, 1).
    private static func unit(_ generator: inout SeededGenerator) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }
}
