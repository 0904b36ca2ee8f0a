import Testing
@testable import PocketDomain

/// Error messages are PocketBase 0.28.4's own (checked by PATCHing a collection's listRule on the
/// reference server; it answers "Invalid rule. Raw error: <message>.").
@Suite("RuleParser: rejected rules")
struct RuleParserErrorTests {
    @Test("reports the error and its position", arguments: [
        // Empty input, empty groups.
        ("()", "error 1:1 empty filter expression"),
        ("( )", "error 1:1 empty filter expression"),
        (" ", "error 1:1 empty filter expression"),
        ("// only comment", "error 1:1 empty filter expression"),
        ("(// c\n)", "error 1:1 empty filter expression"),
        ("n = 1 && ()", "error 1:10 empty filter expression"),
        // Incomplete and dangling.
        ("n", "error 1:2 invalid or incomplete filter expression"),
        ("n =", "error 1:4 invalid or incomplete filter expression"),
        ("n = 1 &&", "error 1:9 invalid or incomplete filter expression"),
        ("(n = 1 ||)", "error 1:10 invalid or incomplete filter expression"),
        ("&& n = 1", #"error 1:1 expected left operand (identifier, function, text or number), got "&&" (join)"#),
        ("= 1", #"error 1:1 expected left operand (identifier, function, text or number), got "=" (sign)"#),
        ("n = = 1", #"error 1:5 expected right operand (identifier, function text or number), got "=" (sign)"#),
        ("n 1", #"error 1:3 expected a sign operator, got "1" (number)"#),
        ("n f(1) = 1", #"error 1:3 expected a sign operator, got "f" (function)"#),
        ("n = 1 n = 2", #"error 1:7 expected && or ||, got "n" (identifier)"#),
        ("n = 1 (n = 2) n = 3", #"error 1:15 expected && or ||, got "n" (identifier)"#),
        ("title = 'a'b'", #"error 1:12 expected && or ||, got "b" (identifier)"#),
        // Numbers.
        ("n = 1.", #"error 1:5 invalid number "1.""#),
        ("n = .5", "error 1:5 unexpected character '.'"),
        ("n = 1e3", #"error 1:6 expected && or ||, got "e3" (identifier)"#),
        ("n = 1.5.3", "error 1:8 unexpected character '.'"),
        ("n = -", #"error 1:5 invalid number "-""#),
        ("n = --1", #"error 1:5 invalid number "-""#),
        ("n = 1-2", #"error 1:6 expected && or ||, got "-2" (number)"#),
        // Operators.
        ("n == 1", #"error 1:3 invalid sign operator "==""#),
        ("n =! 1", #"error 1:3 invalid sign operator "=!""#),
        ("n ? 1", #"error 1:3 invalid sign operator "?""#),
        ("n ?? 1", #"error 1:3 invalid sign operator "??""#),
        ("n = 1 &&& n = 2", #"error 1:7 invalid join operator "&&&""#),
        ("n = 1 | n = 2", #"error 1:7 invalid join operator "|""#),
        ("n = 1 & n = 2", #"error 1:7 invalid join operator "&""#),
        // Texts.
        ("title = 'abc", #"error 1:9 invalid quoted text "'abc""#),
        (#"title = 'a\\'"#, #"error 1:9 invalid quoted text "'a\\\\'""#),
        ("title = \"a'", #"error 1:9 invalid quoted text "\"a'""#),
        // Comments and whitespace.
        ("n = 1 / 2", "error 1:7 invalid comment"),
        ("n = 1 /", "error 1:7 invalid comment"),
        ("n = 1\r", #"error 1:6 unexpected character '\r'"#),
        ("n\r= 1", #"error 1:2 unexpected character '\r'"#),
        ("n = 1\r\n&& n = 2", #"error 1:6 unexpected character '\r'"#),
        ("\u{00A0}n = 1", #"error 1:1 unexpected character '\u00a0'"#),
        // PocketBase 0.28.4 says '\ufffd' here (fexpr steps back one byte, not one character).
        ("tîtle = 1", "error 1:2 unexpected character 'î'"),
        ("n = 1 ,", "error 1:7 unexpected character ','"),
        // Identifiers.
        ("title. = 1", #"error 1:1 invalid identifier "title.""#),
        ("title: = 1", #"error 1:1 invalid identifier "title:""#),
        ("@ = 1", #"error 1:1 invalid identifier "@""#),
        ("_ = 1", #"error 1:1 invalid identifier "_""#),
        ("# = 1", ##"error 1:1 invalid identifier "#""##),
        ("tit@le = 1", #"error 1:4 expected a sign operator, got "@le" (identifier)"#),
        ("1title = 1", #"error 1:2 expected a sign operator, got "title" (identifier)"#),
        // Groups.
        ("(n = 1", "error 1:1 invalid formatted group - missing 1 closing bracket(s)"),
        ("((n = 1)", "error 1:1 invalid formatted group - missing 1 closing bracket(s)"),
        ("n = 1)", "error 1:6 unexpected character ')'"),
        ("(n = 'a')')", #"error 1:10 invalid quoted text "')""#),
        // PocketBase 0.28.4: a group ends at a `)` inside a comment.
        ("(n = 1 // )\n)", "error 2:1 unexpected character ')'"),
        ("(n = 1 // don't\n && b = 'x)')", #"error 2:9 invalid quoted text "'x""#),
        // Functions.
        ("geoDistance(,a, b, 1, 2) < 5", #"error 1:13 unexpected comma in function "geoDistance""#),
        ("geoDistance(a, b, 1, 2,,) < 5", #"error 1:24 unexpected comma in function "geoDistance""#),
        ("geoDistance(a b, 1, 2) < 5", #"error 1:15 expected comma after the last argument in function "geoDistance""#),
        ("geoDistance (a, b, 1, 2) < 5", "error 1:15 unexpected character ','"),
        ("geoDistance(a, b, 1, 2", #"error 1:23 invalid or incomplete function "geoDistance" (expected ')')"#),
        ("geoDistance(a, b, 1, (2)) < 5", #"error 1:22 unsupported argument character '(' in function "geoDistance""#),
        ("f(a = 1) = 1", #"error 1:5 expected comma after the last argument in function "f""#),
        ("f(=) = 1", #"error 1:3 unsupported argument character '=' in function "f""#),
        ("a.(1) = 1", #"error 1:1 invalid function name "a.""#),
        ("f(1.) = 1", #"error 1:3 invalid number argument "1." in function "f": invalid number "1.""#),
        ("f(a.) = 1", #"error 1:3 invalid identifier argument "a." in function "f": invalid identifier "a.""#),
        ("f('x) = 1", #"error 1:3 invalid text argument "'x) = 1" in function "f": invalid quoted text "'x) = 1""#),
        ("f(a /b) = 1", #"error 1:5 failed to scan comment in function "f": invalid comment"#),
        ("f(g(1,,)) = 1",
         #"error 1:7 invalid identifier argument "g" in function "f": unexpected comma in function "g""#),
        ("f(g(h(i(1)))) = 1",
         #"error 1:7 invalid identifier argument "g" in function "f": invalid identifier argument "h" in function "g": invalid identifier argument "i" in function "h": max nested function arguments reached (max: 3)"#),
        ("(f(1) = 1", "error 1:1 invalid formatted group - missing 1 closing bracket(s)"),
    ])
    func rejects(text: String, expected: String) {
        #expect(renderRule(text) == expected)
    }

    @Test("the error kind tells empty input apart")
    func kinds() throws {
        #expect(throws: RuleSyntaxError.self) { try RuleParser.parse("") }
        do {
            _ = try RuleParser.parse("  // nothing\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .empty)
        }
        do {
            _ = try RuleParser.parse("n =")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .syntax)
        }
    }

    // PocketBase 0.28.4: 200 comparisons pass and 201 fail, for rules and filters, counted across
    // groups; the 3,500 limit counts UTF-8 bytes and applies to the `filter` parameter only
    // (a 3,501-byte rule was accepted, a 3,502-byte filter of 1,756 characters was a 400).
    @Test("limits", arguments: [
        (String(repeating: "n = 1 || ", count: 199) + "n = 1", RuleLimits.rule, nil),
        (String(repeating: "n = 1 || ", count: 200) + "n = 1", RuleLimits.rule, RuleSyntaxError.Kind.tooManyExpressions),
        (String(repeating: "n = 1 || ", count: 200) + "n = 1", RuleLimits.filter, .tooManyExpressions),
        ("(" + String(repeating: "n = 1 || ", count: 100) + "n = 1) && (" + String(repeating: "n = 1 || ", count: 99)
            + "n = 1)", RuleLimits.rule, .tooManyExpressions),
        ("title = '" + String(repeating: "x", count: 3_490) + "'", RuleLimits.filter, nil),
        ("title = '" + String(repeating: "x", count: 3_491) + "'", RuleLimits.filter, .tooLong),
        ("title = '" + String(repeating: "x", count: 3_491) + "'", RuleLimits.rule, nil),
        ("title = '" + String(repeating: "é", count: 1_746) + "'", RuleLimits.filter, .tooLong),
        ("title = '" + String(repeating: "é", count: 1_745) + "'", RuleLimits.filter, nil),
    ] as [(String, RuleLimits, RuleSyntaxError.Kind?)])
    func limits(text: String, limits: RuleLimits, expected: RuleSyntaxError.Kind?) {
        do {
            _ = try RuleParser.parse(text, limits: limits)
            #expect(expected == nil)
        } catch {
            #expect(error.kind == expected)
        }
    }

    @Test("the expression limit error points at the first comparison too many")
    func limitPosition() {
        let text = String(repeating: "n = 1 || ", count: 200) + "n = 1"
        #expect(renderRule(text) == "error 1:1801 max filter expressions limit reached")
        #expect(renderRule("n = 1", limits: RuleLimits(maxBytes: 3, maxExpressions: 1))
                == "error 1:1 max filter length limit reached")
    }
}

/// Issue 9: group nesting is bounded before any stage recurses over it.
@Suite("RuleParser nesting limit")
struct RuleParserNestingTests {
    @Test("500 nested groups parse; 501 fail with the nesting error, in rules and filters alike",
          arguments: [RuleLimits.rule, RuleLimits.filter])
    func nesting(limits: RuleLimits) throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "(", count: depth) + "n = 1" + String(repeating: ")", count: depth)
        }
        _ = try RuleParser.parse(nested(500), limits: limits)
        do {
            _ = try RuleParser.parse(nested(501), limits: limits)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .tooDeep)
            #expect(error.message == "max filter nesting limit reached")
            #expect(error.position.offset == 500)
        }
    }

    @Test("100,000 open groups fail fast instead of exhausting the stack")
    func deep() {
        #expect(throws: RuleSyntaxError.self) {
            try RuleParser.parse(String(repeating: "(", count: 100_000), limits: .rule)
        }
    }
}
