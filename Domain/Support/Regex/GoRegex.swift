/// A Go (RE2) regular expression, parsed with `regexp/syntax`'s Perl flags and matched in linear
/// time, as PocketBase 0.28.4 checks a text field's `pattern` with `regexp.MatchString`.
struct GoRegex: Sendable {
    let program: GoRegexProgram

    /// Compiles a pattern, or throws Go's error for it.
    init(_ pattern: String) throws(GoRegexError) {
        let node = try GoRegexParser.parse(pattern)
        program = try GoRegexProgram.compile(node, pattern: pattern)
    }

    /// Go's `MatchString`: whether the pattern matches anywhere in the text, scalar by scalar.
    func matches(_ text: String) -> Bool {
        matchWithSteps(text).matched
    }

    /// The match and the instructions visited finding it, so tests can bound the work.
    func matchWithSteps(_ text: String) -> (matched: Bool, steps: Int) {
        var matcher = GoRegexMatcher(program: program, text: text.unicodeScalars.map(\.value))
        let matched = matcher.run()
        return (matched, matcher.steps)
    }
}
