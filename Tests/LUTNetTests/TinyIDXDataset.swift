import Foundation
@testable import LUTNet

/// A small MNIST-layout dataset written as plain IDX files: 8×8 images of ten classes, each class
/// lighting its own column and row, with seeded noise. Small enough for valgrind.
enum TinyIDXDataset {
    static let side = 8

    /// Writes train-… (`trainCount` examples) and t10k-… (`testCount`) files into `folder`.
    static func write(to folder: URL, trainCount: Int = 400, testCount: Int = 100, seed: UInt64 = 11) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var generator = SeededGenerator(seed: seed)
        for (prefix, count) in [("train", trainCount), ("t10k", testCount)] {
            var pixels: [UInt8] = []
            var labels: [UInt8] = []
            for _ in 0..<count {
                let label = Int(generator.draw(below: 10))
                labels.append(UInt8(label))
                for row in 0..<side {
                    for column in 0..<side {
                        var on = column == label % side || row == (label * 3) % side
                        if generator.draw(below: 10) == 0 { on.toggle() }
                        pixels.append(on ? UInt8(160 + generator.draw(below: 96)) : UInt8(generator.draw(below: 100)))
                    }
                }
            }
            try idx(type: 0x08, dims: [count, side, side], payload: pixels)
                .write(to: folder.appendingPathComponent("\(prefix)-images-idx3-ubyte"))
            try idx(type: 0x08, dims: [count], payload: labels)
                .write(to: folder.appendingPathComponent("\(prefix)-labels-idx1-ubyte"))
        }
    }

    /// `data` as a gzip file of stored (uncompressed) deflate blocks, with its CRC-32 and length.
    static func gzip(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]
        var start = 0
        repeat {
            let count = min(65535, bytes.count - start)
            let final: UInt8 = start + count == bytes.count ? 1 : 0
            out += [final, UInt8(count & 0xff), UInt8(count >> 8), UInt8(~count & 0xff), UInt8(~count >> 8 & 0xff)]
            out += bytes[start ..< start + count]
            start += count
        } while start < bytes.count
        for value in [ModelFile.crc(bytes[...]), UInt32(truncatingIfNeeded: bytes.count)] {
            withUnsafeBytes(of: value.littleEndian) { out += $0 }
        }
        return Data(out)
    }

    /// An IDX file's bytes: the magic (0, 0, type, rank), big-endian dimensions, the payload.
    static func idx(type: UInt8, dims: [Int], payload: [UInt8]) -> Data {
        var bytes: [UInt8] = [0, 0, type, UInt8(dims.count)]
        for dim in dims { withUnsafeBytes(of: UInt32(dim).bigEndian) { bytes.append(contentsOf: $0) } }
        return Data(bytes + payload)
    }
}
