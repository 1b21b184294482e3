import XCTest

/// The C library holds the method only: the logistic-regression baseline, and with it OpenBLAS and
/// the Fortran runtime LAPACK brings, stay with the command.
final class CLibraryLinkTests: XCTestCase {
    func testCLibraryDoesNotLinkOpenBLAS() throws {
        guard let readelf = ExternalTools.find(["readelf", "llvm-readelf"]) else {
            throw XCTSkip("neither readelf nor llvm-readelf is on PATH: cannot list liblutnetc.so's libraries")
        }
        let library = try CAPIPaths.libraryFolder() + "/liblutnetc.so"
        let outcome = try ExternalTools.run(readelf, ["--dynamic", library])
        XCTAssertEqual(outcome.status, 0, outcome.transcript)
        let needed = outcome.output.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        XCTAssertTrue(needed.contains { $0.contains("libz.so") }, "liblutnetc.so should link zlib: \(needed)")
        for library in ["openblas", "gfortran", "lapack", "blas"] {
            XCTAssertFalse(needed.contains { $0.lowercased().contains(library) },
                           "liblutnetc.so links \(library): \(needed.joined(separator: "\n"))")
        }
    }
}
