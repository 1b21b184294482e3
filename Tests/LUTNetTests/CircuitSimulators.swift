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

    /// Icarus Verilog's answers of module `top` in `verilog` on every example.
    static func iverilog(_ verilog: String, top: String, ports: Ports, inputs: Int, examples: [[Bool]],
                         in folder: URL) throws -> [UInt8] {
        let compiler = try tool(["iverilog"], purpose: "Verilog simulation")
        let runner = try tool(["vvp"], purpose: "Verilog simulation")
        let vectors = examples.map { bits in String(bits.reversed().map { $0 ? "1" : "0" }) }.joined(separator: "\n") + "\n"
        try vectors.write(to: folder.appendingPathComponent("vectors.txt"), atomically: true, encoding: .utf8)
        let connections = ports == .bus ? ".x(x)" : (0..<inputs).map { ".x\($0)(x[\($0)])" }.joined(separator: ", ")
        let bench = """
            module bench;
              reg [\(inputs - 1):0] vectors [0:\(examples.count - 1)];
              reg [\(inputs - 1):0] x;
              wire y;
              integer i;
              \(top) circuit(\(connections), .y(y));
              initial begin
                $readmemb("\(folder.appendingPathComponent("vectors.txt").path)", vectors);
                for (i = 0; i < \(examples.count); i = i + 1) begin x = vectors[i]; #1; $write("%b", y); end
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
        return answers(run.output.split(separator: "\n").first { !$0.isEmpty && $0.allSatisfy { $0 == "0" || $0 == "1" || $0 == "x" } })
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
                size_t count = \(count), inputs = \(inputs), i;
                uint8_t *examples = malloc(count * inputs), *answers = malloc(count);
                FILE *file = argc > 1 ? fopen(argv[1], "rb") : NULL;
                if (!file || !examples || !answers || fread(examples, 1, count * inputs, file) != count * inputs) return 2;
                fclose(file);
                if (\(name)_predict_batch(examples, count, answers) != 0) return 3;
                for (i = 0; i < count; i++) {
                    if (\(name)_predict(examples + i * inputs) != answers[i]) { printf("single and batch differ at %zu\\n", i); return 4; }
                    putchar('0' + answers[i]);
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
        return answers(try checked(program, [data.path]).output.split(separator: "\n").first)
    }

    static func answers(_ line: Substring?) -> [UInt8] {
        (line ?? "").map { $0 == "1" ? 1 : $0 == "0" ? 0 : 2 }
    }

    /// Bytes that binarize to `examples` at any threshold: 255 for 1, 0 for 0.
    static func bytes(_ examples: [[Bool]]) -> [UInt8] { examples.flatMap { $0.map { $0 ? 255 : 0 } } }
}
