import Foundation
import XCTest

/// Where the test data lives: the committed fixtures (Data/fixtures, written by
/// Data/make_fixtures.py) and the real datasets beside the package.
enum Fixtures {
    /// The package root: two folders above this file's folder.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Data/fixtures.
    static let root = packageRoot.appendingPathComponent("Data/fixtures")

    /// The path of a fixture, e.g. `path("bad/empty.gz")`.
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// ../shared/datasets next to the package (MNIST, CIFAR-10, IWLS 2020).
    static let sharedDatasets = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")

    /// Fashion-MNIST as the Debian package dataset-fashion-mnist installs it.
    static let fashionMNIST = "/usr/share/datasets/fashion-mnist"

    /// The shared dataset folder `name`, or a skip that says why it is missing.
    static func shared(_ name: String) throws -> String {
        let path = sharedDatasets.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("\(path) is absent: the shared datasets are not next to this checkout")
        }
        return path
    }

    /// A fresh temporary folder, removed when the test ends.
    static func temporaryFolder(for test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lutnet-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// A small, fast, seeded random number generator (SplitMix64), so that randomized tests repeat.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
