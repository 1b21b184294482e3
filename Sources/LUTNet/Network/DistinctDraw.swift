/// Draws of distinct candidates, shared by the random and the spatial wirings.
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
