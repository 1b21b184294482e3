import Dispatch
import Foundation
import XCTest
@testable import LUTNet

/// What the three C file readers share: sources that build as strict C11, the system's error text
/// from any number of threads at once, and one buffer that grows as data arrives.
final class ReaderSupportTests: XCTestCase {
    /// Every reader source compiles as strict ISO C11 with no undeclared function (such as strdup,
    /// which C11 does not declare) and no other warning but the one below.
    func testReaderSourcesBuildAsStrictC11() throws {
        let compiler = try ExternalTools.cCompiler()
        let folder = Fixtures.packageRoot.appendingPathComponent("CSupport").path
        for source in ["gzip_stream.c", "idx_reader.c", "idx_bit_stream.c", "tar_reader.c", "file_contents.c"] {
            // tar_reader.c joins a ustar prefix and name with snprintf, which may truncate by design.
            let outcome = try ExternalTools.run(compiler, ["-std=c11", "-Wall", "-Wextra", "-pedantic", "-Werror",
                                                           "-Wno-format-truncation", "-Wno-unknown-warning-option",
                                                           "-fsyntax-only", "-I", folder + "/include", "-I", folder,
                                                           folder + "/" + source])
            XCTAssertEqual(outcome.status, 0, "\(source): \(outcome.transcript)")
        }
    }

    /// Many threads failing at once each get their own system error text (strerror_r, not the one
    /// shared buffer of strerror).
    func testSystemErrorsAreDescribedRightFromManyThreads() throws {
        let folder = try Fixtures.temporaryFolder(for: self).path
        let missing = folder + "/absent.idx"
        nonisolated(unsafe) let messages = UnsafeMutableBufferPointer<String>.allocate(capacity: 400)
        messages.initialize(repeating: "")
        defer { messages.deallocate() }
        DispatchQueue.concurrentPerform(iterations: messages.count) { i in
            do {
                _ = try IDXTensor.read(path: i % 2 == 0 ? missing : folder)
            } catch {
                messages[i] = (error as? IDXReadError)?.message ?? "\(error)"
            }
        }
        for (i, message) in messages.enumerated() {
            XCTAssertEqual(message, i % 2 == 0 ? "\(missing): cannot open (No such file or directory)"
                                                : "\(folder): cannot read (Is a directory)")
        }
    }

    /// Contents far larger than the first buffer (a gzip file, whose size on disk says little) grow
    /// it by doubling up to the limit, exactly.
    func testWholeFileBufferGrowsToTheLimit() throws {
        guard let gzip = ExternalTools.find(["gzip"]) else { throw XCTSkip("no gzip on PATH") }
        let folder = try Fixtures.temporaryFolder(for: self)
        let plain = folder.appendingPathComponent("big.txt")
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 5_000_001)
        for i in stride(from: 0, to: bytes.count, by: 4099) { bytes[i] = UInt8(i % 251) }
        try Data(bytes).write(to: plain)
        XCTAssertEqual(try ExternalTools.run(gzip, ["-k", plain.path]).status, 0)
        let path = plain.path + ".gz"
        let contents = try FileContents.read(path: path, maxLength: UInt64(bytes.count))
        XCTAssertEqual(contents.withUnsafeBytes { Array($0) }, bytes)
        XCTAssertThrowsError(try FileContents.read(path: path, maxLength: UInt64(bytes.count - 1))) { error in
            XCTAssertEqual((error as? FileReadError)?.kind, .tooLarge)
            XCTAssertEqual((error as? FileReadError)?.message, "\(path): the contents are larger than \(bytes.count - 1) bytes")
        }
    }
}
