import Foundation
import XCTest

/// Where the tests find their data.
enum TestPaths {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The committed fixtures.
    static let fixtures = packageRoot.appendingPathComponent("Data/fixtures").path

    /// ../shared/datasets beside the package, or a skip that says why it is absent.
    static func sharedDataset(_ name: String) throws -> String {
        let path = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets/\(name)").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("\(path) is absent: the shared datasets are not on this machine")
        }
        return path
    }

    /// Fashion-MNIST from the Debian package, or a skip that says why it is absent.
    static func fashionMNIST() throws -> String {
        let path = "/usr/share/datasets/fashion-mnist"
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("\(path) is absent: install the Debian package dataset-fashion-mnist")
        }
        return path
    }
}
