/// A circuit as one self-contained C99 file with no dependency on LUTNet:
///
/// - `int NAME_predict(const uint8_t *example)`: the answer (0 or 1; a multi-class model's class
///   index) for one example's bytes, binarization included, or -1 if scratch memory could not be had;
/// - `int NAME_predict_batch(const uint8_t *examples, size_t count, uint8_t *answers)`: the answers
///   for `count` examples stored one after another, 0 on success, -1 without scratch memory.
///
/// The batch function is bit-sliced: 64 examples at a time, every signal is one 64-bit word, a node
/// of up to 9 inputs is a tree of multiplexers over its table and a wider node looks each
/// example's pattern up in its table. A multi-class model's LUTs are evaluated so, then every
/// example's votes are counted per class and the best-voted class, the lowest on a tie, is its answer.
public enum CExport {
    /// Scratch words above which the evaluation allocates instead of using the stack.
    static let stackWords = 8192
    /// Zeros after the last fanin: the node function reads up to 9 fanins of any node as far as a
    /// compiler can tell, and GCC's bounds analysis (-Warray-bounds) refuses that past the end of a
    /// small circuit's array.
    static let faninPadding = 9

    /// The C text of a circuit.
    ///
    /// - Parameters:
    ///   - circuit: The circuit, of a binary network or a multi-class model.
    ///   - name: The prefix of the functions and macros, a C identifier.
    /// - Returns: The file's text.
    public static func text(_ circuit: LogicCircuit, name: String) -> String {
        let used = circuit.usedInputs
        let slotOfInput = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
        var faninStart: [Int] = [0], fanins: [Int] = [], tableStart: [Int] = [0], tables: [UInt64] = []
        let luts = circuit.nodes.prefix(circuit.lutCount)
        for node in luts {
            for input in node.inputs {
                switch input {
                case .input(let j): fanins.append(slotOfInput[j] ?? 0)
                case .node(let n): fanins.append(used.count + n)
                }
            }
            faninStart.append(fanins.count)
            tables += node.function.words
            tableStart.append(tables.count)
        }
        let slots = used.count + luts.count
        let upper = name.uppercased()
        let usedInputs = used.isEmpty ? "/* The circuit reads no input bit. */" : """
            /* The input bits the circuit reads; slot u of the scratch holds bit used_inputs[u]. */
            static const uint32_t \(name)_used_inputs[\(used.count)] = {\(list(used))};
            """
        // A circuit that reads no input (a constant) has no binarization loop, whose bound would be 0.
        let binarization = used.isEmpty ? "    (void)examples;" : """
                uint32_t u;
                for (u = 0; u < \(upper)_USED_INPUTS; u++) slots[u] = 0;
                for (e = 0; e < count; e++) {
                    const uint8_t *example = examples + e * \(upper)_INPUTS;
                    for (u = 0; u < \(upper)_USED_INPUTS; u++)
                        slots[u] |= (uint64_t)(example[\(name)_used_inputs[u]] >= \(upper)_THRESHOLD) << e;
                }
            """
        var out = "/*\n" + CircuitNames.headerLines(circuit, format: "C99", thresholdsInside: true, inputName: { "byte \($0)" },
                                                    indexOutput: "returned by the functions below")
            .map { " * " + $0 }.joined(separator: "\n") + "\n *\n"
        let answer = if case .classIndex = circuit.readout { "the class index" } else { "the answer (0 or 1)" }
        out += """
             * int \(name)_predict(const uint8_t *example): \(answer) for the \(circuit.inputCount) bytes of one
             *     example, or -1 when scratch memory cannot be allocated.
             * int \(name)_predict_batch(const uint8_t *examples, size_t count, uint8_t *answers): answers[i] for the
             *     example at examples + i * \(circuit.inputCount); returns 0, or -1 when scratch memory cannot be allocated.
             * Compile with any C99 compiler, e.g. cc -std=c99 -O2 -c this_file.c.
             */
            #include <stddef.h>
            #include <stdint.h>
            #include <stdlib.h>

            #define \(upper)_INPUTS \(circuit.inputCount)u
            #define \(upper)_THRESHOLD \(circuit.threshold)u
            #define \(upper)_USED_INPUTS \(used.count)u
            #define \(upper)_NODES \(luts.count)u
            #define \(upper)_SLOTS \(slots)u

            int \(name)_predict(const uint8_t *example);
            int \(name)_predict_batch(const uint8_t *examples, size_t count, uint8_t *answers);

            \(usedInputs)
            \(classIndexTables(circuit, name: name, inputSlots: used.count))            /* Node i reads slots fanins[fanin_start[i] .. fanin_start[i + 1]) (slot USED_INPUTS + n is node n;
             * zeros pad the array's end)
             * and writes slot USED_INPUTS + i; its table is tables[table_start[i] ..), bit p its output at pattern p. */
            static const uint32_t \(name)_fanin_start[\(faninStart.count)] = {\(list(faninStart))};
            static const uint32_t \(name)_fanins[\(fanins.count + faninPadding)] = {\(list(fanins + Array(repeating: 0, count: faninPadding)))};
            static const uint32_t \(name)_table_start[\(tableStart.count)] = {\(list(tableStart))};
            static const uint64_t \(name)_tables[\(tables.count)] = {\(list(tables.map { "0x" + String($0, radix: 16) + "u" }))};

            /* One node on 64 examples: slot words in, output word back. */
            static uint64_t \(name)_node(const uint64_t *slots, uint32_t node) {
                const uint32_t *in = \(name)_fanins + \(name)_fanin_start[node];
                uint32_t m = \(name)_fanin_start[node + 1] - \(name)_fanin_start[node];
                const uint64_t *table = \(name)_tables + \(name)_table_start[node];
                if (m == 0) return (table[0] & 1u) ? ~(uint64_t)0 : 0;
                if (m == 1) {
                    uint64_t s = slots[in[0]];
                    return ((table[0] & 1u) ? ~s : 0) | ((table[0] & 2u) ? s : 0);
                }
                if (m <= 9) {
                    /* A multiplexer tree whose leaves are the 16 functions of inputs 0 and 1; table
                     * byte i names leaves 2i and 2i+1, which input 2 selects between. */
                    uint64_t f[16], level[64];
                    uint64_t s0 = slots[in[0]], s1 = slots[in[1]], s;
                    uint32_t count, i, j;
                    f[0] = 0; f[1] = ~(s0 | s1); f[2] = s0 & ~s1; f[3] = ~s1; f[4] = ~s0 & s1; f[5] = ~s0;
                    f[6] = s0 ^ s1; f[7] = ~(s0 & s1); f[8] = s0 & s1; f[9] = ~(s0 ^ s1); f[10] = s0;
                    f[11] = s0 | ~s1; f[12] = s1; f[13] = ~s0 | s1; f[14] = s0 | s1; f[15] = ~(uint64_t)0;
                    if (m == 2) return f[table[0] & 15u];
                    s = slots[in[2]];
                    count = 1u << (m - 3);
                    for (i = 0; i < count; i++) {
                        uint32_t byte = (uint32_t)(table[i >> 3] >> ((i & 7u) * 8u)) & 0xffu;
                        uint64_t a = f[byte & 15u], b = f[byte >> 4];
                        level[i] = a ^ ((a ^ b) & s);
                    }
                    for (j = 3; j < m; j++) {
                        s = slots[in[j]];
                        count >>= 1;
                        for (i = 0; i < count; i++) level[i] = level[2 * i] ^ ((level[2 * i] ^ level[2 * i + 1]) & s);
                    }
                    return level[0];
                } else {
                    uint64_t out = 0;
                    uint32_t e, j;
                    for (e = 0; e < 64; e++) {
                        uint32_t pattern = 0;
                        for (j = 0; j < m; j++) pattern |= (uint32_t)((slots[in[j]] >> e) & 1u) << j;
                        out |= ((table[pattern >> 6] >> (pattern & 63)) & 1u) << e;
                    }
                    return out;
                }
            }

            /* Up to 64 examples: binarize the used inputs into slot words, evaluate every node. */
            static void \(name)_block(const uint8_t *examples, size_t count, uint8_t *answers, uint64_t *slots) {
                size_t e;
                uint32_t i;
            \(binarization)
                for (i = 0; i < \(upper)_NODES; i++) slots[\(upper)_USED_INPUTS + i] = \(name)_node(slots, i);
            \(answers(circuit, name: name))
            }

            int \(name)_predict_batch(const uint8_t *examples, size_t count, uint8_t *answers) {
                size_t start;

            """
        if slots <= stackWords {
            out += "    uint64_t slots[\(upper)_SLOTS];\n"
        } else {
            out += "    uint64_t *slots = (uint64_t *)malloc(\(upper)_SLOTS * sizeof(uint64_t));\n    if (slots == NULL) return -1;\n"
        }
        out += """
                for (start = 0; start < count; start += 64) {
                    size_t block = count - start < 64 ? count - start : 64;
                    \(name)_block(examples + start * \(upper)_INPUTS, block, answers + start, slots);
                }

            """
        if slots > stackWords { out += "    free(slots);\n" }
        out += """
                return 0;
            }

            int \(name)_predict(const uint8_t *example) {
                uint8_t answer = 0;
                if (\(name)_predict_batch(example, 1, &answer) != 0) return -1;
                return answer;
            }

            """
        return out
    }

    /// The answers of the examples of a block: the last node's bit for a binary network.
    private static func answers(_ circuit: LogicCircuit, name: String) -> String {
        if case .classIndex = circuit.readout { return classIndexAnswers(name: name) }
        return "    for (e = 0; e < count; e++) answers[e] = (uint8_t)((slots[\(name.uppercased())_SLOTS - 1] >> e) & 1u);"
    }

    /// Comma-separated values, 12 to a line.
    static func list<T>(_ values: [T]) -> String {
        stride(from: 0, to: values.count, by: 12).map { start in
            "\n    " + values[start..<min(start + 12, values.count)].map { "\($0)" }.joined(separator: ", ")
        }.joined(separator: ",") + "\n"
    }
}
