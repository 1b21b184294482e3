import CLUTNetAPI
import LUTNet

/// Implements `lutnet_predict` (see lutnet.h).
@c @implementation
public func lutnet_predict(_ model: OpaquePointer?, _ pixels: UnsafePointer<UInt8>?, _ count: Int,
                           _ features: Int, _ predictions: UnsafeMutablePointer<UInt8>?,
                           _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    reportingOutcome(to: error) { () throws(APIFailure) in
        let function = "lutnet_predict"
        let handle = ModelHandle.borrow(try required(model, function, "model"))
        let pixels = try required(pixels, function, "pixels")
        let out = try required(predictions, function, "predictions")
        let count = try positiveCount(count, function, "count")
        let features = try positiveCount(features, function, "features")
        try checkInputSize(handle.model.featureCount, features: features, of: nil, function)
        let bytes = try byteCount(count: count, features: features, function)
        let images: ImageSet
        do throws(DatasetError) {
            images = try ImageSet(pixels: Array(UnsafeBufferPointer(start: pixels, count: bytes)),
                                  imageShape: [features], labels: [UInt8](repeating: 0, count: count),
                                  source: function)
        } catch {
            throw APIFailure(error)
        }
        let answers = try modelAnswers(of: handle, on: images, function)
        out.update(from: answers, count: answers.count)
    }
}

/// Implements `lutnet_predict_dataset` (see lutnet.h).
@c @implementation
public func lutnet_predict_dataset(_ model: OpaquePointer?, _ dataset: OpaquePointer?, _ split: lutnet_split,
                                   _ predictions: UnsafeMutablePointer<UInt8>?, _ capacity: Int,
                                   _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    reportingOutcome(to: error) { () throws(APIFailure) in
        let function = "lutnet_predict_dataset"
        let handle = ModelHandle.borrow(try required(model, function, "model"))
        let data = DatasetHandle.borrow(try required(dataset, function, "dataset"))
        let out = try required(predictions, function, "predictions")
        let images = try data.images(split, function)
        guard capacity >= images.count else {
            throw .invalid(function, "predictions has room for \(UInt(bitPattern: capacity)) answers but the split has \(images.count) examples")
        }
        let answers = try modelAnswers(of: handle, on: images, function)
        out.update(from: answers, count: answers.count)
    }
}

/// Implements `lutnet_accuracy` (see lutnet.h).
@c @implementation
public func lutnet_accuracy(_ model: OpaquePointer?, _ dataset: OpaquePointer?, _ split: lutnet_split,
                            _ task: UnsafePointer<CChar>?, _ accuracy: UnsafeMutablePointer<Double>?,
                            _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    reportingOutcome(to: error) { () throws(APIFailure) in
        let function = "lutnet_accuracy"
        let handle = ModelHandle.borrow(try required(model, function, "model"))
        let data = DatasetHandle.borrow(try required(dataset, function, "dataset"))
        let out = try required(accuracy, function, "accuracy")
        let images = try data.images(split, function)
        try checkInputSize(handle.model.featureCount, images, function)
        guard case .binary(let network) = handle.model else {
            guard case .multiClass(let network) = handle.model else { return }
            do throws(ConfigurationError) {
                // A binary task read through its classes: the accuracy of its groups.
                if network.groups != nil {
                    let binaryTask = try task.map { text throws(ConfigurationError) in try BinaryTask(parsing: String(cString: text)) }
                    out.pointee = try network.groupAccuracy(on: images, task: binaryTask, threads: handle.threads)
                    return
                }
                let multiClassTask = try task.map { text throws(ConfigurationError) in
                    try MultiClassTask(parsing: String(cString: text))
                } ?? network.task
                guard multiClassTask.classCount == network.classCount else {
                    throw .invalidTask(multiClassTask.description, reason: "the model tells \(network.classCount) classes apart")
                }
                let examples = try MultiClassExamples(images: images, task: multiClassTask, threshold: network.threshold,
                                                      split: images.source, everyClass: false, encoding: network.encoding)
                out.pointee = ConfusionMatrix(actual: examples.classes, predicted: try network.predict(inputs: examples.inputs, threads: handle.threads),
                                              classCount: network.classCount).accuracy
            } catch {
                throw APIFailure(error, in: function)
            }
            return
        }
        do throws(ConfigurationError) {
            let binaryTask = try task.map { text throws(ConfigurationError) in
                try BinaryTask(parsing: String(cString: text))
            } ?? network.task
            let examples = try BinarizedExamples(images: images, task: binaryTask, threshold: network.threshold,
                                                 encoding: network.encoding, split: images.source)
            out.pointee = try network.accuracy(on: examples, threads: handle.threads)
        } catch {
            throw APIFailure(error, in: function)
        }
    }
}

/// The model's answers for every example of `images`, after checking their size.
func modelAnswers(of handle: ModelHandle, on images: ImageSet, _ function: String) throws(APIFailure) -> [UInt8] {
    try checkInputSize(handle.model.featureCount, images, function)
    do throws(ConfigurationError) {
        return try handle.model.predict(images, threads: handle.threads)
    } catch {
        throw APIFailure(error, in: function)
    }
}

/// Refuses the examples of `images` when their size differs from the model's inputs.
func checkInputSize(_ inputCount: Int, _ images: ImageSet, _ function: String) throws(APIFailure) {
    try checkInputSize(inputCount, features: images.featureCount, of: images.source, function)
}

/// Refuses examples of `features` bytes each (from `source`, when they have one) when the model
/// reads another number: the one message of every entry point for a batch of the wrong size.
func checkInputSize(_ inputCount: Int, features: Int, of source: String?, _ function: String) throws(APIFailure) {
    guard features != inputCount else { return }
    throw APIFailure(status: LUTNET_ERROR_SIZE_MISMATCH, message: "\(function): the examples"
                     + (source.map { " of \($0)" } ?? "") + " have \(features) bytes each but the model reads \(inputCount)")
}
