/// Where a LUT sits in the image, in pixel units (row y, column x): a first-layer LUT at the
/// centre of its window, an upper spatial LUT at a seeded point.
struct LUTPosition: Sendable, Equatable {
    /// Row, 0 at the top.
    var y: Double
    /// Column, 0 at the left.
    var x: Double

    /// The squared distance to `other`.
    func squaredDistance(to other: LUTPosition) -> Double {
        let dy = y - other.y, dx = x - other.x
        return dy * dy + dx * dx
    }
}

/// Draws of distinct candidates shared by the spatial wirings.
enum DistinctDraw {
    /// `k` distinct numbers below `candidates` from `generator` (repeats allowed only when there
    /// are fewer than k candidates), in the order drawn.
    static func choose(_ k: Int, below candidates: Int, using generator: inout SeededGenerator) -> [Int] {
        var chosen: [Int] = []
        chosen.reserveCapacity(k)
        while chosen.count < k {
            let candidate = Int(generator.draw(below: UInt64(candidates)))
            if candidates < k || !chosen.contains(candidate) { chosen.append(candidate) }
        }
        return chosen
    }
}
