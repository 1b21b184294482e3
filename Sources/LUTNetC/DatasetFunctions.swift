import CLUTNetAPI
import LUTNet

/// Implements `lutnet_dataset_load` (see lutnet.h).
@c @implementation
public func lutnet_dataset_load(_ folder: UnsafePointer<CChar>?, _ dataset: UnsafeMutablePointer<OpaquePointer?>?,
                                _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    dataset?.pointee = nil
    return reportingOutcome(to: error) { () throws(APIFailure) in
        let function = "lutnet_dataset_load"
        let path = try string(folder, function, "folder")
        let out = try required(dataset, function, "dataset")
        let loaded: Dataset
        do throws(DatasetError) { loaded = try DatasetLoader.load(path: path) } catch { throw APIFailure(error) }
        out.pointee = DatasetHandle(loaded).retainedPointer()
    }
}

/// Implements `lutnet_dataset_from_memory` (see lutnet.h).
@c @implementation
public func lutnet_dataset_from_memory(_ pixels: UnsafePointer<UInt8>?, _ labels: UnsafePointer<UInt8>?,
                                       _ count: Int, _ features: Int,
                                       _ dataset: UnsafeMutablePointer<OpaquePointer?>?,
                                       _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    dataset?.pointee = nil
    return reportingOutcome(to: error) { () throws(APIFailure) in
        let function = "lutnet_dataset_from_memory"
        try makeDataset(pixels, labels, count, function, into: dataset) { () throws(APIFailure) in
            [try positiveCount(features, function, "features")]
        }
    }
}

/// Implements `lutnet_dataset_from_images` (see lutnet.h).
@c @implementation
public func lutnet_dataset_from_images(_ pixels: UnsafePointer<UInt8>?, _ labels: UnsafePointer<UInt8>?,
                                       _ count: Int, _ height: Int, _ width: Int, _ channels: Int,
                                       _ dataset: UnsafeMutablePointer<OpaquePointer?>?,
                                       _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    dataset?.pointee = nil
    return reportingOutcome(to: error) { () throws(APIFailure) in
        let function = "lutnet_dataset_from_images"
        try makeDataset(pixels, labels, count, function, into: dataset) { () throws(APIFailure) in
            let sides = [try positiveCount(height, function, "height"), try positiveCount(width, function, "width")]
            let channels = try positiveCount(channels, function, "channels")
            let (area, areaOverflow) = sides[0].multipliedReportingOverflow(by: sides[1])
            let (product, overflow) = area.multipliedReportingOverflow(by: channels)
            guard !areaOverflow, !overflow else {
                throw .invalid(function, "height × width × channels (\(sides[0]) × \(sides[1]) × \(channels)) overflows")
            }
            _ = try positiveCount(product, function, "height × width × channels")
            // Gray images are H × W, as an IDX file of three dimensions gives them.
            return channels == 1 ? sides : sides + [channels]
        }
    }
}

/// The body of the entry points that make a dataset from memory: checks the pointers and `count`,
/// takes the shape of one example from `shape` (which checks its own arguments), copies `count`
/// examples of that shape and their labels, and writes a new handle to `dataset`.
private func makeDataset(_ pixels: UnsafePointer<UInt8>?, _ labels: UnsafePointer<UInt8>?, _ count: Int,
                         _ function: String, into dataset: UnsafeMutablePointer<OpaquePointer?>?,
                         shape: () throws(APIFailure) -> [Int]) throws(APIFailure) {
    let pixels = try required(pixels, function, "pixels")
    let labels = try required(labels, function, "labels")
    let out = try required(dataset, function, "dataset")
    let count = try positiveCount(count, function, "count")
    let shape = try shape()
    let bytes = try byteCount(count: count, features: shape.reduce(1, *), function)
    let source = "dataset from memory"
    let made: Dataset
    do throws(DatasetError) {
        let images = try ImageSet(pixels: Array(UnsafeBufferPointer(start: pixels, count: bytes)),
                                  imageShape: shape,
                                  labels: Array(UnsafeBufferPointer(start: labels, count: count)),
                                  source: source)
        made = try Dataset(train: images, test: nil, location: source)
    } catch {
        throw APIFailure(error)
    }
    out.pointee = DatasetHandle(made).retainedPointer()
}

/// Implements `lutnet_dataset_count` (see lutnet.h).
@c @implementation
public func lutnet_dataset_count(_ dataset: OpaquePointer?, _ split: lutnet_split) -> Int {
    guard let dataset else { return 0 }
    return DatasetHandle.borrow(dataset).images(split)?.count ?? 0
}

/// Implements `lutnet_dataset_features` (see lutnet.h).
@c @implementation
public func lutnet_dataset_features(_ dataset: OpaquePointer?) -> Int {
    guard let dataset else { return 0 }
    return DatasetHandle.borrow(dataset).dataset.train.featureCount
}

/// Implements `lutnet_dataset_free` (see lutnet.h).
@c @implementation
public func lutnet_dataset_free(_ dataset: OpaquePointer?) {
    if let dataset { DatasetHandle.release(dataset) }
}
