/// The text of an option or parameter that names a setting (a wiring, a list of input bits) as a
/// whole. Text that is empty, starts or ends with white space, or holds a control character (a
/// line break left over from reading a line, a tab) is a caller's slip, never a setting: the
/// parsers refuse it instead of reading something else into it. Spaces between the parts of a
/// list (`threshold, mean`) are fine.
enum OptionText {
    /// Why `text` cannot name a setting, or nil when it may.
    static func problem(in text: String) -> String? {
        if text.isEmpty { return "the text is empty" }
        if text.first?.isWhitespace == true || text.last?.isWhitespace == true {
            return "\(text.debugDescription) starts or ends with white space"
        }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "\(text.debugDescription) holds a control character"
        }
        return nil
    }
}
