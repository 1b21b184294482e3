import CLUTNetAPI
import LUTNet

/// Implements `lutnet_model_save` (see lutnet.h).
@c @implementation
public func lutnet_model_save(_ model: OpaquePointer?, _ path: UnsafePointer<CChar>?,
                              _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    reportingOutcome(to: error) { () throws(APIFailure) in
        let function = "lutnet_model_save"
        let handle = ModelHandle.borrow(try required(model, function, "model"))
        let path = try string(path, function, "path")
        do throws(ModelFileError) {
            switch handle.model {
            case .binary(let network): try ModelFile.save(network, to: path)
            case .multiClass(let network): try ModelFile.save(network, to: path)
            }
        } catch {
            throw APIFailure(error)
        }
    }
}

/// Implements `lutnet_model_load` (see lutnet.h).
@c @implementation
public func lutnet_model_load(_ path: UnsafePointer<CChar>?, _ model: UnsafeMutablePointer<OpaquePointer?>?,
                              _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    model?.pointee = nil
    return reportingOutcome(to: error) { () throws(APIFailure) in
        let function = "lutnet_model_load"
        let path = try string(path, function, "path")
        let out = try required(model, function, "model")
        let loaded: TrainedModel
        do throws(ModelFileError) {
            loaded = try ModelFile.loadModel(from: path)
        } catch {
            throw APIFailure(error)
        }
        out.pointee = ModelHandle(loaded, threads: ParallelWork.defaultThreads).retainedPointer()
    }
}

/// Implements `lutnet_model_input_count` (see lutnet.h).
@c @implementation
public func lutnet_model_input_count(_ model: OpaquePointer?) -> Int {
    guard let model else { return 0 }
    return ModelHandle.borrow(model).model.featureCount
}

/// Implements `lutnet_model_class_count` (see lutnet.h).
@c @implementation
public func lutnet_model_class_count(_ model: OpaquePointer?) -> Int {
    guard let model else { return 0 }
    return ModelHandle.borrow(model).model.classCount
}

/// Implements `lutnet_model_task` (see lutnet.h).
@c @implementation
public func lutnet_model_task(_ model: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let model else { return nil }
    return UnsafePointer(ModelHandle.borrow(model).task)
}

/// Implements `lutnet_model_free` (see lutnet.h).
@c @implementation
public func lutnet_model_free(_ model: OpaquePointer?) {
    if let model { ModelHandle.release(model) }
}
