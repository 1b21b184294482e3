/// The first-layer windows of a run, as its `window` field records them.
public enum RunWindow: Sendable, Hashable {
    /// A binary run: no windows (an empty field).
    case binary
    /// A multi-class run whose first layer reads the whole input (`none`).
    case wholeInput
    /// A multi-class run whose first-layer LUTs each read one random S × S window (the side S).
    case side(Int)

    /// The side, when there are windows.
    public var side: Int? {
        if case .side(let side) = self { return side }
        return nil
    }

    /// The field: empty, `none` or the side.
    public var text: String {
        switch self {
        case .binary: ""
        case .wholeInput: "none"
        case .side(let side): String(side)
        }
    }

    /// Reads a field written by `text`.
    static func parse(_ text: String) -> Result<RunWindow, ExperimentRun.ParseFailure> {
        switch text {
        case "": return .success(.binary)
        case "none": return .success(.wholeInput)
        default:
            guard let side = Int(text), side >= 1 else {
                return .failure(.init("window '\(text)' is neither empty, 'none' nor a side >= 1"))
            }
            return .success(.side(side))
        }
    }
}
