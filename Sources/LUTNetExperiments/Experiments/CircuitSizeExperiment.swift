import Foundation

/// Circuit size against accuracy: networks of several shapes trained on a benchmark's training
/// split, exported exactly and with don't-cares, their And-Inverter Graphs measured by ABC, and
/// each circuit's own accuracy on the validation and test splits (a circuit with don't-cares can
/// answer differently from its network off the training examples).
package enum CircuitSizeExperiment {
    /// The IWLS 2020 contest's limit on a circuit's two-input AND gates.
    package static let andLimit = 5000

    /// One network of one benchmark as two circuits.
    package struct Row: Sendable {
        package let benchmark: String
        package let shape: NetworkShape
        package let seed: UInt64
        /// LUTs the answer depends on (exact circuit).
        package let luts: Int
        /// AND gates and AIG levels after ABC, exact and with don't-cares.
        package let exactAnds: Int, exactLevels: Int, freeAnds: Int, freeLevels: Int
        /// Accuracy of the exact circuit (the network) and of the circuit with don't-cares.
        package let exactValid: Double, exactTest: Double, freeValid: Double, freeTest: Double
        /// Seconds to train and export this network.
        package let seconds: Double
    }

    /// The three binarized splits of a benchmark.
    package struct Splits: Sendable {
        package let train: BinarizedExamples, valid: BinarizedExamples, test: BinarizedExamples
        package init(train: BinarizedExamples, valid: BinarizedExamples, test: BinarizedExamples) {
            self.train = train; self.valid = valid; self.test = test
        }
    }

    /// Trains every shape on `splits.train` and measures both circuits with ABC (`abc`, `script`).
    package static func run(benchmark: String, splits: Splits, shapes: [NetworkShape], seed: UInt64, threads: Int,
                           abc: String, script: String = ABCSynthesis.standardScript,
                           progress: (Row) -> Void = { _ in }) throws -> [Row] {
        var rows: [Row] = []
        for shape in shapes {
            let clock = ContinuousClock.now
            let network = try LUTNetwork.train(on: splits.train, options: TrainingOptions(shape: shape, seed: seed,
                                                                                          threads: threads)).network
            let exact = try LogicCircuit(network, threads: threads)
            let free = try LogicCircuit(network, dontCares: .unseen, threads: threads)
            let exactABC = try ABCSynthesis.run(abc, blif: BLIFExport.text(exact, name: benchmark), script: script)
            let freeABC = try ABCSynthesis.run(abc, blif: BLIFExport.text(free, name: benchmark), script: script)
            func accuracy(_ circuit: LogicCircuit, _ examples: BinarizedExamples) throws -> Double {
                examples.agreement(withAnswers: try circuit.answers(for: examples.inputs))
            }
            let row = Row(benchmark: benchmark, shape: shape, seed: seed, luts: exact.nodes.count,
                          exactAnds: exactABC.andCount, exactLevels: exactABC.levels,
                          freeAnds: freeABC.andCount, freeLevels: freeABC.levels,
                          exactValid: try accuracy(exact, splits.valid), exactTest: try accuracy(exact, splits.test),
                          freeValid: try accuracy(free, splits.valid), freeTest: try accuracy(free, splits.test),
                          seconds: (ContinuousClock.now - clock).seconds)
            progress(row)
            rows.append(row)
        }
        return rows
    }

    /// Every row as CSV.
    package static func csv(_ rows: [Row]) -> String {
        var out = "benchmark,k,hidden_layers,seed,luts,exact_ands,exact_levels,exact_valid,exact_test,dc_ands,dc_levels,dc_valid,dc_test,seconds\n"
        for r in rows {
            let hidden = r.shape.hiddenWidths.isEmpty ? "0" : r.shape.hiddenWidths.map(String.init).joined(separator: ";")
            out += "\(r.benchmark),\(r.shape.ks),\(hidden),\(r.seed),\(r.luts),\(r.exactAnds),\(r.exactLevels),"
            out += String(format: "%.4f,%.4f,", r.exactValid, r.exactTest)
            out += "\(r.freeAnds),\(r.freeLevels),"
            out += String(format: "%.4f,%.4f,%.2f\n", r.freeValid, r.freeTest, r.seconds)
        }
        return out
    }

    /// The Markdown tables: every network of every benchmark, then per benchmark the circuit (exact
    /// or with don't-cares) of at most `andLimit` ANDs with the best validation accuracy.
    package static func markdown(_ rows: [Row], script: String) -> String {
        var out = "| benchmark | network | LUTs | ANDs exact | test acc. exact | ANDs don't-care | test acc. don't-care |\n"
        out += "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n"
        for r in rows {
            out += "| \(r.benchmark) | \(r.shape) | \(r.luts) | \(r.exactAnds) | " + String(format: "%.4f", r.exactTest)
            out += " | \(r.freeAnds) | " + String(format: "%.4f |\n", r.freeTest)
        }
        out += "\nBest circuit of at most \(andLimit) ANDs per benchmark, chosen on the validation split:\n\n"
        out += "| benchmark | network | circuit | ANDs | AIG levels | valid acc. | test acc. |\n| --- | --- | --- | ---: | ---: | ---: | ---: |\n"
        var benchmarks: [String] = []
        for r in rows where !benchmarks.contains(r.benchmark) { benchmarks.append(r.benchmark) }
        var bestTests: [Double] = []
        for name in benchmarks {
            let candidates = rows.filter { $0.benchmark == name }.flatMap { r in
                [(r, "exact", r.exactAnds, r.exactLevels, r.exactValid, r.exactTest),
                 (r, "don't-care", r.freeAnds, r.freeLevels, r.freeValid, r.freeTest)]
            }.filter { $0.2 <= andLimit }
            guard let best = candidates.max(by: { ($0.4, -$0.2) < ($1.4, -$1.2) }) else {
                out += "| \(name) | none under \(andLimit) ANDs | | | | | |\n"
                continue
            }
            bestTests.append(best.5)
            out += "| \(name) | \(best.0.shape) | \(best.1) | \(best.2) | \(best.3) | " + String(format: "%.4f | %.4f |\n", best.4, best.5)
        }
        if !bestTests.isEmpty {
            out += String(format: "| mean | | | | | | %.4f |\n", bestTests.reduce(0, +) / Double(bestTests.count))
        }
        out += "\nANDs: two-input AND gates of the And-Inverter Graph after ABC's `read; \(script); print_stats`.\n"
        return out
    }
}
