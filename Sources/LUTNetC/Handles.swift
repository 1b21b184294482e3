import CLUTNetAPI
import Foundation
import LUTNet

/// What a `lutnet_dataset *` points to: an immutable dataset, kept alive by the handle's retain.
final class DatasetHandle: Sendable {
    let dataset: Dataset

    init(_ dataset: Dataset) { self.dataset = dataset }

    /// The split `split`, or nil if the dataset has none (or `split` is not a split).
    func images(_ split: lutnet_split) -> ImageSet? {
        switch split {
        case LUTNET_SPLIT_TRAIN: dataset.train
        case LUTNET_SPLIT_TEST: dataset.test
        default: nil
        }
    }

    /// The split `split`, or an invalid-argument failure saying why it is absent.
    func images(_ split: lutnet_split, _ function: String) throws(APIFailure) -> ImageSet {
        guard let images = images(split) else {
            throw split == LUTNET_SPLIT_TEST
                ? .invalid(function, "\(dataset.location) has no test split")
                : .invalid(function, "split \(split.rawValue) is not LUTNET_SPLIT_TRAIN or LUTNET_SPLIT_TEST")
        }
        return images
    }

    /// A new +1 reference for the caller, who releases it with `lutnet_dataset_free`.
    func retainedPointer() -> OpaquePointer { OpaquePointer(Unmanaged.passRetained(self).toOpaque()) }

    /// The handle behind a pointer made by `retainedPointer` (not consumed).
    static func borrow(_ pointer: OpaquePointer) -> DatasetHandle {
        Unmanaged<DatasetHandle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
    }

    /// Gives back the reference `retainedPointer` made.
    static func release(_ pointer: OpaquePointer) {
        Unmanaged<DatasetHandle>.fromOpaque(UnsafeRawPointer(pointer)).release()
    }
}

/// What a `lutnet_model *` points to: an immutable model (a binary network or a multi-class
/// model), the threads its predictions use, and its task as a C string owned by the handle.
final class ModelHandle: @unchecked Sendable {
    let model: TrainedModel
    let threads: Int
    /// NUL-terminated canonical task text; written once in `init`, freed in `deinit`.
    let task: UnsafeMutablePointer<CChar>

    init(_ model: TrainedModel, threads: Int) {
        self.model = model
        self.threads = threads
        let text = Array(model.taskText.utf8CString)
        task = UnsafeMutablePointer<CChar>.allocate(capacity: text.count)
        task.initialize(from: text, count: text.count)
    }

    deinit { task.deallocate() }

    /// A new +1 reference for the caller, who releases it with `lutnet_model_free`.
    func retainedPointer() -> OpaquePointer { OpaquePointer(Unmanaged.passRetained(self).toOpaque()) }

    /// The handle behind a pointer made by `retainedPointer` (not consumed).
    static func borrow(_ pointer: OpaquePointer) -> ModelHandle {
        Unmanaged<ModelHandle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
    }

    /// Gives back the reference `retainedPointer` made.
    static func release(_ pointer: OpaquePointer) {
        Unmanaged<ModelHandle>.fromOpaque(UnsafeRawPointer(pointer)).release()
    }
}
