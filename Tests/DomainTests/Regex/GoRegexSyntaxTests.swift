import Testing
@testable import PocketDomain

@Suite("Go regexp syntax errors")
struct GoRegexSyntaxTests {
    // The texts are Go's `regexp/syntax` errors without their "error parsing regexp: " prefix.
    @Test("refused patterns", arguments: [
        ("a\\1", "invalid escape sequence: `\\1`"), ("\\8", "invalid escape sequence: `\\8`"),
        ("\\Z", "invalid escape sequence: `\\Z`"), ("\\C", "invalid escape sequence: `\\C`"),
        ("\\xZ1", "invalid escape sequence: `\\xZ1`"), ("\\x{110000}", "invalid escape sequence: `\\x{110000`"),
        ("\\x{}", "invalid escape sequence: `\\x{}`"), ("\\x{12", "invalid escape sequence: `\\x{12`"),
        ("\\é", "invalid escape sequence: `\\é`"), ("[\\b]", "invalid escape sequence: `\\b`"),
        ("a\\", "trailing backslash at end of expression: ``"),
        ("(?=x)", "invalid or unsupported Perl syntax: `(?=`"), ("(?!x)", "invalid or unsupported Perl syntax: `(?!`"),
        ("(?>x)", "invalid or unsupported Perl syntax: `(?>`"), ("(?x)", "invalid or unsupported Perl syntax: `(?x`"),
        ("(?i-)", "invalid or unsupported Perl syntax: `(?i-)`"), ("(?--i)", "invalid or unsupported Perl syntax: `(?--`"),
        ("a(?", "invalid or unsupported Perl syntax: `(?`"), ("(?P=n)", "invalid or unsupported Perl syntax: `(?P`"),
        ("(?<=a)b", "invalid named capture: `(?<=a)b`"), ("(?<!a)b", "invalid named capture: `(?<!a)b`"),
        ("(?P<na-me>x)", "invalid named capture: `(?P<na-me>`"), ("(?P<>x)", "invalid named capture: `(?P<>`"),
        ("(?P<name", "invalid named capture: `(?P<name`"),
        ("a**", "invalid nested repetition operator: `**`"), ("a++", "invalid nested repetition operator: `++`"),
        ("a?+", "invalid nested repetition operator: `?+`"), ("a*?*", "invalid nested repetition operator: `*?*`"),
        ("a{2}{3}", "invalid nested repetition operator: `{2}{3}`"),
        ("*a", "missing argument to repetition operator: `*`"), ("(*)", "missing argument to repetition operator: `*`"),
        ("a|+", "missing argument to repetition operator: `+`"), ("{2}", "missing argument to repetition operator: `{2}`"),
        ("(?i)*?", "missing argument to repetition operator: `*?`"),
        ("a{1001}", "invalid repeat count: `{1001}`"), ("a{2,1}", "invalid repeat count: `{2,1}`"),
        ("a{9223372036854775807}", "invalid repeat count: `{9223372036854775807}`"),
        ("a{1,9223372036854775807}", "invalid repeat count: `{1,9223372036854775807}`"),
        ("(a{100}){20}", "invalid repeat count: `{20}`"), ("((a{10}){10}){11}", "invalid repeat count: `{11}`"),
        ("(a{2}){1001}", "invalid repeat count: `{1001}`"),
        ("(a", "missing closing ): `(a`"), ("((a)", "missing closing ): `((a)`"),
        ("a)", "unexpected ): `a)`"), (")", "unexpected ): `)`"),
        ("[", "missing closing ]: `[`"), ("x[ab", "missing closing ]: `[ab`"), ("[]", "missing closing ]: `[]`"),
        ("[a-", "missing closing ]: `[a-`"),
        ("[z-a]", "invalid character class range: `z-a`"), ("[[:foo:]]", "invalid character class range: `[:foo:]`"),
        ("\\p{Klingon}", "invalid character class range: `\\p{Klingon}`"), ("\\pX", "invalid character class range: `\\pX`"),
        ("\\p", "invalid character class range: `\\p`"), ("\\p{L", "invalid character class range: `\\p{L`"),
    ] as [(String, String)])
    func refused(pattern: String, reason: String) {
        #expect(GoRegexSyntax.problem(pattern) == reason)
    }

    @Test("accepted patterns", arguments: [
        "^[a-z0-9]+$", "a{1000}", "((a{10}){10}){10}", "(?i)abc", "(?i:a)(?-i)b", "(?P<n>x)(?<m>y)", "(?)",
        "a{,5}", "a{", "x{01}", "^*", "\\b+", "[[:alpha]", "[[:^space:]]", "\\p{^Greek}", "\\PL", "(?:)*", "|",
        "\\Q(*)\\E", "[\\d-z]", "\\x{10FFFF}", "\\123", "(a{2}){500}", "[\\p{L}\\p{N}_]+",
    ])
    func accepted(pattern: String) {
        #expect(GoRegexSyntax.problem(pattern) == nil)
    }

    @Test("deep nesting is refused, not a crash")
    func nesting() {
        let deep = String(repeating: "(", count: 1200) + "a" + String(repeating: ")", count: 1200)
        #expect(GoRegexSyntax.problem(deep) == "expression nests too deeply: `\(deep)`")
        // Each group and star adds a level: 998 of both are too deep; 998 groups alone (height 999) are
        // at the limit, and every walk of the tree then recurses that deep.
        let starred = String(repeating: "(", count: 998) + "a+" + String(repeating: ")*", count: 998)
        #expect(GoRegexSyntax.problem(starred) == "expression nests too deeply: `\(starred)`")
        let limit = String(repeating: "(", count: 998) + "a" + String(repeating: ")", count: 998)
        #expect(GoRegexSyntax.problem(limit) == nil)
        #expect(GoRegexMatch.matches(limit, "xay"))
        let repeated = String(repeating: "(?:", count: 499) + "a" + String(repeating: ")*", count: 499)
        #expect(GoRegexSyntax.problem(repeated) == nil)
        #expect(GoRegexMatch.matches(repeated, "aaa"))
        let open = String(repeating: "(", count: 100_000)
        #expect(GoRegexSyntax.problem(open) == "missing closing ): `\(open)`")
    }

    @Test("programs beyond the instruction limit are refused as too large")
    func tooLarge() {
        let pattern = String(repeating: "[a-z]{1000}", count: 11)
        #expect(GoRegexSyntax.problem(pattern) == "expression too large: `\(pattern)`")
        #expect(GoRegexSyntax.problem("(?:abcdefghij){1000}") == "expression too large: `(?:abcdefghij){1000}`")
        #expect(GoRegexSyntax.problem("[a-z]{1000}[0-9]{1000}") == nil)
    }

    @Test("the collection validator reports Go's message")
    func validatorMessage() {
        #expect(Rules.regexProblem("a{1001}")?.message == "Error parsing regexp: invalid repeat count: `{1001}`.")
        #expect(Rules.regexProblem("") == nil)
    }
}
