import XCTest
@testable import LUTNet

final class ConfigurationTests: XCTestCase {
    func testTasksParseAndSelectExamples() throws {
        let task = try BinaryTask(parsing: "0-4:5-9")
        XCTAssertEqual(task.first, [0, 1, 2, 3, 4])
        XCTAssertEqual(task.second, [5, 6, 7, 8, 9])
        XCTAssertEqual(try BinaryTask(parsing: "1,3,5,7,9:0,2,4,6,8").description, "1,3,5,7,9:0,2,4,6,8")
        XCTAssertEqual(try BinaryTask(parsing: "3:8").description, "3:8")
        let (indices, labels) = try BinaryTask(parsing: "3:8").select(from: [3, 1, 8, 8, 0, 3])
        XCTAssertEqual(indices, [0, 2, 3, 5])
        XCTAssertEqual(labels, [0, 1, 1, 0])
    }

    func testImpossibleTasksAreRefused() {
        for text in ["", "0-4", ":5", "0-4:", "a:b", "4-0:5", "0:1:2", "0-300:1"] {
            XCTAssertThrowsError(try BinaryTask(parsing: text), text) { error in
                guard case .invalidTask = error as? ConfigurationError else { return XCTFail("\(error)") }
            }
        }
        XCTAssertThrowsError(try BinaryTask(parsing: "0-4:4-9")) { error in
            XCTAssertEqual("\(error)", "invalid task '0-4:4-9': class 4 is in both groups")
        }
    }

    func testGroupWithoutExamplesIsRefused() throws {
        let images = try ImageSet(pixels: [0, 255, 0, 255], imageShape: [2], labels: [1, 2], source: "tiny")
        XCTAssertThrowsError(try BinarizedExamples(images: images, task: BinaryTask(parsing: "1:7"), threshold: 128, split: "tiny")) { error in
            XCTAssertEqual(error as? ConfigurationError, .emptyTaskGroup(task: "1:7", group: 1, split: "tiny"))
        }
    }

    func testShapesParseAndImpossibleOnesAreRefused() throws {
        XCTAssertEqual(try NetworkShape(k: 8, layers: "5x1024").hiddenWidths, Array(repeating: 1024, count: 5))
        XCTAssertEqual(try NetworkShape(k: 8, layers: "1024,512,256").hiddenWidths, [1024, 512, 256])
        XCTAssertEqual(try NetworkShape(k: 16, layers: "0").allWidths, [1])
        XCTAssertThrowsError(try NetworkShape(k: 0, layers: "5x1024")) { XCTAssertEqual($0 as? ConfigurationError, .invalidK(0)) }
        XCTAssertThrowsError(try NetworkShape(k: 17, layers: "5x1024")) { XCTAssertEqual($0 as? ConfigurationError, .invalidK(17)) }
        for text in ["3x0", "10,0", "x", "5x", "ten"] {
            XCTAssertThrowsError(try NetworkShape(k: 8, layers: text), text) { error in
                guard case .invalidLayers(let shown, _) = error as? ConfigurationError else { return XCTFail("\(error)") }
                XCTAssertEqual(shown, text)
            }
        }
    }

    func testSeededGeneratorIsStableAndUniform() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        XCTAssertEqual((0..<5).map { _ in a.next() }, (0..<5).map { _ in b.next() })
        var g = SeededGenerator(seed: 1)
        var histogram = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { histogram[Int(g.draw(below: 7))] += 1 }
        XCTAssertTrue(histogram.allSatisfy { abs($0 - 10_000) < 500 }, "\(histogram)")
        var first = SeededGenerator(seed: 1, stream: 1, 2), second = SeededGenerator(seed: 1, stream: 2, 1)
        XCTAssertNotEqual(first.next(), second.next())
    }
}
