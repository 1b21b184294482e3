/// Loads Espresso PLA files as examples, the format of the IWLS 2020 learning contest: `.i N`, `.o 1`,
/// optionally `.p P` and `.type fr`, then one row per example, `N` characters 0/1, whitespace and the
/// output bit, ended by `.e`. Files may be plain or gzip-compressed (`.pla.gz`).
///
/// An example's N input bits become N byte features of value 0 or 255 (so binarizing at any threshold
/// from 1 to 255 gives the bits back), its shape is [N], its label the output bit (0 or 1): the
/// natural task is `0:1`. A PLA file holds one split.
package enum PLALoader {
    /// The largest (decompressed) PLA file accepted.
    package static let maxFileBytes: UInt64 = 1 << 32
    /// The largest number of inputs accepted.
    package static let maxInputs = 1 << 24
    /// The feature value of a 1 bit.
    package static let oneValue: UInt8 = 255

    /// True if `path` names a PLA file: it ends in `.pla` or `.pla.gz`.
    package static func isPLAPath(_ path: String) -> Bool {
        path.hasSuffix(".pla") || path.hasSuffix(".pla.gz")
    }

    /// Loads the PLA file at `path` (plain or gzip) as labeled examples.
    package static func load(path: String) throws(DatasetError) -> ImageSet {
        let contents: FileContents
        do {
            contents = try FileContents.read(path: path, maxLength: maxFileBytes)
        } catch {
            throw .pla(.unreadable(error))
        }
        let parsed: (pixels: [UInt8], labels: [UInt8], inputs: Int)
        do {
            parsed = try contents.withUnsafeBytes { bytes throws(PLAError) in
                var parser = PLAParser(path: path)
                return try parser.parse(bytes)
            }
        } catch {
            throw .pla(error)
        }
        return try ImageSet(pixels: parsed.pixels, imageShape: [parsed.inputs], labels: parsed.labels,
                            source: path)
    }
}

/// Line-by-line PLA parsing over the bytes of a whole file.
struct PLAParser {
    let path: String
    private var inputs: Int?
    private var outputsSeen = false
    private var declaredRows: (count: Int, line: Int)?
    private var ended = false
    private var pixels: [UInt8] = []
    private var labels: [UInt8] = []
    /// Size of the whole file, to reserve room for the rows it can hold.
    private var byteCount = 0

    init(path: String) { self.path = path }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r")
    private static let zero = UInt8(ascii: "0"), one = UInt8(ascii: "1"), dash = UInt8(ascii: "-")

    /// The examples of the file: pixels (0 or 255), labels (0 or 1) and the number of inputs.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(PLAError)
        -> (pixels: [UInt8], labels: [UInt8], inputs: Int) {
        byteCount = bytes.count
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            lineNumber += 1
            var stop = end
            while stop > start, bytes[stop - 1] == Self.cr { stop -= 1 }
            try parseLine(UnsafeBufferPointer(rebasing: bytes[start..<stop]), line: lineNumber)
            start = end + 1
        }
        guard let inputs else { throw .missingInputCount(path: path, line: nil) }
        if let declared = declaredRows, declared.count != labels.count {
            throw .rowCountMismatch(path: path, line: declared.line, declared: declared.count,
                                    found: labels.count)
        }
        guard !labels.isEmpty else { throw .noExamples(path: path) }
        return (pixels, labels, inputs)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    private mutating func parseLine(_ line: UnsafeBufferPointer<UInt8>, line number: Int) throws(PLAError) {
        var first = 0
        while first < line.count, Self.isSpace(line[first]) { first += 1 }
        guard first < line.count, line[first] != UInt8(ascii: "#") else { return } // blank or comment
        guard !ended else { throw .contentAfterEnd(path: path, line: number) }
        if line[first] == UInt8(ascii: ".") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: line[first...]), as: UTF8.self)
            try parseDirective(String(Substring(text).trimmingWhitespace()), line: number)
        } else {
            try parseRow(line, from: first, line: number)
        }
    }

    private mutating func parseDirective(_ text: String, line: Int) throws(PLAError) {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let keyword = fields[0]
        func number(minimum: Int) throws(PLAError) -> Int {
            guard fields.count == 2, let value = Int(fields[1]), value >= minimum else {
                throw .invalidDirective(path: path, line: line, text: text,
                                        reason: "expected \(keyword) followed by one whole number "
                                            + (minimum > 0 ? "of at least \(minimum)" : "(0 or more)"))
            }
            return value
        }
        switch keyword {
        case ".i":
            let value = try number(minimum: 1)
            guard value <= PLALoader.maxInputs else {
                throw .invalidDirective(path: path, line: line, text: text,
                                        reason: "more than \(PLALoader.maxInputs) inputs")
            }
            guard inputs == nil else {
                throw .invalidDirective(path: path, line: line, text: text, reason: "a second .i line")
            }
            inputs = value
        case ".o":
            let value = try number(minimum: 0)
            guard value == 1 else { throw .unsupportedOutputCount(path: path, line: line, outputs: value) }
            guard !outputsSeen else {
                throw .invalidDirective(path: path, line: line, text: text, reason: "a second .o line")
            }
            outputsSeen = true
        case ".p":
            let value = try number(minimum: 0)
            guard declaredRows == nil else {
                throw .invalidDirective(path: path, line: line, text: text, reason: "a second .p line")
            }
            declaredRows = (value, line)
        case ".type":
            guard fields.count == 2, fields[1] == "fr" else {
                throw .invalidDirective(path: path, line: line, text: text,
                                        reason: "only .type fr is supported (every row is an example "
                                            + "with its output bit)")
            }
        case ".ilb", ".ob":
            break // signal names: not needed for learning
        case ".e", ".end":
            ended = true
        default:
            throw .invalidDirective(path: path, line: line, text: text,
                                    reason: "unsupported directive (expected .i, .o, .p, .type, .ilb, .ob or .e)")
        }
    }

    private mutating func parseRow(_ line: UnsafeBufferPointer<UInt8>, from first: Int,
                                   line number: Int) throws(PLAError) {
        guard let inputs else { throw .missingInputCount(path: path, line: number) }
        guard outputsSeen else { throw .missingOutputCount(path: path, line: number) }
        if labels.isEmpty {
            // Every row takes at least inputs + 2 bytes (bits, a space, the output bit).
            let rows = min(declaredRows?.count ?? Int.max, byteCount / (inputs + 2) + 1)
            labels.reserveCapacity(rows)
            pixels.reserveCapacity(rows * inputs)
        }
        var end = first
        while end < line.count, !Self.isSpace(line[end]) {
            let byte = line[end]
            if byte != Self.zero && byte != Self.one {
                try refuse(byte, line: number, column: end + 1)
            }
            end += 1
        }
        guard end - first == inputs else {
            throw .wrongRowLength(path: path, line: number, expected: inputs, found: end - first)
        }
        var output = end
        while output < line.count, Self.isSpace(line[output]) { output += 1 }
        guard output < line.count else {
            throw .malformedRow(path: path, line: number, reason: "no output bit after the \(inputs) input bits")
        }
        var after = output + 1
        while after < line.count, Self.isSpace(line[after]) { after += 1 }
        guard after == line.count, output + 1 == line.count || Self.isSpace(line[output + 1]) else {
            let rest = String(decoding: UnsafeBufferPointer(rebasing: line[output...]), as: UTF8.self)
            throw .malformedRow(path: path, line: number,
                                reason: "expected one output bit after the input bits, found '\(rest)'")
        }
        let bit = line[output]
        if bit != Self.zero && bit != Self.one { try refuse(bit, line: number, column: output + 1) }
        for index in first..<end { pixels.append(line[index] == Self.one ? PLALoader.oneValue : 0) }
        labels.append(bit == Self.one ? 1 : 0)
    }

    private func refuse(_ byte: UInt8, line: Int, column: Int) throws(PLAError) {
        if byte == Self.dash { throw .dontCare(path: path, line: line, column: column) }
        let character = byte >= 0x20 && byte < 0x7f ? String(UnicodeScalar(byte))
            : "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
        throw .invalidCharacter(path: path, line: line, column: column, character: character)
    }
}
