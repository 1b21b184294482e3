@testable import LUTNet

/// A small generated dataset for fast experiment tests: 8×8 images of `classes` classes; each
/// class lights its own 12 pixels with probability 0.9, every other pixel lights with
/// probability 0.1. Learnable, and fast in a debug build.
enum TinyDataset {
    static func make(classes: Int = 4, trainPerClass: Int = 60, testPerClass: Int = 20, seed: UInt64 = 1) throws -> Dataset {
        var generator = SeededGenerator(seed: seed)
        let pixels = 64
        let lit: [Set<Int>] = (0..<classes).map { _ in
            var chosen = Set<Int>()
            while chosen.count < 12 { chosen.insert(Int(generator.draw(below: UInt64(pixels)))) }
            return chosen
        }
        func split(_ perClass: Int, name: String) throws -> ImageSet {
            var bytes: [UInt8] = [], labels: [UInt8] = []
            for i in 0..<(perClass * classes) {
                let c = i % classes
                labels.append(UInt8(c))
                for p in 0..<pixels {
                    let on = generator.draw(below: 10) < (lit[c].contains(p) ? 9 : 1)
                    bytes.append(on ? 220 : 10)
                }
            }
            return try ImageSet(pixels: bytes, imageShape: [8, 8], labels: labels, source: "tiny/\(name)")
        }
        return try Dataset(train: try split(trainPerClass, name: "train"), test: try split(testPerClass, name: "test"),
                           location: "generated/tiny")
    }

    /// A temporary folder, removed when the test ends.
    static func temporaryFolder(_ test: XCTestCase) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lutnet-\(UUID().uuidString)").path
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}

import Foundation
import XCTest
