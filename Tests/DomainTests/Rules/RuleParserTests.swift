import Testing
@testable import PocketDomain

/// Parses `text` and prints the tree, or `line:column message` for an error.
func renderRule(_ text: String, limits: RuleLimits = .rule) -> String {
    do {
        return RuleDebugPrinter.print(try RuleParser.parse(text, limits: limits))
    } catch {
        return "error \(error.position) \(error.message)"
    }
}

@Suite("RuleParser: accepted rules")
struct RuleParserTests {
    @Test("prints the tree", arguments: [
        // Precedence: && binds tighter than ||.
        // PocketBase 0.28.4: `n = 1 || n = 2 && title = "q"` matched a record with n=1, title "zz".
        ("n = 1 || n = 2 && title = 'q'", #"(or (= n 1) (and (= n 2) (= title "q")))"#),
        ("a = 1 && b = 2 || c = 3", "(or (and (= a 1) (= b 2)) (= c 3))"),
        ("a = 1 && b = 2 && c = 3", "(and (= a 1) (= b 2) (= c 3))"),
        ("a = 1 || b = 2 || c = 3", "(or (= a 1) (= b 2) (= c 3))"),
        ("a = 1 || b = 2 && c = 3 || d = 4 && e = 5",
         "(or (= a 1) (and (= b 2) (= c 3)) (and (= d 4) (= e 5)))"),
        // Groups.
        ("(a = 1 || b = 2) && c = 3", "(and (group (or (= a 1) (= b 2))) (= c 3))"),
        ("((a = 1))", "(group (group (= a 1)))"),
        ("((n = 1) || (n = 2)) && n = 3",
         "(and (group (or (group (= n 1)) (group (= n 2)))) (= n 3))"),
        ("a = 1 && (b = 2 && (c = 3 || (d = 4)))",
         "(and (= a 1) (group (and (= b 2) (group (or (= c 3) (group (= d 4)))))))"),
        // PocketBase 0.28.4: a group right after a comparison reuses the last join (here ||);
        // `n = 2 || n = 1 (title = "q")` matched the record with n=1.
        ("n = 2 || n = 1 (title = 'q')", #"(or (= n 2) (= n 1) (group (= title "q")))"#),
        ("n = 1 (n = 2)", "(and (= n 1) (group (= n 2)))"),
        ("(n=1)(n=2)", "(and (group (= n 1)) (group (= n 2)))"),
        // PocketBase 0.28.4: an unfinished comparison before a group is dropped;
        // `title = (n = 1)` matched the record with n=1 and title "zz".
        ("title = (n = 1)", "(group (= n 1))"),
        ("title (n = 1)", "(group (= n 1))"),
        // PocketBase 0.28.4: a quoted `)` does not close a group.
        ("(n = 'a)')", #"(group (= n "a)"))"#),
        // Every operator.
        ("a = b", "(= a b)"), ("a != b", "(!= a b)"), ("a > b", "(> a b)"), ("a >= b", "(>= a b)"),
        ("a < b", "(< a b)"), ("a <= b", "(<= a b)"), ("a ~ b", "(~ a b)"), ("a !~ b", "(!~ a b)"),
        ("a ?= b", "(?= a b)"), ("a ?!= b", "(?!= a b)"), ("a ?> b", "(?> a b)"), ("a ?>= b", "(?>= a b)"),
        ("a ?< b", "(?< a b)"), ("a ?<= b", "(?<= a b)"), ("a ?~ b", "(?~ a b)"), ("a ?!~ b", "(?!~ a b)"),
        ("n!=1", "(!= n 1)"), ("n=-1", "(= n -1)"), ("a?~'x'", #"(?~ a "x")"#),
        // Operands in either position.
        ("'x' = title", #"(= "x" title)"#), ("1 < n", "(< 1 n)"), ("1 = 1", "(= 1 1)"),
        // Quotes and escapes: a backslash escapes only the matching quote.
        (#"title = 'a\'b'"#, #"(= title "a'b")"#),
        (#"title = "a\"b""#, #"(= title "a\"b")"#),
        (#"title = 'a\"b'"#, #"(= title "a\\\"b")"#),
        (#"title = "it's""#, #"(= title "it's")"#),
        (#"title = 'a\nb'"#, #"(= title "a\\nb")"#),
        ("title = ''", #"(= title "")"#),
        ("title = \"\"", #"(= title "")"#),
        ("title = 'é ünï 🙂'", #"(= title "é ünï 🙂")"#),
        ("title = 'a // b'", #"(= title "a // b")"#),
        ("title = 'line\nbreak'", "(= title \"line\nbreak\")"),
        // Numbers (PocketBase 0.28.4 accepts -.5 and 007).
        ("n = 1.5", "(= n 1.5)"), ("n = -1.5", "(= n -1.5)"), ("n = -.5", "(= n -.5)"), ("n = 007", "(= n 007)"),
        ("n = 0", "(= n 0)"),
        // Identifiers with paths, modifiers and aliases.
        ("@request.auth.id = ''", #"(= @request.auth.id "")"#),
        ("@request.auth.id != '' && author = @request.auth.id",
         #"(and (!= @request.auth.id "") (= author @request.auth.id))"#),
        ("title:lower = 'a'", #"(= title:lower "a")"#),
        ("@collection.posts:alias.title = 'x'", #"(= @collection.posts:alias.title "x")"#),
        ("@request.body.tags:each ?= 'a'", #"(?= @request.body.tags:each "a")"#),
        ("tags:length > 1", "(> tags:length 1)"),
        ("@request.body.title:isset = true", "(= @request.body.title:isset true)"),
        ("a.b.c = null", "(= a.b.c null)"),
        ("author.profile_2.x_y = @now", "(= author.profile_2.x_y @now)"),
        ("_x = 1 && #tag = 1 && @a = 1", "(and (= _x 1) (= #tag 1) (= @a 1))"),
        ("posts_via_author.title ?~ 'x'", #"(?~ posts_via_author.title "x")"#),
        // Functions.
        ("geoDistance(loc.lon, loc.lat, 1, 2) < 5", "(< geoDistance(loc.lon, loc.lat, 1, 2) 5)"),
        // PocketBase 0.28.4: a trailing comma in the arguments is accepted.
        ("geoDistance(loc.lon, loc.lat, 1, 2,) < 5", "(< geoDistance(loc.lon, loc.lat, 1, 2) 5)"),
        ("geoDistance(loc.lon, // x\n loc.lat, -1.5, 'q') < 5", #"(< geoDistance(loc.lon, loc.lat, -1.5, "q") 5)"#),
        ("5 > geoDistance(a,b,c,d)", "(> 5 geoDistance(a, b, c, d))"),
        ("f() = 1", "(= f() 1)"),
        ("f(g(h(1))) = 1", "(= f(g(h(1))) 1)"),
        ("f(g(1), h(2,),) = x.y:z", "(= f(g(1), h(2)) x.y:z)"),
        // Whitespace and comments.
        ("n =\t1\n", "(= n 1)"),
        ("\n\n  n\n=\n1  ", "(= n 1)"),
        ("n = 1 // c", "(= n 1)"),
        ("n = 1 //", "(= n 1)"),
        ("// first\nn = 1 // one\n&& // two\nn = 2", "(and (= n 1) (= n 2))"),
        // PocketBase 0.28.4: a comment swallows a `\r` up to the `\n`.
        ("n = 1 //\r\n && n = 2", "(and (= n 1) (= n 2))"),
        ("(n = 1 // c\n)", "(group (= n 1))"),
    ])
    func prints(text: String, expected: String) {
        #expect(renderRule(text) == expected)
    }

    @Test("ranges point at the source")
    func ranges() throws {
        let expr = try RuleParser.parse("a = 1 &&\n  ('é' = x)")
        guard case .and(let items, let range) = expr else {
            Issue.record("expected an and chain")
            return
        }
        #expect(range.start == RuleSourcePosition(offset: 0, line: 1, column: 1))
        #expect(range.end == RuleSourcePosition(offset: 21, line: 2, column: 12))
        guard case .group(let inner, let groupRange) = items[1],
              case .comparison(let left, _, let right, _) = inner else {
            Issue.record("expected a group holding a comparison")
            return
        }
        #expect(groupRange.description == "2:3-2:12")
        #expect(left.range.description == "2:4-2:7")
        #expect(left.range.end.offset == 16)
        #expect(right.range.start.offset == 19)
        #expect(right.range.description == "2:10-2:11")
    }

    @Test("number values follow Go's ParseFloat", arguments: [
        ("1", 1.0), ("-1.5", -1.5), ("-.5", -0.5), ("007", 7.0),
        (String(repeating: "9", count: 400), 0.0),
    ])
    func numberValue(literal: String, expected: Double) throws {
        let expr = try RuleParser.parse("n = \(literal)")
        guard case .comparison(_, _, let right, _) = expr else {
            Issue.record("expected a comparison")
            return
        }
        #expect(right.numberValue == expected)
    }

    @Test("operators know their any-of form")
    func operators() {
        #expect(RuleOperator.allCases.count == 16)
        #expect(RuleOperator.anyGreaterOrEqual.isAnyOf)
        #expect(RuleOperator.anyGreaterOrEqual.plain == .greaterOrEqual)
        #expect(!RuleOperator.notLike.isAnyOf)
        #expect(RuleOperator.notLike.plain == .notLike)
    }
}
