import Foundation

/// The benchmarks of the IWLS 2020 learning contest as the contest hands them out: in one folder,
/// for each benchmark NAME, Espresso PLA files `NAME.train.pla`, `NAME.valid.pla` and
/// `NAME.test.pla` (each may be gzip-compressed, `.pla.gz`), one output bit each.
package enum IWLSBenchmarks {
    /// One benchmark's three files.
    package struct Benchmark: Sendable, Equatable {
        /// The benchmark's name, e.g. `ex80`.
        package let name: String
        /// The training split.
        package let trainPath: String
        /// The validation split.
        package let validPath: String
        /// The test split.
        package let testPath: String
    }

    /// What the networks and the baseline learn from.
    package enum Training: String, Sendable, CaseIterable {
        /// The training split; the validation split is measured.
        case train
        /// The training and validation splits together.
        case trainAndValid = "train+valid"
    }

    /// What the benchmarks of ../shared/datasets/iwls2020 are: tasks on MNIST downsampled to 14×14.
    package static let knownTasks = ["ex80": "MNIST 0-4 vs 5-9", "ex81": "MNIST odd vs even", "ex82": "MNIST 0-2 vs 3-5",
                                    "ex83": "MNIST 0,1 vs 2,3", "ex84": "MNIST 4,5 vs 6,7"]

    /// The benchmarks in `folder`, by name (`ex9` before `ex10`). Every training file needs its
    /// validation and test files; a folder without benchmarks is an error.
    package static func find(in folder: String) throws(DatasetError) -> [Benchmark] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { throw .notFound(path: folder) }
        guard isDirectory.boolValue else {
            throw .malformed(path: folder, reason: "not a folder of IWLS 2020 benchmarks (NAME.train.pla[.gz], NAME.valid…, NAME.test…)")
        }
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        func file(_ stem: String) -> String? {
            [stem + ".pla.gz", stem + ".pla"].first(where: names.contains).map { (folder as NSString).appendingPathComponent($0) }
        }
        var benchmarks: [Benchmark] = []
        let stems = Set(names.compactMap { name -> String? in
            for suffix in [".train.pla.gz", ".train.pla"] where name.hasSuffix(suffix) && name.count > suffix.count {
                return String(name.dropLast(suffix.count))
            }
            return nil
        })
        for stem in stems.sorted(by: { $0.compare($1, options: .numeric) == .orderedAscending }) {
            guard let train = file(stem + ".train") else { continue }
            guard let valid = file(stem + ".valid") else {
                throw .missingFile(folder: folder, expected: "\(stem).valid.pla[.gz] beside \((train as NSString).lastPathComponent)")
            }
            guard let test = file(stem + ".test") else {
                throw .missingFile(folder: folder, expected: "\(stem).test.pla[.gz] beside \((train as NSString).lastPathComponent)")
            }
            benchmarks.append(Benchmark(name: stem, trainPath: train, validPath: valid, testPath: test))
        }
        guard !benchmarks.isEmpty else {
            throw .missingFile(folder: folder, expected: "benchmark (NAME.train.pla[.gz] with NAME.valid.pla[.gz] and NAME.test.pla[.gz])")
        }
        return benchmarks
    }

    /// The name runs give the data of `benchmark` trained on `training`: the benchmark's name, with
    /// ` train+valid` after it when the validation split is trained on too.
    package static func dataName(_ benchmark: String, training: Training) -> String {
        training == .train ? benchmark : benchmark + " " + training.rawValue
    }

    /// Loads `benchmark`: trained on its training split with the validation split measured, or on
    /// both together; tested on its test split. All three must have the same number of inputs.
    package static func load(_ benchmark: Benchmark, training: Training) throws(DatasetError) -> ExperimentData {
        let train = try PLALoader.load(path: benchmark.trainPath)
        let valid = try PLALoader.load(path: benchmark.validPath)
        let test = try PLALoader.load(path: benchmark.testPath)
        if valid.imageShape != train.imageShape {
            throw .shapeMismatch(trainPath: train.source, trainShape: train.imageShape, testPath: valid.source, testShape: valid.imageShape)
        }
        let name = dataName(benchmark.name, training: training)
        switch training {
        case .train:
            return try ExperimentData(name: name, dataset: try Dataset(train: train, test: test, location: benchmark.trainPath),
                                      validation: valid)
        case .trainAndValid:
            let both = try ImageSet(pixels: train.withPixels { Array($0) } + valid.withPixels { Array($0) },
                                    imageShape: train.imageShape, labels: train.labels + valid.labels,
                                    source: train.source + " + " + (valid.source as NSString).lastPathComponent)
            return try ExperimentData(name: name, dataset: try Dataset(train: both, test: test, location: benchmark.trainPath))
        }
    }
}
