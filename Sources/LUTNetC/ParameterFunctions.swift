import CLUTNetAPI
import Foundation
import LUTNet

/// Implements `lutnet_default_parameters` (see lutnet.h).
@c @implementation
public func lutnet_default_parameters(_ parameters: UnsafeMutablePointer<lutnet_parameters>?) {
    parameters?.pointee = lutnet_parameters(k: Int32(TrainingPolicy.binaryK), layers: TrainingSettings.defaultLayers,
                                            hidden_widths: nil, hidden_layer_count: 0,
                                            threshold: Int32(TrainingPolicy.threshold), seed: 0, threads: 0, wiring: nil,
                                            layer_ks: nil, layer_k_count: 0, input_bits: nil)
}

/// Implements `lutnet_check_parameters` (see lutnet.h).
@c @implementation
public func lutnet_check_parameters(_ parameters: UnsafePointer<lutnet_parameters>?) -> UnsafePointer<CChar>? {
    switch TrainingSettings.validate(parameters) {
    case .success: nil
    case .failure(let problem): staticCString(problem.staticMessage)
    }
}
