import ArgumentParser
import Foundation
import LUTNet
import LUTNetExperiments

/// `lutnet experiment circuits`: circuit size against accuracy on the IWLS 2020 benchmarks.
struct CircuitsExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "circuits",
        abstract: "Circuit size against accuracy on IWLS 2020 benchmarks: ABC's AND count of every network exported exactly and with don't-cares, and the best circuit under the contest's 5,000 ANDs.",
        discussion: """
            Every network (each k with each --layers, seed --seed) learns from a benchmark's training split; \
            it is exported exactly and with --dont-care unseen, ABC counts the AND gates of both after \
            'strash; dc2', and each circuit is measured on the validation and test splits. Per benchmark \
            the circuit of at most 5,000 ANDs with the best validation accuracy is chosen. Needs \
            berkeley-abc (or abc) on PATH. Writes circuits.csv and circuits.md into --out.
            """
    )

    @Option(help: "Folder of IWLS 2020 benchmarks.")
    var dir: String = "../shared/datasets/iwls2020"

    @Option(help: "The k values of the networks: a list or a range (e.g. 4,6,8 or 4-12/2); an item may give each layer its k with '/' (12/8).")
    var ks: String = "4,6,8"

    @Option(help: "Hidden layers as DEPTHxWIDTH or a list of widths (0: the output LUT alone); repeat for several sizes.")
    var layers: [String] = ["0", "1x16", "1x64", "2x64", "1x256"]

    @Option(help: "The seed of every network.")
    var seed: UInt64 = 0

    @Option(help: "Output folder for circuits.csv and circuits.md.")
    var out: String = "results/circuits"

    @Option(help: "Worker threads per network (default: every core).")
    var threads: Int = ParallelWork.defaultThreads

    func run() throws {
        let threadCount = try ParallelWork.validated(threads: threads)
        let shapes = try ComparisonOptions.shapes(ks: ks, layers: layers)
        guard let abc = ABCSynthesis.program() else {
            throw ValidationError("berkeley-abc (or abc) is not on PATH: install the Debian package berkeley-abc")
        }
        let lock = try ResultFolderLock(folder: out)
        defer { lock.release() }
        let task = try BinaryTask(parsing: "0:1")
        var rows: [CircuitSizeExperiment.Row] = []
        for benchmark in try IWLSBenchmarks.find(in: dir) {
            func split(_ path: String) throws -> BinarizedExamples {
                try BinarizedExamples(images: try PLALoader.load(path: path), task: task, threshold: 128, split: path)
            }
            let splits = CircuitSizeExperiment.Splits(train: try split(benchmark.trainPath), valid: try split(benchmark.validPath),
                                                      test: try split(benchmark.testPath))
            rows += try CircuitSizeExperiment.run(benchmark: benchmark.name, splits: splits, shapes: shapes, seed: seed,
                                                  threads: threadCount, abc: abc) { row in
                Console.progress("\(row.benchmark) \(row.shape): \(row.luts) LUTs, ANDs \(row.exactAnds) exact"
                    + String(format: " (test %.4f), ", row.exactTest) + "\(row.freeAnds) with don't-cares"
                    + String(format: " (test %.4f), %.1f s", row.freeTest, row.seconds))
            }
            try CircuitSizeExperiment.csv(rows).write(toFile: out + "/circuits.csv", atomically: true, encoding: .utf8)
        }
        let table = CircuitSizeExperiment.markdown(rows, script: ABCSynthesis.standardScript)
        try table.write(toFile: out + "/circuits.md", atomically: true, encoding: .utf8)
        print(table)
    }
}
