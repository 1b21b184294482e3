import Foundation

/// One function of a logic-learning contest: its training and validation minterms (PLA files) and
/// the group of functions it belongs to.
package struct ContestFunction: Sendable, Equatable {
    /// The function's name, e.g. `ex05`.
    package let name: String
    /// The training split.
    package let trainPath: String
    /// The validation split.
    package let validPath: String

    /// The IWLS 2020 contest's group of `name` (`ex00`…`ex89`, by tens), or "other".
    package var category: String { Self.category(of: name) }

    /// The groups of the IWLS 2020 contest's functions, ten by ten from ex00.
    package static let categories = ["adders", "dividers", "multipliers", "comparators", "square roots", "PicoJava",
                                    "MCNC i10", "MCNC and symmetric", "MNIST groups"]

    /// The group of the function named `name`: ex00-ex09 adders, ex10-ex19 dividers and so on (the
    /// contest's README); "other" for any other name.
    package static func category(of name: String) -> String {
        guard name.hasPrefix("ex"), let number = Int(name.dropFirst(2)), number >= 0, number / 10 < categories.count else {
            return "other"
        }
        return categories[number / 10]
    }

    /// The functions at `location`: a folder of NAME.train.pla[.gz] with NAME.valid.pla[.gz]
    /// beside each, or one NAME.train.pla[.gz] file (its validation file beside it). `only`, when
    /// given, keeps the functions of those names. Throws naming the path when there is none, a
    /// validation file is missing, or a name of `only` is not there.
    package static func find(at location: String, only: [String]? = nil) throws(DatasetError) -> [ContestFunction] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory) else { throw .notFound(path: location) }
        let folder = isDirectory.boolValue ? location : (location as NSString).deletingLastPathComponent
        let names = isDirectory.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: location)) ?? [])
                                          : [(location as NSString).lastPathComponent]
        let present = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? [])
        func path(_ file: String) -> String { folder.isEmpty ? file : (folder as NSString).appendingPathComponent(file) }
        var functions: [ContestFunction] = []
        for file in names {
            guard let suffix = [".train.pla.gz", ".train.pla"].first(where: { file.hasSuffix($0) && file.count > $0.count }) else { continue }
            let stem = String(file.dropLast(suffix.count))
            guard let valid = [stem + ".valid.pla.gz", stem + ".valid.pla"].first(where: present.contains) else {
                throw .missingFile(folder: folder, expected: "\(stem).valid.pla[.gz] beside \(file)")
            }
            functions.append(ContestFunction(name: stem, trainPath: path(file), validPath: path(valid)))
        }
        functions.sort { $0.name.compare($1.name, options: .numeric) == .orderedAscending }
        if let only {
            for name in only where !functions.contains(where: { $0.name == name }) {
                throw .missingFile(folder: folder, expected: "\(name).train.pla[.gz] (named by --functions)")
            }
            functions = functions.filter { only.contains($0.name) }
        }
        guard !functions.isEmpty else {
            throw .missingFile(folder: folder, expected: "function (NAME.train.pla[.gz] with NAME.valid.pla[.gz])")
        }
        return functions
    }
}
