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
