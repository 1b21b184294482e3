extension CExport {
    /// A multi-class model's voters in the C file: class c's voting LUTs are the slots
    /// `voters[voter_start[c] .. voter_start[c + 1])` (a slot listed twice votes twice); nothing
    /// for a binary network.
    static func classIndexTables(_ circuit: LogicCircuit, name: String, inputSlots: Int) -> String {
        guard case .classIndex(_, let voters) = circuit.readout else { return "" }
        let upper = name.uppercased()
        let start = voters.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        return """
            #define \(upper)_CLASSES \(voters.count)u
            /* Class c's votes: how many of the slots voters[voter_start[c] .. voter_start[c + 1]) are 1. */
            static const uint32_t \(name)_voter_start[\(start.count)] = {\(list(start))};
            static const uint32_t \(name)_voters[\(start[start.count - 1])] = {\(list(voters.flatMap { $0.map { inputSlots + $0 } }))};

            """
    }

    /// The C statements giving each example of a block its class: its votes counted per class, the
    /// best-voted class winning and the lowest on a tie (a later class must have more votes).
    static func classIndexAnswers(name: String) -> String {
        let upper = name.uppercased()
        return """
                for (e = 0; e < count; e++) {
                    uint32_t c, v, best = 0, best_votes = 0;
                    for (c = 0; c < \(upper)_CLASSES; c++) {
                        uint32_t votes = 0;
                        for (v = \(name)_voter_start[c]; v < \(name)_voter_start[c + 1]; v++)
                            votes += (uint32_t)((slots[\(name)_voters[v]] >> e) & 1u);
                        if (c == 0 || votes > best_votes) {
                            best = c;
                            best_votes = votes;
                        }
                    }
                    answers[e] = (uint8_t)best;
                }
            """
    }
}
