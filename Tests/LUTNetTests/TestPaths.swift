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

    /// The build folder that holds the test bundle and the package's other products.
    static let buildFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()

    /// A product built beside the tests (the `lutnet` tool, the C library), or a skip if absent.
    static func builtProduct(_ name: String) throws -> String {
        let path = buildFolder.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("\(path) was not built: run the tests with 'swift test', which builds every product")
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
