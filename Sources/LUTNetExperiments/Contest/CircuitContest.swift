import Foundation

/// A contest entry for one function: every candidate network learns from the training split and
/// becomes two circuits (its exact tables, and with the patterns training never showed a LUT left
/// free); the circuit with the best validation accuracy whose And-Inverter Graph after ABC has at
/// most `maxAnds` ANDs is kept, optionally learned again from the training and validation splits
/// together, and written as binary AIGER through ABC's `write_aiger`. The file is read back and
/// checked against the circuit it came from on every validation minterm before it counts.
package struct CircuitContest: Sendable {
    /// The networks tried on every function.
    package let candidates: [ContestCandidate]
    /// The largest circuit kept, in two-input ANDs.
    package let maxAnds: Int
    /// Whether the chosen network learns again from the training and validation splits together.
    package let relearn: Bool
    /// The ABC program.
    package let abc: String
    /// The ABC script run on every circuit before it is measured and written.
    package let script: String
    /// The seed of every network.
    package let seed: UInt64

    /// A contest of `candidates` under `maxAnds` ANDs.
    package init(candidates: [ContestCandidate], maxAnds: Int = CircuitSizeExperiment.andLimit, relearn: Bool,
                abc: String, script: String = ABCSynthesis.standardScript, seed: UInt64 = 0) {
        self.candidates = candidates
        self.maxAnds = maxAnds
        self.relearn = relearn
        self.abc = abc
        self.script = script
        self.seed = seed
    }

    /// The entry of one function.
    package struct Entry: Sendable, Equatable {
        /// The function's name and group.
        package let function: String, category: String
        /// The chosen network, as `ContestCandidate` writes it.
        package let network: String
        /// `exact` or `dont-care`.
        package let circuit: String
        /// Whether the written circuit learned from the training and validation splits together.
        package let relearned: Bool
        /// AND gates and levels of the written And-Inverter Graph.
        package let ands: Int, levels: Int
        /// Validation accuracy of the chosen circuit learned from the training split alone.
        package let validAccuracy: Double
        /// Seconds for the whole function.
        package let seconds: Double
    }

    /// One measured circuit of a candidate.
    private struct Measured {
        let candidate: ContestCandidate
        let network: LUTNetwork
        let dontCares: LogicCircuit.DontCares
        let circuit: LogicCircuit
        let validAccuracy: Double
    }

    /// Learns `function`, writes `folder/NAME.aig` and returns its entry; `progress` hears each
    /// candidate. Throws when a file cannot be read or written, ABC fails, no circuit is within
    /// `maxAnds`, or the AIGER file disagrees with its circuit on a validation minterm.
    package func enter(_ function: ContestFunction, folder: String, progress: (String) -> Void = { _ in }) throws -> Entry {
        let clock = ContinuousClock.now
        let task = try BinaryTask(parsing: "0:1")
        let train = try BinarizedExamples(images: try PLALoader.load(path: function.trainPath), task: task, threshold: 128,
                                          split: function.trainPath)
        let valid = try BinarizedExamples(images: try PLALoader.load(path: function.validPath), task: task, threshold: 128,
                                          split: function.validPath)
        var measured: [Measured] = []
        for candidate in candidates {
            let network = try learn(candidate, on: train)
            for dontCares in LogicCircuit.DontCares.allCases {
                let circuit = try LogicCircuit(network, dontCares: dontCares, threads: 1)
                let accuracy = valid.agreement(withAnswers: try circuit.answers(for: valid.inputs))
                measured.append(Measured(candidate: candidate, network: network, dontCares: dontCares, circuit: circuit,
                                         validAccuracy: accuracy))
            }
            let best = measured.suffix(2).map { String(format: "%.4f", $0.validAccuracy) }.joined(separator: "/")
            progress("\(function.name) \(candidate): valid \(best) (exact/don't-care)")
        }
        // Best validation accuracy first; among equals the smaller cover.
        measured.sort { ($0.validAccuracy, -$0.circuit.literalCount) > ($1.validAccuracy, -$1.circuit.literalCount) }
        let aiger = (folder as NSString).appendingPathComponent(function.name + ".aig")
        for choice in measured {
            let size = try ABCSynthesis.run(abc, blif: BLIFExport.text(choice.circuit, name: function.name), script: script)
            guard size.andCount <= maxAnds else {
                progress("\(function.name) \(choice.candidate) \(choice.dontCares): \(size.andCount) ANDs, over \(maxAnds)")
                continue
            }
            var written = try write(choice.circuit, function: function.name, to: aiger, checkedOn: valid)
            var relearned = false
            if relearn {
                let both = Self.joined(train, valid)
                let network = try learn(choice.candidate, on: both)
                let circuit = try LogicCircuit(network, dontCares: choice.dontCares, threads: 1)
                let size = try ABCSynthesis.run(abc, blif: BLIFExport.text(circuit, name: function.name), script: script)
                if size.andCount <= maxAnds {
                    written = try write(circuit, function: function.name, to: aiger, checkedOn: valid)
                    relearned = true
                }
            }
            return Entry(function: function.name, category: function.category, network: choice.candidate.description,
                         circuit: choice.dontCares == .none ? "exact" : "dont-care", relearned: relearned,
                         ands: written.andCount, levels: written.levels, validAccuracy: choice.validAccuracy,
                         seconds: (ContinuousClock.now - clock).seconds)
        }
        throw ExportError.toolFailed(tool: abc, reason: "\(function.name): no candidate circuit has at most \(maxAnds) ANDs")
    }

    /// `candidate` learned on `examples` on one thread.
    private func learn(_ candidate: ContestCandidate, on examples: BinarizedExamples) throws -> LUTNetwork {
        try LUTNetwork.train(on: examples, options: TrainingOptions(shape: candidate.shape, seed: seed, threads: 1,
                                                                    wiring: candidate.wiring)).network
    }

    /// Writes `circuit` to `path` as binary AIGER through ABC, reads the file back and checks that
    /// it answers as the circuit does on every example of `examples`; returns ABC's figures.
    private func write(_ circuit: LogicCircuit, function: String, to path: String,
                       checkedOn examples: BinarizedExamples) throws -> ABCSynthesis.Result {
        let partial = path + ".partial"
        let size = try ABCSynthesis.writeAIGER(abc, blif: BLIFExport.text(circuit, name: function), script: script, to: partial)
        let aig = try AIGERCircuit(contentsOf: partial)
        guard try aig.answers(for: examples.inputs) == (try circuit.answers(for: examples.inputs)) else {
            throw ExportError.toolFailed(tool: abc, reason: "\(partial) disagrees with the circuit of \(function) on the validation split")
        }
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        return size
    }

    /// The examples of `a` followed by those of `b` (same task, threshold and input bits).
    static func joined(_ a: BinarizedExamples, _ b: BinarizedExamples) -> BinarizedExamples {
        var inputs = BitMatrix(rowCount: a.inputs.rowCount, columnCount: a.count + b.count)
        var labels = BitMatrix(rowCount: 1, columnCount: a.count + b.count)
        for (offset, part) in [(0, a), (a.count, b)] {
            for row in 0..<part.inputs.rowCount {
                for e in 0..<part.count where part.inputs[row, e] { inputs[row, offset + e] = true }
            }
            for e in 0..<part.count where part.labels[0, e] { labels[0, offset + e] = true }
        }
        return a.replacing(inputs: inputs, labels: labels)
    }
}
