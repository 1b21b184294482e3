import CLUTNetAPI

/// Implements `lutnet_default_parameters` (see lutnet.h).
@c @implementation
public func lutnet_default_parameters(_ parameters: UnsafeMutablePointer<lutnet_parameters>?) {
    parameters?.pointee = lutnet_parameters(k: 8, layers: staticCString("5x1024"), hidden_widths: nil,
                                            hidden_layer_count: 0, threshold: 128, seed: 0, threads: 0, wiring: nil,
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
