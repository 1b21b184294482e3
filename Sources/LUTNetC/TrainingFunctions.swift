import CLUTNetAPI
import Foundation
import LUTNet

/// Implements `lutnet_train_sized` (see lutnet.h).
@c @implementation
public func lutnet_train_sized(_ dataset: OpaquePointer?, _ task: UnsafePointer<CChar>?,
                         _ parameters: UnsafePointer<lutnet_parameters>?,
                         _ model: UnsafeMutablePointer<OpaquePointer?>?,
                         _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    model?.pointee = nil
    return reportingOutcome(to: error) { () throws(APIFailure) in
        let function = "lutnet_train"
        let data = DatasetHandle.borrow(try required(dataset, function, "dataset")).dataset
        let taskText = try string(task, function, "task")
        let out = try required(model, function, "model")
        let settings: TrainingSettings
        switch TrainingSettings.validate(parameters) {
        case .success(let valid): settings = valid
        case .failure(.missing): throw .null(function, "parameters")
        case .failure(let problem):
            throw APIFailure(status: LUTNET_ERROR_INVALID_PARAMETERS, message: "\(function): \(problem.detail)")
        }
        let trained: TrainedModel
        do throws(ConfigurationError) {
            switch try ClassTask(parsing: taskText, for: data) {
            case .binary(let binaryTask):
                let encoding = try InputEncoding(families: settings.inputBits, for: data.train)
                let examples = try BinarizedExamples(images: data.train, task: binaryTask, threshold: settings.threshold,
                                                     encoding: encoding, split: data.train.source)
                let options = TrainingOptions(shape: settings.shape, seed: settings.seed, threads: settings.threads,
                                              wiring: settings.wiring ?? .random)
                trained = .binary(try LUTNetwork.train(on: examples, options: options,
                                                       dataShape: encoding.encodedShape(data.train.imageShape)).network)
            case .multiClass(let multiClassTask):
                let shape = settings.shape(for: .multiClass(multiClassTask))
                guard shape.uniformK != nil else {
                    throw .invalidValue(option: "layer_ks", reason: "\(shape.ks) differ, but task '\(taskText)' is multi-class: \(LayerKs.multiClassReason)")
                }
                let encoding = try InputEncoding(families: settings.inputBits, for: data.train)
                let examples = try MultiClassExamples(images: data.train, task: multiClassTask, threshold: settings.threshold,
                                                      split: data.train.source, encoding: encoding)
                // Without a wiring, the policy's windows (as the command's).
                let window = TrainingPolicy.multiClassWindow(forImageShape: data.train.imageShape)
                let options = MultiClassTrainingOptions(shape: shape, seed: settings.seed,
                                                        wiring: settings.wiring ?? .windowOnly(window), threads: settings.threads)
                trained = .multiClass(try MultiClassNetwork.train(on: examples, options: options).network)
            }
        } catch {
            throw APIFailure(error, in: function)
        }
        out.pointee = ModelHandle(trained, threads: settings.threads).retainedPointer()
    }
}
