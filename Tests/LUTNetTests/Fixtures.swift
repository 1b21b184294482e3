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

    /// Fashion-MNIST as the Debian package dataset-fashion-mnist installs it, or a skip that says
    /// why it is missing.
    static func fashionMNIST() throws -> String {
        let path = "/usr/share/datasets/fashion-mnist"
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("\(path) is absent: install the Debian package dataset-fashion-mnist")
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

    /// The shared dataset folder `name`, or a skip that says why it is missing.
    static func shared(_ name: String) throws -> String {
        let path = sharedDatasets.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("\(path) is absent: the shared datasets are not next to this checkout")
        }
        return path
    }

    /// The sanitizer this test process runs under (`swift test --sanitize=address` or `thread`),
    /// found by its runtime's entry point, or nil.
    static let sanitizer: String? = {
        // dlsym with a null handle (RTLD_DEFAULT) searches every object already loaded.
        if dlsym(nil, "__asan_init") != nil { return "address" }
        if dlsym(nil, "__tsan_init") != nil { return "thread" }
        return nil
    }()

    /// A fresh temporary folder, removed when the test ends.
    static func temporaryFolder(for test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lutnet-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
