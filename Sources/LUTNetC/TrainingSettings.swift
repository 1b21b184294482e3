import CLUTNetAPI
import Foundation
import LUTNet

/// Validated `lutnet_parameters`: what a trainer needs.
struct TrainingSettings {
    let shape: NetworkShape
    let threshold: UInt8
    let seed: UInt64
    let threads: Int
    /// The wiring `lutnet_parameters.wiring` names; nil when it is NULL (random for a binary
    /// task, the default 6 × 6 windows for a multi-class one).
    let wiring: WiringSpec?
    /// The families `lutnet_parameters.input_bits` names (the threshold bits alone when it is NULL).
    let inputBits: [InputBitFamily]
    /// Whether k and the layers are as `lutnet_default_parameters` set them (`layers` its own
    /// text, `k` the binary default, no `layer_ks`): a multi-class task then trains
    /// `TrainingPolicy`'s multi-class shape instead.
    let shapeLeftAtDefaults: Bool

    /// The text `lutnet_default_parameters` points `layers` at, `TrainingPolicy.binaryLayers`
    /// (allocated once, never freed).
    nonisolated(unsafe) static let defaultLayers: UnsafePointer<CChar> = UnsafePointer(strdup(TrainingPolicy.binaryLayers)!)

    /// The shape of every network of a model for `task`: the parameters' own, except that a
    /// multi-class task on parameters whose shape was left at the defaults gets the policy's
    /// multi-class shape (k = 10, 3 × 500 per class).
    func shape(for task: ClassTask) -> NetworkShape {
        guard case .multiClass = task, shapeLeftAtDefaults else { return shape }
        return .oneVsRest
    }

    /// The largest number of hidden layers; every model the API trains can be saved and loaded again.
    static let maxHiddenLayers = LUTNetLimits.maxHiddenLayers

    /// Validates `parameters`; a problem says which field is wrong.
    static func validate(_ parameters: UnsafePointer<lutnet_parameters>?) -> Result<TrainingSettings, ParameterProblem> {
        guard let parameters else { return .failure(.missing) }
        if let problem = ParametersLayout.problem(parameters) { return .failure(.layout(problem)) }
        let p = parameters.pointee
        let ks: LayerKs
        switch layerKs(p) {
        case .success(let valid): ks = valid
        case .failure(let problem): return .failure(problem)
        }
        guard Threshold.isValid(Int(p.threshold)) else { return .failure(.threshold(p.threshold)) }
        guard p.threads == 0 || (try? ParallelWork.validated(threads: Int(p.threads), option: "threads")) != nil else {
            return .failure(.threads(p.threads))
        }
        let widths: [Int]
        if let layers = p.layers {
            guard p.hidden_widths == nil && p.hidden_layer_count == 0 else { return .failure(.bothLayerForms) }
            let text = String(cString: layers)
            do {
                // The widths alone: the ks are checked against the layer count below, with their own message.
                widths = try NetworkShape(k: 1, layers: text).hiddenWidths
            } catch {
                return .failure(.layersText(text, reason: error.description))
            }
        } else {
            let count = p.hidden_layer_count
            guard count >= 0, count <= maxHiddenLayers else { return .failure(.tooManyLayers(UInt(bitPattern: count))) }
            if count > 0 {
                guard let array = p.hidden_widths else { return .failure(.missingWidths(UInt(count))) }
                widths = UnsafeBufferPointer(start: array, count: count).map(Int.init)
            } else {
                widths = []
            }
        }
        guard widths.count <= maxHiddenLayers else { return .failure(.tooManyLayers(UInt(widths.count))) }
        if let bad = widths.firstIndex(where: { $0 < 1 || $0 > LUTNetLimits.maxWidth }) {
            return .failure(.width(index: bad, value: widths[bad]))
        }
        var wiring: WiringSpec?
        if let text = p.wiring.map({ String(cString: $0) }) {
            do { wiring = try WiringSpec(parsing: text) } catch { return .failure(.wiring(text, reason: error.description)) }
        }
        var inputBits: [InputBitFamily] = [.threshold]
        if let text = p.input_bits.map({ String(cString: $0) }) {
            do { inputBits = try InputBitFamily.list(parsing: text, option: "input_bits") } catch {
                return .failure(.inputBits(text, reason: error.description))
            }
        }
        guard ks.values.count <= widths.count + 1 else { return .failure(.layerKsPastLayers(ks.values.count, layers: widths.count + 1)) }
        do {
            let shape = try NetworkShape(ks: ks, hiddenWidths: widths)
            let threads = p.threads == 0 ? ParallelWork.defaultThreads : Int(p.threads)
            let leftAtDefaults = p.layers == defaultLayers && p.layer_ks == nil && p.k == Int32(TrainingPolicy.binaryK)
            return .success(TrainingSettings(shape: shape, threshold: UInt8(p.threshold), seed: p.seed, threads: threads,
                                             wiring: wiring, inputBits: inputBits, shapeLeftAtDefaults: leftAtDefaults))
        } catch {
            // Unreachable: the ks, their count and every width were checked above.
            return .failure(.layersText(widths.map(String.init).joined(separator: ","), reason: error.description))
        }
    }

    /// The ks of `p`: `layer_ks` when it is set, else `k` for every layer.
    private static func layerKs(_ p: lutnet_parameters) -> Result<LayerKs, ParameterProblem> {
        let validK = Int32(1)...Int32(LUTNetLimits.maxK)
        guard let array = p.layer_ks else {
            guard p.layer_k_count == 0 else { return .failure(.missingLayerKs(UInt(bitPattern: p.layer_k_count))) }
            do { return .success(try LayerKs(uniform: Int(p.k))) } catch { return .failure(.k(p.k)) }
        }
        let count = p.layer_k_count
        guard count >= 1, count <= maxHiddenLayers + 1 else { return .failure(.layerKCount(UInt(bitPattern: count))) }
        let values = UnsafeBufferPointer(start: array, count: count)
        do {
            return .success(try LayerKs(values.map(Int.init)))
        } catch {
            let bad = values.firstIndex { !validK.contains($0) } ?? 0
            return .failure(.layerK(index: bad, value: values[bad]))
        }
    }
}

/// A field of `lutnet_parameters` out of range: a static sentence for `lutnet_check_parameters`
/// and a detailed one, with the offending value, for `lutnet_train`.
enum ParameterProblem: Error {
    case missing
    case layout(ParametersLayout.Problem)
    case k(Int32)
    case threshold(Int32)
    case threads(Int32)
    case bothLayerForms
    /// (Counts are `size_t` as the caller gave them: unsigned, so that SIZE_MAX reads as itself.)
    case missingWidths(UInt)
    case tooManyLayers(UInt)
    case width(index: Int, value: Int)
    case layersText(String, reason: String)
    case wiring(String, reason: String)
    case missingLayerKs(UInt)
    case layerKCount(UInt)
    case layerK(index: Int, value: Int32)
    case layerKsPastLayers(Int, layers: Int)
    case inputBits(String, reason: String)

    /// A sentence that lives for the whole process.
    var staticMessage: StaticString {
        switch self {
        case .missing: "parameters is NULL"
        case .layout(let problem): problem.staticMessage
        case .k: "k must be 1 to 16"
        case .threshold: "threshold must be 1 to 255 (an input bit is 1 when its byte is >= threshold)"
        case .threads: "threads must be 0 (one per core) to 1024"
        case .bothLayerForms: "set either layers or hidden_widths, not both (layers must be NULL to use hidden_widths)"
        case .missingWidths: "hidden_widths is NULL but hidden_layer_count is not 0"
        case .tooManyLayers: "at most 1000 hidden layers are supported"
        case .width: "every hidden layer width must be 1 to 16777216"
        case .wiring: "wiring must be random, greedy, local:S or hier:S,NEAR,L, optionally followed by ,grid or ,gridT (e.g. hier:7,64,4)"
        case .layersText: "layers must be DEPTHxWIDTH (e.g. 5x1024) or widths (e.g. 1024,512,256), at most 1000 layers of 1 to 16777216 LUTs"
        case .missingLayerKs: "layer_ks is NULL but layer_k_count is not 0"
        case .layerKCount: "layer_k_count must be 1 to 1001 when layer_ks is set"
        case .layerK: "every value of layer_ks must be 1 to 16"
        case .layerKsPastLayers: "layer_ks has more values than the network has layers (its hidden layers and the output LUT)"
        case .inputBits: "input_bits must list threshold, mean, opponents, thermometer:N (N 1 to 64), neighbours:D (D 0 to 255) or deskew, separated by commas, each at most once"
        }
    }

    /// The same with the value at fault.
    var detail: String {
        switch self {
        case .missing: "parameters is NULL"
        case .layout(let problem): problem.detail
        case .k(let k): "k = \(k) is not supported: a LUT has 1 to \(LUTNetLimits.maxK) inputs"
        case .threshold(let t): "threshold \(t) is not supported: use 1 to 255 (an input bit is 1 when its byte is >= threshold)"
        case .threads(let t): "threads = \(t): use 0 (one per core) to \(ParallelWork.maxThreads)"
        case .bothLayerForms: "both layers and hidden_widths are set: set layers to NULL to use hidden_widths"
        case .missingWidths(let count): "hidden_widths is NULL but hidden_layer_count is \(count)"
        case .tooManyLayers(let count): "\(count) hidden layers: at most \(TrainingSettings.maxHiddenLayers) are supported"
        case .width(let index, let value): "hidden_widths[\(index)] = \(value): a layer has 1 to \(LUTNetLimits.maxWidth) LUTs"
        case .layersText(let text, let reason):
            reason.hasPrefix("invalid layers") ? reason : "invalid layers '\(text)': \(reason)"
        case .wiring(_, let reason): reason
        case .missingLayerKs(let count): "layer_ks is NULL but layer_k_count is \(count)"
        case .layerKCount(let count): "layer_k_count = \(count): give 1 to \(TrainingSettings.maxHiddenLayers + 1) values"
        case .layerK(let index, let value): "layer_ks[\(index)] = \(value): a LUT has 1 to \(LUTNetLimits.maxK) inputs"
        case .layerKsPastLayers(let count, let layers):
            "layer_ks has \(count) values, but the network has only \(layers) layer\(layers == 1 ? "" : "s") (its hidden layers and the output LUT)"
        case .inputBits(_, let reason): reason
        }
    }
}
