import Foundation
import LUTNet
import XCTest

/// The loaders on the real datasets: exact example counts, shapes and class counts. Each test skips,
/// saying why, when its data is not on this machine.
final class RealDatasetTests: XCTestCase {
    func testMNIST() throws {
        let dataset = try DatasetLoader.load(path: try Fixtures.shared("mnist"))
        XCTAssertEqual(dataset.train.count, 60_000)
        XCTAssertEqual(dataset.train.imageShape, [28, 28])
        XCTAssertEqual(dataset.train.classCounts(), [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        let test = try XCTUnwrap(dataset.test)
        XCTAssertEqual(test.count, 10_000)
        XCTAssertEqual(test.imageShape, [28, 28])
        XCTAssertEqual(test.classCounts(), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    }

    func testFashionMNIST() throws {
        let dataset = try DatasetLoader.load(path: try Fixtures.fashionMNIST())
        XCTAssertEqual(dataset.train.count, 60_000)
        XCTAssertEqual(dataset.train.imageShape, [28, 28])
        XCTAssertEqual(dataset.train.classCounts(), [Int](repeating: 6000, count: 10))
        let test = try XCTUnwrap(dataset.test)
        XCTAssertEqual(test.count, 10_000)
        XCTAssertEqual(test.classCounts(), [Int](repeating: 1000, count: 10))
    }

    func testCIFAR10() throws {
        let dataset = try DatasetLoader.load(path: try Fixtures.shared("cifar10"))
        XCTAssertEqual(dataset.train.count, 50_000)
        XCTAssertEqual(dataset.train.imageShape, [32, 32, 3])
        XCTAssertEqual(dataset.train.featureCount, 3072)
        XCTAssertEqual(dataset.train.classCounts(), [Int](repeating: 5000, count: 10))
        let test = try XCTUnwrap(dataset.test)
        XCTAssertEqual(test.count, 10_000)
        XCTAssertEqual(test.imageShape, [32, 32, 3])
        XCTAssertEqual(test.classCounts(), [Int](repeating: 1000, count: 10))
    }
}
