import ArgumentParser
import Foundation
import LUTNet
import LUTNetExperiments

/// `lutnet info PATH`: what a dataset folder or one IDX file holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show shape, element type, class counts and pixel statistics of a dataset folder or IDX file."
    )

    @Argument(help: "A dataset (folder, CIFAR-10 archive or PLA file) or one IDX file (.gz or plain).")
    var path: String = DatasetLoader.defaultLocation

    func run() throws {
        var isDirectory: ObjCBool = false
        // A single file that is not a PLA file or an archive is read as one IDX tensor.
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
           !PLALoader.isPLAPath(path), !DatasetLoader.isArchivePath(path) {
            try describeFile()
            return
        }
        let dataset = try DatasetLoader.load(path: path)
        print("dataset \(dataset.location)")
        describe(split: "train", dataset.train)
        if let test = dataset.test { describe(split: "test", test) } else { print("test: none") }
        let identity = DataIdentity(dataset: dataset)
        print("checksum: CRC-32 \(identity.checksumText) (the data_crc32 experiment results record; their default "
              + "folder is \(DataIdentity.resultsFolder(name: ExperimentSettings.dataName(location: path), identities: [identity])))")
    }

    private func describe(split: String, _ images: ImageSet) {
        let shape = images.imageShape.map(String.init).joined(separator: "×")
        print("\(split): \(images.count.formatted()) images of \(shape) unsigned bytes (\(images.source))")
        let counts = images.classCounts()
        print("  classes: \(counts.count); counts: \(counts.map(String.init).joined(separator: " "))")
        let stats = PixelStatistics(of: images)
        print(String(format: "  pixels: min %d, max %d, mean %.2f, std %.2f, %.1f%% >= %d",
                     Int(stats.minimum), Int(stats.maximum), stats.mean, stats.standardDeviation,
                     100 * stats.fractionAtOrAboveThreshold, Int(stats.threshold)))
    }

    private func describeFile() throws {
        let tensor = try IDXTensor.read(path: path)
        let shape = tensor.shape.map(String.init).joined(separator: "×")
        print("\(path): \(shape) \(tensor.elementType) elements")
        let values = tensor.doubleValues()
        if tensor.shape.count == 1, tensor.elementType == .uint8 {
            var counts = [Int](repeating: 0, count: 256)
            for value in values { counts[Int(value)] += 1 }
            let last = counts.lastIndex { $0 > 0 } ?? -1
            print("  class counts: \(counts.prefix(last + 1).map(String.init).joined(separator: " "))")
        }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        print(String(format: "  values: min %g, max %g, mean %.4g, std %.4g",
                     values.min() ?? 0, values.max() ?? 0, mean, variance.squareRoot()))
    }
}
