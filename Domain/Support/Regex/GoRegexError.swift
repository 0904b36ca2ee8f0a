/// Why a pattern is not valid Go (RE2) syntax: one of `regexp/syntax`'s error codes and the part
/// of the pattern it names.
struct GoRegexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `regexp/syntax`'s `ErrorCode` texts.
    enum Code: String, Sendable {
        case invalidCharClass = "invalid character class"
        case invalidCharRange = "invalid character class range"
        case invalidEscape = "invalid escape sequence"
        case invalidNamedCapture = "invalid named capture"
        case invalidPerlOp = "invalid or unsupported Perl syntax"
        case invalidRepeatOp = "invalid nested repetition operator"
        case invalidRepeatSize = "invalid repeat count"
        case missingBracket = "missing closing ]"
        case missingParen = "missing closing )"
        case missingRepeatArgument = "missing argument to repetition operator"
        case trailingBackslash = "trailing backslash at end of expression"
        case unexpectedParen = "unexpected )"
        case nestingDepth = "expression nests too deeply"
        case large = "expression too large"
    }

    var code: Code
    /// The offending text, as Go quotes it between backticks.
    var expression: String

    init(_ code: Code, _ expression: String) {
        self.code = code
        self.expression = expression
    }

    init(_ code: Code, _ scalars: ArraySlice<Unicode.Scalar>) {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        self.init(code, text)
    }

    /// Go's `Error()` text without its `error parsing regexp: ` prefix: "code: `expr`".
    var description: String { "\(code.rawValue): `\(expression)`" }
}
