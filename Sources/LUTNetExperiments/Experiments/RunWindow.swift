import LUTNet

/// The wiring of a run's multi-class networks, as its `window` field records it: the side of the
/// first layer's windows, or a whole wiring when layers above the windows are spatial too.
package enum RunWindow: Sendable, Hashable {
    /// A binary run: no windows (an empty field).
    case binary
    /// A multi-class run whose first layer reads the whole input (`none`).
    case wholeInput
    /// A multi-class run whose first-layer LUTs each read one random S × S window (the side S).
    case side(Int)
    /// A multi-class run wired by a spatial wiring beyond windows alone (e.g. `hier:4,16,2`),
    /// recorded as its text.
    case spatial(WiringSpec)

    /// The window of a multi-class run wired by `wiring`: `wholeInput` or `side` when it is
    /// windows alone (as `--window` gives them), else `spatial`.
    package init(multiClassWiring wiring: WiringSpec) {
        if wiring.isWindowOnly {
            self = wiring.window.map { .side($0) } ?? .wholeInput
        } else {
            self = .spatial(wiring)
        }
    }

    /// The side, when the first layer has windows.
    package var side: Int? {
        switch self {
        case .binary, .wholeInput: nil
        case .side(let side): side
        case .spatial(let wiring): wiring.window
        }
    }

    /// The wiring of every class's network of a multi-class run (random for a binary run, which
    /// has none of its own here).
    package var wiring: WiringSpec {
        if case .spatial(let wiring) = self { return wiring }
        return .windowOnly(side)
    }

    /// The field: empty, `none`, the side, or the wiring's text.
    package var text: String {
        switch self {
        case .binary: ""
        case .wholeInput: "none"
        case .side(let side): String(side)
        case .spatial(let wiring): wiring.description
        }
    }

    /// Reads a field written by `text`.
    static func parse(_ text: String) -> Result<RunWindow, ExperimentRun.ParseFailure> {
        switch text {
        case "": return .success(.binary)
        case "none": return .success(.wholeInput)
        default:
            if text.contains(":") {
                do {
                    return .success(RunWindow(multiClassWiring: try WiringSpec(parsing: text)))
                } catch {
                    return .failure(.init("window '\(text)': \(error)"))
                }
            }
            guard let side = Int(text), side >= 1 else {
                return .failure(.init("window '\(text)' is neither empty, 'none', a side >= 1 nor a wiring"))
            }
            return .success(.side(side))
        }
    }
}
