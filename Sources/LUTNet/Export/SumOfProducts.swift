/// A product of literals over a node's inputs: input j appears when bit j of `mask` is set,
/// positive when bit j of `values` is set too. The empty cube is the constant 1.
public struct Cube: Equatable, Sendable {
    /// The inputs that appear.
    public let mask: UInt32
    /// Their polarities (bits outside `mask` are zero).
    public let values: UInt32

    /// Number of literals.
    public var literalCount: Int { mask.nonzeroBitCount }
}

/// Irredundant sums of products of incompletely specified functions (Minato–Morreale ISOP): a set
/// of cubes whose union F satisfies on ⊆ F ⊆ on ∪ don't-care, found by recursion on cofactors.
enum SumOfProducts {
    /// A cover of any function F with `lower` ⊆ F ⊆ `upper`, and F itself.
    static func cover(lower: TruthTable, upper: TruthTable) -> (cubes: [Cube], function: TruthTable) {
        let n = lower.variables
        if lower.isZero { return ([], TruthTable(variables: n, constant: false)) }
        if upper.isOne { return ([Cube(mask: 0, values: 0)], TruthTable(variables: n, constant: true)) }
        let (l0, l1) = lower.cofactors, (u0, u1) = upper.cofactors
        let top = UInt32(1) << UInt32(n - 1)
        if l0 == l1 && u0 == u1 {
            let (cubes, function) = cover(lower: l0, upper: u0)
            return (cubes, .joining(zero: function, one: function))
        }
        let (cubes0, f0) = cover(lower: l0 & ~u1, upper: u0)
        let (cubes1, f1) = cover(lower: l1 & ~u0, upper: u1)
        let rest = (l0 & ~f0) | (l1 & ~f1)
        let (shared, fs) = cover(lower: rest, upper: u0 & u1)
        let cubes = cubes0.map { Cube(mask: $0.mask | top, values: $0.values) }
            + cubes1.map { Cube(mask: $0.mask | top, values: $0.values | top) } + shared
        return (cubes, .joining(zero: f0 | fs, one: f1 | fs))
    }
}
