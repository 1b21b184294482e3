import Foundation
import XCTest
@testable import LUTNet
@testable import LUTNetExperiments

/// Espresso PLA loading: a hand-made file, every kind of malformed file, and the IWLS 2020 benchmarks
/// in ../shared/datasets.
final class PLALoaderTests: XCTestCase {
    private static let fixtures = Fixtures.path("pla")

    /// The examples of Data/fixtures/pla/small.pla: rows 10110 1, 00000 0, 11111 1, 01001 0.
    private static let smallPixels: [UInt8] = [255, 0, 255, 255, 0,
                                               0, 0, 0, 0, 0,
                                               255, 255, 255, 255, 255,
                                               0, 255, 0, 0, 255]
    private static let smallLabels: [UInt8] = [1, 0, 1, 0]

    /// Writes `text` to a fresh file named `name` and returns its path.
    private func write(_ text: String, name: String = "data.pla") throws -> String {
        let path = try Fixtures.temporaryFolder(for: self).path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The error loading `text` as a PLA file gives, or nil if it loads.
    private func error(loading text: String) throws -> (path: String, error: PLAError?) {
        let path = try write(text)
        do {
            _ = try PLALoader.load(path: path)
            return (path, nil)
        } catch {
            guard case .pla(let plaError) = error else {
                XCTFail("expected a PLA error, got \(error)")
                return (path, nil)
            }
            return (path, plaError)
        }
    }

    func testHandMadeFileGivesExactBitsAndLabels() throws {
        let set = try PLALoader.load(path: Self.fixtures + "/small.pla")
        XCTAssertEqual(set.count, 4)
        XCTAssertEqual(set.imageShape, [5])
        XCTAssertEqual(set.featureCount, 5)
        XCTAssertEqual(set.labels, Self.smallLabels)
        XCTAssertEqual(set.withPixels { Array($0) }, Self.smallPixels)
        XCTAssertEqual(set.source, Self.fixtures + "/small.pla")
    }

    func testGzippedFileEqualsPlainFile() throws {
        let plain = try PLALoader.load(path: Self.fixtures + "/small.pla")
        let gzipped = try PLALoader.load(path: Self.fixtures + "/small.pla.gz")
        XCTAssertEqual(gzipped.labels, plain.labels)
        XCTAssertEqual(gzipped.imageShape, plain.imageShape)
        XCTAssertEqual(gzipped.withPixels { Array($0) }, plain.withPixels { Array($0) })
    }

    func testBitsSurviveBinarizationAtAnyThreshold() throws {
        let set = try PLALoader.load(path: Self.fixtures + "/small.pla")
        let all = (0..<UInt32(set.count)).map { $0 }
        let expected = try BitMatrix(binarizing: set, indices: all, threshold: 128)
        for threshold: UInt8 in [1, 2, 200, 255] {
            XCTAssertEqual(try BitMatrix(binarizing: set, indices: all, threshold: threshold), expected)
        }
        // Feature 0 is 1, 0, 1, 0 over the four examples.
        XCTAssertEqual((0..<4).map { expected[0, $0] }, [true, false, true, false])
    }

    func testLenientSpellingsAreAccepted() throws {
        // CRLF line ends, tabs, comments, signal names, no .p, no .type, .end instead of .e.
        let path = try write("# comment\r\n.i 3\r\n.o 1\r\n.ilb a b c\r\n.ob f\r\n\r\n101\t1\r\n  010 0  \r\n.end\r\n# done\r\n")
        let set = try PLALoader.load(path: path)
        XCTAssertEqual(set.labels, [1, 0])
        XCTAssertEqual(set.withPixels { Array($0) }, [255, 0, 255, 0, 255, 0])
    }

    func testRowCountMismatchNamesTheLineOfP() throws {
        let (path, error) = try error(loading: ".i 2\n.o 1\n.p 3\n10 1\n01 0\n.e\n")
        XCTAssertEqual(error, .rowCountMismatch(path: path, line: 3, declared: 3, found: 2))
        XCTAssertEqual(error?.description, "\(path):3: .p 3 declares 3 rows but the file has 2")
    }

    func testWrongRowLengthIsReported() throws {
        let (path, error) = try error(loading: ".i 4\n.o 1\n1010 1\n101 0\n.e\n")
        XCTAssertEqual(error, .wrongRowLength(path: path, line: 4, expected: 4, found: 3))
        XCTAssertEqual(error?.description, "\(path):4: the row has 3 input bits, expected 4 (.i 4)")
        // Output bit glued to the inputs: 5 characters where 4 are expected.
        let (gluedPath, glued) = try self.error(loading: ".i 4\n.o 1\n10101\n.e\n")
        XCTAssertEqual(glued, .wrongRowLength(path: gluedPath, line: 3, expected: 4, found: 5))
    }

    func testBadCharactersAndDontCaresAreRefused() throws {
        let (path, error) = try error(loading: ".i 4\n.o 1\n10x0 1\n.e\n")
        XCTAssertEqual(error, .invalidCharacter(path: path, line: 3, column: 3, character: "x"))
        XCTAssertEqual(error?.description, "\(path):3:3: 'x' is not a bit (rows hold 0 and 1)")
        let (dashPath, dash) = try self.error(loading: ".i 4\n.o 1\n1010 1\n1-10 0\n.e\n")
        XCTAssertEqual(dash, .dontCare(path: dashPath, line: 4, column: 2))
        XCTAssertTrue(dash?.description.contains("don't-cares are not training examples") == true)
        let (outputPath, output) = try self.error(loading: ".i 2\n.o 1\n10 -\n.e\n")
        XCTAssertEqual(output, .dontCare(path: outputPath, line: 3, column: 4))
        let (twoPath, two) = try self.error(loading: ".i 2\n.o 1\n10 2\n.e\n")
        XCTAssertEqual(two, .invalidCharacter(path: twoPath, line: 3, column: 4, character: "2"))
    }

    func testOutputCountOtherThanOneIsRefused() throws {
        let (path, error) = try error(loading: ".i 4\n.o 2\n1010 11\n.e\n")
        XCTAssertEqual(error, .unsupportedOutputCount(path: path, line: 2, outputs: 2))
        XCTAssertEqual(error?.description,
                       "\(path):2: .o 2 declares 2 outputs; LUTNet learns one output bit per example (.o 1)")
    }

    func testMissingInputOrOutputCountIsReported() throws {
        let (path, error) = try error(loading: ".o 1\n1010 1\n.e\n")
        XCTAssertEqual(error, .missingInputCount(path: path, line: 2))
        XCTAssertEqual(error?.description, "\(path):2: a row comes before any .i line (the number of inputs)")
        let (emptyPath, empty) = try self.error(loading: "")
        XCTAssertEqual(empty, .missingInputCount(path: emptyPath, line: nil))
        let (noOPath, noO) = try self.error(loading: ".i 4\n1010 1\n.e\n")
        XCTAssertEqual(noO, .missingOutputCount(path: noOPath, line: 2))
    }

    func testMalformedRowsAndDirectivesAreReported() throws {
        let (path1, noOutput) = try error(loading: ".i 2\n.o 1\n10\n.e\n")
        XCTAssertEqual(noOutput, .malformedRow(path: path1, line: 3, reason: "no output bit after the 2 input bits"))
        let (path2, extra) = try error(loading: ".i 2\n.o 1\n10 1 0\n.e\n")
        XCTAssertEqual(extra, .malformedRow(path: path2, line: 3,
                                           reason: "expected one output bit after the input bits, found '1 0'"))
        let (path3, zeroInputs) = try error(loading: ".i 0\n.o 1\n.e\n")
        XCTAssertEqual(zeroInputs, .invalidDirective(path: path3, line: 1, text: ".i 0",
                                                     reason: "expected .i followed by one whole number of at least 1"))
        let (path4, type) = try error(loading: ".i 2\n.o 1\n.type f\n10 1\n.e\n")
        XCTAssertEqual(type, .invalidDirective(path: path4, line: 3, text: ".type f",
                                               reason: "only .type fr is supported (every row is an example with its output bit)"))
        let (path5, unknown) = try error(loading: ".i 2\n.o 1\n.mv 3 0 2 2\n.e\n")
        if case .invalidDirective(let p, 3, ".mv 3 0 2 2", _)? = unknown { XCTAssertEqual(p, path5) } else {
            XCTFail("expected an unsupported-directive error, got \(String(describing: unknown))")
        }
        let (path6, after) = try error(loading: ".i 2\n.o 1\n10 1\n.e\n01 0\n")
        XCTAssertEqual(after, .contentAfterEnd(path: path6, line: 5))
        let (path7, none) = try error(loading: ".i 2\n.o 1\n.p 0\n.e\n")
        XCTAssertEqual(none, .noExamples(path: path7))
    }

    func testUnreadableFilesNameTheFile() throws {
        let folder = try Fixtures.temporaryFolder(for: self).path
        let gz = try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/small.pla.gz"))
        let truncated = folder + "/truncated.pla.gz"
        try gz.prefix(gz.count - 12).write(to: URL(fileURLWithPath: truncated))
        let plainNamedGz = folder + "/plain.pla.gz"
        try Data(".i 1\n.o 1\n1 1\n".utf8).write(to: URL(fileURLWithPath: plainNamedGz))
        var flipped = gz
        flipped[flipped.count - 8] ^= 0xFF // the first byte of the CRC-32 in the gzip trailer
        let badCRC = folder + "/bad-crc.pla.gz"
        try flipped.write(to: URL(fileURLWithPath: badCRC))
        let garbage = Self.fixtures + "/garbage-after-gzip.pla.gz"
        let cases: [(String, FileReadError.Kind, String)] = [
            (truncated, .gzipTruncated, "truncated gzip stream while reading the file (zlib: unexpected end of file)"),
            (badCRC, .gzipCorrupt, "corrupt gzip stream while reading the file (zlib: incorrect data check)"),
            (garbage, .gzipCorrupt, "corrupt gzip stream while reading the file: 15 bytes after the end of the "
                + "gzip data are not a gzip member"),
            (plainNamedGz, .notGzip, "not a gzip file (starts with 0x2e69, expected 0x1f8b)"),
            (folder + "/absent.pla", .cannotOpen, "cannot open (No such file or directory)"),
            (folder, .readError, "cannot read (Is a directory)"),
        ]
        for (path, kind, problem) in cases {
            XCTAssertThrowsError(try PLALoader.load(path: path)) { error in
                guard case .pla(.unreadable(let readError)) = error as? DatasetError else {
                    return XCTFail("expected an unreadable-file error, got \(error)")
                }
                XCTAssertEqual(readError.kind, kind)
                XCTAssertEqual(readError.path, path)
                XCTAssertEqual(readError.message, path + ": " + problem)
            }
        }
    }

    func testFileContentsReader() throws {
        let plain = try FileContents.read(path: Self.fixtures + "/small.pla", maxLength: 1 << 20)
        let gzipped = try FileContents.read(path: Self.fixtures + "/small.pla.gz", maxLength: 1 << 20)
        XCTAssertEqual(plain.count, 127)
        XCTAssertEqual(plain.withUnsafeBytes { Array($0) }, gzipped.withUnsafeBytes { Array($0) })
        let exact = try FileContents.read(path: Self.fixtures + "/small.pla.gz", maxLength: 127)
        XCTAssertEqual(exact.count, 127)
        XCTAssertThrowsError(try FileContents.read(path: Self.fixtures + "/small.pla.gz", maxLength: 126)) { error in
            XCTAssertEqual((error as? FileReadError)?.kind, .tooLarge)
        }
        let empty = try write("", name: "empty.txt")
        XCTAssertEqual(try FileContents.read(path: empty, maxLength: 10).count, 0)
        // Two gzip members one after the other read as their contents one after the other.
        let member = try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/small.pla.gz"))
        let twice = try Fixtures.temporaryFolder(for: self).path + "/twice.pla.gz"
        try (member + member).write(to: URL(fileURLWithPath: twice))
        let doubled = try FileContents.read(path: twice, maxLength: 1 << 20)
        XCTAssertEqual(doubled.withUnsafeBytes { Array($0) }, plain.withUnsafeBytes { Array($0) + Array($0) })
    }

    func testDatasetLoaderAndTestPairing() throws {
        let dataset = try DatasetLoader.load(path: Self.fixtures + "/small.pla.gz")
        XCTAssertEqual(dataset.train.labels, Self.smallLabels)
        XCTAssertNil(dataset.test)
        XCTAssertEqual(dataset.location, Self.fixtures + "/small.pla.gz")
        let paired = try DatasetLoader.load(trainPLA: Self.fixtures + "/small.pla", testPLA: Self.fixtures + "/small.pla.gz")
        XCTAssertEqual(paired.test?.labels, Self.smallLabels)
        XCTAssertEqual(paired.test?.source, Self.fixtures + "/small.pla.gz")
        // Examples are 0/1 labeled: task 0:1 keeps them all.
        let task = try BinaryTask(parsing: "0:1")
        XCTAssertEqual(task.select(from: paired.train.labels).labels, Self.smallLabels)
        let other = try write(".i 3\n.o 1\n101 1\n.e\n")
        XCTAssertThrowsError(try DatasetLoader.load(trainPLA: Self.fixtures + "/small.pla", testPLA: other)) { error in
            XCTAssertEqual(error as? DatasetError, .shapeMismatch(trainPath: Self.fixtures + "/small.pla", trainShape: [5],
                                                                  testPath: other, testShape: [3]))
        }
        let unknown = try write("hello", name: "notes.txt")
        XCTAssertThrowsError(try DatasetLoader.load(path: unknown)) { error in
            XCTAssertTrue("\(error)".hasPrefix(unknown + ": not a dataset"), "\(error)")
        }
    }

    func testIWLS2020BenchmarkEx80() throws {
        let folder = try Fixtures.shared("iwls2020")
        let dataset = try DatasetLoader.load(trainPLA: folder + "/ex80.train.pla.gz", testPLA: folder + "/ex80.test.pla.gz")
        for set in [dataset.train, try XCTUnwrap(dataset.test)] {
            XCTAssertEqual(set.count, 6_400)
            XCTAssertEqual(set.imageShape, [196])
            let counts = set.classCounts()
            XCTAssertEqual(counts.count, 2, "both labels are present")
            XCTAssertEqual(counts.reduce(0, +), 6_400)
            XCTAssertGreaterThan(counts.min() ?? 0, 1_000)
            XCTAssertEqual(Set(set.withPixels { Array($0) }), [0, 255])
        }
    }
}
