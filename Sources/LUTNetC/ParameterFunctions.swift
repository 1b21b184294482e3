import CLUTNetAPI
import Foundation
import LUTNet

/// The defaults documented in lutnet.h (the library's `TrainingPolicy`), in this library's layout
/// (with its own size).
func defaultParameters() -> lutnet_parameters {
    lutnet_parameters(size: ParametersLayout.size, k: Int32(TrainingPolicy.binaryK), layers: TrainingSettings.defaultLayers,
                      hidden_widths: nil, hidden_layer_count: 0, threshold: Int32(TrainingPolicy.threshold), seed: 0,
                      threads: 0, wiring: nil, layer_ks: nil, layer_k_count: 0, input_bits: nil)
}

/// Implements `lutnet_default_parameters_sized` (see lutnet.h).
@c @implementation
public func lutnet_default_parameters_sized(_ parameters: UnsafeMutablePointer<lutnet_parameters>?, _ size: Int) {
    guard let parameters else { return }
    ParametersLayout.write(defaultParameters(), to: parameters, size: size)
}

/// Implements `lutnet_check_parameters_sized` (see lutnet.h).
@c @implementation
public func lutnet_check_parameters_sized(_ parameters: UnsafePointer<lutnet_parameters>?) -> UnsafePointer<CChar>? {
    switch TrainingSettings.validate(parameters) {
    case .success: nil
    case .failure(let problem): staticCString(problem.staticMessage)
    }
}
