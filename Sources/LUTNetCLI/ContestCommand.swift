import ArgumentParser
import Foundation
import LUTNet
import LUTNetExperiments

/// `lutnet contest`: logic learning from examples as in the IWLS 2020 contest, one AIGER circuit per function.
struct ContestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contest",
        abstract: "Learn a circuit per function from its PLA minterms, as in the IWLS 2020 contest: binary AIGER of at most --max-ands ANDs, chosen on the validation split.",
        discussion: """
            For every function (NAME.train.pla[.gz] with NAME.valid.pla[.gz]; a folder of them or one \
            training file) every --network learns from the training split and becomes two circuits, its \
            exact tables and with the patterns training never showed a LUT left free. The circuit with the \
            best validation accuracy whose And-Inverter Graph after ABC's --abc-script has at most --max-ands \
            ANDs is kept; with --relearn its network learns again from both splits (kept when it stays \
            within --max-ands). It is written as NAME.aig (binary AIGER, ABC's write_aiger), read back and \
            checked against its circuit on every validation minterm. contest.csv, contest.md and contest.svg hold the \
            function, group, ANDs, levels, validation accuracy, network and seconds, and the means per \
            group; a run started again with the same --out skips the functions contest.csv has. Functions \
            run --jobs at a time. Needs berkeley-abc (or abc) on PATH.
            """
    )

    @Argument(help: "A folder of NAME.train.pla[.gz] and NAME.valid.pla[.gz] files, or one NAME.train.pla[.gz].")
    var data: String

    @Option(help: "Output folder for NAME.aig, contest.csv, contest.md and contest.svg.")
    var out: String = "results/contest"

    @Option(help: "Only these functions (names, comma-separated, e.g. ex00,ex05).")
    var functions: String?

    @Option(name: .customLong("network"), help: "A candidate network as 'K LAYERS [WIRING]' (e.g. '10 0', '8 1x16 greedy', '6 1x64 random'; wiring greedy by default); repeat for several.")
    var networks: [String] = ContestCandidate.defaults

    @Option(name: .customLong("max-ands"), help: "The largest circuit kept, in two-input ANDs.")
    var maxAnds: Int = CircuitSizeExperiment.andLimit

    @Flag(help: "Learn the chosen network again from the training and validation splits together.")
    var relearn = false

    @Option(help: "The seed of every network.")
    var seed: UInt64 = 0

    @Option(help: "Functions learned at once (one thread each).")
    var jobs: Int = ParallelWork.defaultThreads

    @Option(name: .customLong("abc-script"), help: "The ABC commands run on every circuit before it is measured and written.")
    var abcScript: String = ABCSynthesis.standardScript

    @Flag(help: "Discard the results already in --out and start afresh.")
    var fresh = false

    func run() throws {
        guard maxAnds >= 1 else { throw ValidationError("--max-ands \(maxAnds): use 1 or more") }
        let jobs = try ParallelWork.validated(threads: self.jobs, option: "--jobs")
        let candidates = try networks.map { try ContestCandidate(parsing: $0) }
        guard !candidates.isEmpty else { throw ValidationError("--network: give at least one candidate") }
        guard let abc = ABCSynthesis.program() else {
            throw ValidationError("berkeley-abc (or abc) is not on PATH: install the Debian package berkeley-abc")
        }
        let only = functions.map { $0.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) } }
        let all = try ContestFunction.find(at: data, only: only)
        let lock = try ResultFolderLock(folder: out)
        defer { lock.release() }
        var table = try ContestTable(folder: out, fresh: fresh)
        let todo = all.filter { table.entry(for: $0.name) == nil || !FileManager.default.fileExists(atPath: out + "/\($0.name).aig") }
        if todo.count < all.count { Console.progress("\(all.count - todo.count) functions already in \(table.path), skipped") }
        let contest = CircuitContest(candidates: candidates, maxAnds: maxAnds, relearn: relearn, abc: abc, script: abcScript, seed: seed)
        let shared = ContestProgress(table: table)
        let clock = ContinuousClock.now
        // One function at a time per worker, taken from the shared counter; none after a failure.
        ParallelWork.forEach(count: todo.count, threads: jobs, chunk: 1) { _, functions in
            for index in functions where shared.error == nil {
                do {
                    let entry = try contest.enter(todo[index], folder: out) { Console.progress($0) }
                    try shared.record(entry)
                    Console.progress("\(entry.function) (\(entry.category)): \(entry.network) \(entry.circuit)"
                        + String(format: ", valid %.4f, %d ANDs, %d levels, %.1f s", entry.validAccuracy, entry.ands, entry.levels, entry.seconds))
                } catch {
                    shared.fail(error)
                }
            }
        }
        if let error = shared.error { throw error }
        table = shared.table
        let command = "lutnet contest \(CommandLine.arguments.dropFirst(2).joined(separator: " "))"
        let names = Set(all.map(\.name))
        let entries = table.entries.filter { names.contains($0.function) }
        let markdown = ContestTable.markdown(entries, command: command, script: abcScript)
        try markdown.write(toFile: (out as NSString).appendingPathComponent("contest.md"), atomically: true, encoding: .utf8)
        let figure = ContestTable.figure(entries)
        try figure.write(toFile: (out as NSString).appendingPathComponent("contest.svg"), atomically: true, encoding: .utf8)
        print(markdown)
        Console.progress(String(format: "%d functions in %.1f s", todo.count, (ContinuousClock.now - clock).seconds))
    }
}

/// The results table shared by the workers of a contest run, and the first failure.
private final class ContestProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: ContestTable
    private var failure: Error?

    init(table: ContestTable) { recorded = table }

    /// The table with every entry recorded so far.
    var table: ContestTable { lock.withLock { recorded } }

    /// The first failure of any worker.
    var error: Error? { lock.withLock { failure } }

    func record(_ entry: CircuitContest.Entry) throws {
        try lock.withLock { try recorded.append(entry) }
    }

    func fail(_ error: Error) {
        lock.withLock { if failure == nil { failure = error } }
    }
}
