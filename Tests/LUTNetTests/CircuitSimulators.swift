import Foundation
import XCTest
@testable import LUTNet

/// Runs exported circuits through the outside tools (Berkeley ABC, Yosys, Icarus Verilog, a C
/// compiler) on examples and reads back their answers; a missing tool is a skip that says which.
enum CircuitSimulators {
    /// The examples of `bits` (rows: input bits, columns: examples) `columns`, each as its bits.
    static func examples(_ bits: BitMatrix, columns: Range<Int>) -> [[Bool]] {
        columns.map { c in (0..<bits.rowCount).map { bits[$0, c] } }
    }

    static func tool(_ names: [String], purpose: String) throws -> String {
        guard let path = ExternalTools.find(names) else {
            throw XCTSkip("\(names.joined(separator: " or ")) is not on PATH: \(purpose) cannot be checked (apt-get install berkeley-abc yosys iverilog)")
        }
        return path
    }

    static func checked(_ program: String, _ arguments: [String]) throws -> ExternalTools.Outcome {
        let outcome = try ExternalTools.run(program, arguments)
        guard outcome.status == 0 else {
            throw NSError(domain: "CircuitSimulators", code: Int(outcome.status),
                          userInfo: [NSLocalizedDescriptionKey: "\(program) \(arguments.joined(separator: " ")): \(outcome.transcript)"])
        }
        return outcome
    }

    /// How a module takes its inputs: our bus `x`, or scalar ports `x0`… (ABC and Yosys netlists of a BLIF).
    enum Ports { case bus, scalars }

    /// Icarus Verilog's answers of module `top` in `verilog` on every example: its output `y` of
    /// `outputBits` bits (a bus, or with `.scalars` the ports `y0`… when wider than one bit) as a number.
    static func iverilog(_ verilog: String, top: String, ports: Ports, inputs: Int, outputBits: Int = 1, examples: [[Bool]],
                         in folder: URL) throws -> [UInt8] {
        let compiler = try tool(["iverilog"], purpose: "Verilog simulation")
        let runner = try tool(["vvp"], purpose: "Verilog simulation")
        let vectors = examples.map { bits in String(bits.reversed().map { $0 ? "1" : "0" }) }.joined(separator: "\n") + "\n"
        try vectors.write(to: folder.appendingPathComponent("vectors.txt"), atomically: true, encoding: .utf8)
        var connections = ports == .bus ? ".x(x)" : (0..<inputs).map { ".x\($0)(x[\($0)])" }.joined(separator: ", ")
        connections += ports == .scalars && outputBits > 1 ? ", " + (0..<outputBits).map { ".y\($0)(y[\($0)])" }.joined(separator: ", ")
            : ", .y(y)"
        let bench = """
            module bench;
              reg [\(inputs - 1):0] vectors [0:\(examples.count - 1)];
              reg [\(inputs - 1):0] x;
              wire [\(outputBits - 1):0] y;
              integer i;
              \(top) circuit(\(connections));
              initial begin
                $readmemb("\(folder.appendingPathComponent("vectors.txt").path)", vectors);
                $write("answers:");
                for (i = 0; i < \(examples.count); i = i + 1) begin x = vectors[i]; #1; $write(" %0d", y); end
                $write("\\n");
                $finish;
              end
            endmodule

            """
        let design = folder.appendingPathComponent("design.v"), benchFile = folder.appendingPathComponent("bench.v")
        try verilog.write(to: design, atomically: true, encoding: .utf8)
        try bench.write(to: benchFile, atomically: true, encoding: .utf8)
        let compiled = folder.appendingPathComponent("bench.vvp").path
        _ = try checked(compiler, ["-o", compiled, benchFile.path, design.path])
        let run = try checked(runner, ["-n", compiled])
        return answers(run.output.split(separator: "\n").first { $0.hasPrefix("answers:") })
    }

    /// ABC's reading of `blif` after `read; strash; dc2`, written back as structural Verilog.
    static func abcNetlist(_ blif: String, in folder: URL) throws -> String {
        let abc = try tool(["berkeley-abc", "abc"], purpose: "the BLIF export through ABC")
        let input = folder.appendingPathComponent("circuit.blif"), output = folder.appendingPathComponent("abc.v")
        try blif.write(to: input, atomically: true, encoding: .utf8)
        _ = try checked(abc, ["-c", "read \(input.path); strash; dc2; write_verilog \(output.path)"])
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// Yosys's synthesized netlist of a BLIF (`read_blif`) or Verilog (`read_verilog`) circuit.
    static func yosysNetlist(_ text: String, blif: Bool, top: String, in folder: URL) throws -> String {
        let yosys = try tool(["yosys"], purpose: "Yosys synthesis")
        let input = folder.appendingPathComponent(blif ? "yosys-in.blif" : "yosys-in.v"), output = folder.appendingPathComponent("yosys.v")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let read = blif ? "read_blif \(input.path)" : "read_verilog \(input.path)"
        _ = try checked(yosys, ["-q", "-p", "\(read); synth -top \(top); write_verilog -noattr \(output.path)"])
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// The exported C file compiled with -std=c99 -Wall -Wextra -Werror -O2 and run on `bytes`
    /// (`count` examples of `inputs` bytes): the batch function's answers, checked against the
    /// one-example function on every example.
    static func runC(_ source: String, name: String, bytes: [UInt8], count: Int, inputs: Int, in folder: URL) throws -> [UInt8] {
        let compiler = try ExternalTools.cCompiler()
        let driver = """
            #include <stdint.h>
            #include <stdio.h>
            #include <stdlib.h>
            int \(name)_predict(const uint8_t *example);
            int \(name)_predict_batch(const uint8_t *examples, size_t count, uint8_t *answers);
            int main(int argc, char **argv) {
                printf("answers:");
                size_t count = \(count), inputs = \(inputs), i;
                uint8_t *examples = malloc(count * inputs), *answers = malloc(count);
                FILE *file = argc > 1 ? fopen(argv[1], "rb") : NULL;
                if (!file || !examples || !answers || fread(examples, 1, count * inputs, file) != count * inputs) return 2;
                fclose(file);
                if (\(name)_predict_batch(examples, count, answers) != 0) return 3;
                for (i = 0; i < count; i++) {
                    if (\(name)_predict(examples + i * inputs) != answers[i]) { printf("single and batch differ at %zu\\n", i); return 4; }
                    printf(" %d", answers[i]);
                }
                putchar('\\n');
                free(examples); free(answers);
                return 0;
            }

            """
        let exported = folder.appendingPathComponent("exported.c"), main = folder.appendingPathComponent("driver.c")
        try source.write(to: exported, atomically: true, encoding: .utf8)
        try driver.write(to: main, atomically: true, encoding: .utf8)
        let data = folder.appendingPathComponent("examples.bin")
        try Data(bytes).write(to: data)
        let program = folder.appendingPathComponent("predict").path
        _ = try checked(compiler, ["-std=c99", "-Wall", "-Wextra", "-Werror", "-O2", "-o", program, exported.path, main.path])
        return answers(try checked(program, [data.path]).output.split(separator: "\n").first { $0.hasPrefix("answers:") })
    }

    /// The numbers of a line `answers: A B …`; a value that is no number (an `x` of Verilog) reads as 255.
    static func answers(_ line: Substring?) -> [UInt8] {
        (line ?? "").dropFirst("answers:".count).split(separator: " ").map { UInt8($0) ?? 255 }
    }

    /// The BLIF text evaluated directly on every example of `bits` (rows: input bits `x0`…,
    /// columns: examples), 64 examples to a word: each `.names` block is the OR of its rows'
    /// products (complemented for rows with output 0); the answer of an example is the number its
    /// `.outputs` make, the first output its least significant bit.
    static func evaluateBLIF(_ blif: String, on bits: BitMatrix) throws -> [UInt8] {
        // Join continued lines, drop comments.
        let lines = blif.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n")
            .map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "" }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var outputs: [String] = []
        var blocks: [(inputs: [String], output: String, rows: [(cube: [Character], value: Bool)])] = []
        for line in lines {
            let fields = line.split(separator: " ").map(String.init)
            switch fields[0] {
            case ".outputs": outputs = Array(fields.dropFirst())
            case ".names": blocks.append((Array(fields.dropFirst().dropLast()), fields[fields.count - 1], []))
            case ".model", ".inputs", ".end": continue
            default:
                guard !blocks.isEmpty else { throw NSError(domain: "BLIF", code: 1, userInfo: [NSLocalizedDescriptionKey: "row outside .names: \(line)"]) }
                let cube = fields.count == 1 ? [] : Array(fields[0])
                blocks[blocks.count - 1].rows.append((cube, fields[fields.count - 1] == "1"))
            }
        }
        var answers = [UInt8](repeating: 0, count: bits.columnCount)
        for word in 0..<bits.wordsPerRow {
            var values: [String: UInt64] = [:]
            for j in 0..<bits.rowCount { values["x\(j)"] = bits.words[j * bits.wordsPerRow + word] }
            for block in blocks {
                let inputs = try block.inputs.map { name -> UInt64 in
                    guard let value = values[name] else {
                        throw NSError(domain: "BLIF", code: 2, userInfo: [NSLocalizedDescriptionKey: "\(name) is read before it is set"])
                    }
                    return value
                }
                var covered: UInt64 = 0
                for row in block.rows {
                    var product = ~UInt64(0)
                    for (j, literal) in row.cube.enumerated() where literal != "-" { product &= literal == "1" ? inputs[j] : ~inputs[j] }
                    covered |= product
                }
                // Rows with output 0 cover the zeros; no row at all is the constant 0.
                values[block.output] = block.rows.first?.value == false ? ~covered : covered
            }
            for e in 0..<min(64, bits.columnCount - word * 64) {
                for (bit, name) in outputs.enumerated() where (values[name] ?? 0) >> UInt64(e) & 1 == 1 {
                    answers[word * 64 + e] |= 1 << UInt8(bit)
                }
            }
        }
        return answers
    }

    /// Bytes that binarize to `examples` at any threshold: 255 for 1, 0 for 0.
    static func bytes(_ examples: [[Bool]]) -> [UInt8] { examples.flatMap { $0.map { $0 ? 255 : 0 } } }
}
