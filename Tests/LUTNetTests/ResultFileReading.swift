import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// Reading the files experiments write, for the tests that check them.
extension XCTestCase {
    /// The text of `name` in `folder`.
    func read(_ folder: String, _ name: String) throws -> String {
        try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }

    /// The records of the CSV file `name` in `folder`, each keyed by the header's columns.
    func csvRecords(_ folder: String, _ name: String) throws -> [[String: String]] {
        let records = try CSVTable.parse(try read(folder, name)).records.map(\.fields)
        guard let header = records.first else { return [] }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
