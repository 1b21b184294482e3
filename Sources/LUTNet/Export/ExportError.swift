/// Why a network could not be exported as a circuit.
public enum ExportError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Don't-cares were asked of a model that did not record which patterns training showed.
    case noSeenPatterns
    /// A tool the export runs (ABC) failed or printed something unexpected.
    case toolFailed(tool: String, reason: String)
    /// A network that reads more input bits of a pixel than its bytes at the threshold: a
    /// circuit's inputs are thresholded bytes.
    case inputEncoding(String)

    /// A sentence that says what is wrong.
    public var description: String {
        switch self {
        case .noSeenPatterns:
            "--dont-care unseen needs the patterns training showed each LUT, which this model file does not record (it was written before model format version 2); export it without don't-cares, or train it again"
        case .toolFailed(let tool, let reason): "\(tool) failed: \(reason)"
        case .inputEncoding(let bits):
            "the network reads input bits \(bits); circuits read each byte at the threshold, so export takes networks trained without --input-bits"
        }
    }
}
