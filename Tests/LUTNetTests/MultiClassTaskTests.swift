import XCTest
@testable import LUTNet

/// Multi-class tasks: parsing, `all`, and every bad task refused with a message naming it.
final class MultiClassTaskTests: XCTestCase {
    private func reason(_ text: String, _ dataset: Dataset) -> String? {
        do {
            _ = try ClassTask(parsing: text, for: dataset)
            return nil
        } catch {
            guard case .invalidTask(let task, let reason) = error else { return "unexpected \(error)" }
            XCTAssertEqual(task, text, "the message names the task as given")
            return reason
        }
    }

    func testThreeOrMoreGroupsAreMultiClassAndTwoStayBinary() throws {
        let data = try TinyDataset.make(classes: 6)
        guard case .multiClass(let task) = try ClassTask(parsing: "0:1:2:3:4:5", for: data) else { return XCTFail("multi-class") }
        XCTAssertEqual(task.groups, [[0], [1], [2], [3], [4], [5]])
        guard case .multiClass(let grouped) = try ClassTask(parsing: "0-1:2,3:5", for: data) else { return XCTFail("multi-class") }
        XCTAssertEqual(grouped.groups, [[0, 1], [2, 3], [5]])
        XCTAssertEqual(grouped.description, "0,1:2,3:5")
        let selected = grouped.select(from: [0, 4, 5, 3, 1])
        XCTAssertEqual(selected.indices, [0, 2, 3, 4])
        XCTAssertEqual(selected.classes, [0, 2, 1, 0])
        XCTAssertEqual(try ClassTask(parsing: "0-2:3-5", for: data), .binary(try BinaryTask(parsing: "0-2:3-5")))
    }

    func testAllIsEveryClassOfTheData() throws {
        let six = try TinyDataset.make(classes: 6)
        XCTAssertEqual(try ClassTask(parsing: "all", for: six), .multiClass(try MultiClassTask(parsing: "0:1:2:3:4:5")))
        let two = try TinyDataset.make(classes: 2)
        XCTAssertEqual(try ClassTask(parsing: "all", for: two), .binary(try BinaryTask(parsing: "0:1")))
    }

    func testBadTasksAreRefusedNamingTheTask() throws {
        let data = try TinyDataset.make(classes: 4)
        XCTAssertEqual(reason("3", data), "expected two class groups separated by ':' (e.g. 0-4:5-9)")
        XCTAssertEqual(reason("0:1:12", data), "class 12 has no example in tiny/train")
        XCTAssertEqual(reason("0:1,2:2", data), "class 2 is in more than one group")
        XCTAssertEqual(reason("0:1::2", data), "'' is not a class (0-255) or a range such as 0-4")
        let many = (0..<257).map { _ in "0" }.joined(separator: ":")
        XCTAssertEqual(reason(many, data), "257 groups is more than the 256 a model can tell apart")
        XCTAssertThrowsError(try MultiClassTask(groups: [[0], [1]])) { error in
            XCTAssertEqual(error as? ConfigurationError,
                           .invalidTask("0:1", reason: "2 groups; a task needs two groups (binary) or more (multi-class)"))
        }
    }
}
