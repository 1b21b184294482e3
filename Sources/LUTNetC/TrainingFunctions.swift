import CLUTNetAPI
import Foundation
import LUTNet

/// Implements `lutnet_train` (see lutnet.h).
@c @implementation
public func lutnet_train(_ dataset: OpaquePointer?, _ task: UnsafePointer<CChar>?,
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
        let network: LUTNetwork
        do {
            let binaryTask = try BinaryTask(parsing: taskText)
            let examples = try BinarizedExamples(images: data.train, task: binaryTask,
                                                 threshold: settings.threshold, split: data.train.source)
            try TrainingMemory.check(settings.shape, examples: examples.count, inputs: examples.inputs.rowCount,
                                     threads: settings.threads, function)
            let trainer = MemorizationTrainer(shape: settings.shape, seed: settings.seed, threads: settings.threads)
            network = trainer.train(on: examples, task: binaryTask, threshold: settings.threshold).0
        } catch let failure as APIFailure {
            throw failure
        } catch let problem as ConfigurationError {
            throw APIFailure(problem, in: function)
        } catch {
            throw APIFailure(status: LUTNET_ERROR_INVALID_PARAMETERS, message: "\(function): \(error)")
        }
        out.pointee = ModelHandle(network, threads: settings.threads).retainedPointer()
    }
}

/// A conservative estimate of the memory training takes, so that a network far too large for
/// the machine is refused with an error instead of failing to allocate (which aborts the process).
enum TrainingMemory {
    /// Bytes of the tables and wiring of every layer, two layers' outputs on the training
    /// examples, the binarized inputs, and the pattern counters of every worker (the trainer
    /// runs up to one worker per LUT of the widest layer, each with 2^(k+1) counters).
    static func bytes(_ shape: NetworkShape, examples: Int, inputs: Int, threads: Int) -> Double {
        let tableBytes = Double(LUTLayer.tableWords(k: shape.k)) * 8
        let rowBytes = Double((examples + 63) / 64) * 8
        let widths = shape.allWidths.map(Double.init)
        let model = widths.reduce(0) { $0 + $1 * (tableBytes + Double(shape.k) * 4) }
        let outputs = 2 * (widths.max() ?? 1) * rowBytes
        let workers = min(Double(threads), widths.max() ?? 1)
        let counters = workers * Double(1 << (shape.k + 1)) * 4
        return model + outputs + Double(inputs) * rowBytes + counters
    }

    /// Refuses a network whose training needs more memory than the machine has.
    static func check(_ shape: NetworkShape, examples: Int, inputs: Int, threads: Int,
                      _ function: String) throws(APIFailure) {
        let needed = bytes(shape, examples: examples, inputs: inputs, threads: threads)
        let available = Double(ProcessInfo.processInfo.physicalMemory)
        guard needed <= available else {
            let gib = 1024.0 * 1024 * 1024
            throw APIFailure(status: LUTNET_ERROR_INVALID_PARAMETERS, message: String(
                format: "%@: a network of %@ on %d examples needs about %.1f GiB, more than this machine's %.1f GiB",
                function, shape.description, examples, needed / gib, available / gib))
        }
    }
}
