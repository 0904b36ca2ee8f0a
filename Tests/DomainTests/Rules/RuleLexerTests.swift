import Testing
@testable import PocketDomain

/// Tokenizes `text` into a compact line: `kind:value@line:column` per token.
func renderTokens(_ text: String) -> String {
    do {
        return try RuleLexer.tokenize(text).map { token in
            let kind: String = switch token.kind {
            case .identifier(let name): "id:\(name)"
            case .number(let literal): "num:\(literal)"
            case .text(let value): "text:\(value)"
            case .sign(let op): "sign:\(op.rawValue)"
            case .and: "&&"
            case .or: "||"
            case .groupOpen: "("
            case .groupClose: ")"
            case .functionOpen(let name): "fn:\(name)("
            case .comma: ","
            case .functionClose: "fn)"
            case .comment(let text): "comment:\(text)"
            case .end: "end"
            }
            return "\(kind)@\(token.range.start)"
        }.joined(separator: " ")
    } catch {
        return "error \(error.position) \(error.message)"
    }
}

@Suite("RuleLexer")
struct RuleLexerTests {
    @Test("tokens and their positions", arguments: [
        ("a.b.c>=-1.5", "id:a.b.c@1:1 sign:>=@1:6 num:-1.5@1:8 end@1:12"),
        ("@request.auth.id != ''", "id:@request.auth.id@1:1 sign:!=@1:18 text:@1:21 end@1:23"),
        ("x ?!~ 'it\\'s'", "id:x@1:1 sign:?!~@1:3 text:it's@1:7 end@1:14"),
        ("a=1&&b=2||c=3",
         "id:a@1:1 sign:=@1:2 num:1@1:3 &&@1:4 id:b@1:6 sign:=@1:7 num:2@1:8 ||@1:9 id:c@1:11 sign:=@1:12 num:3@1:13 end@1:14"),
        ("(a = 1)\n// note \n", "(@1:1 id:a@1:2 sign:=@1:4 num:1@1:6 )@1:7 comment:note@2:1 end@3:1"),
        ("geoDistance(a, 1,)", "fn:geoDistance(@1:1 id:a@1:13 ,@1:14 num:1@1:16 ,@1:17 fn)@1:18 end@1:19"),
        ("f(g('x'))", "fn:f(@1:1 fn:g(@1:3 text:x@1:5 fn)@1:8 fn)@1:9 end@1:10"),
        ("é = 'ü'", "error 1:1 unexpected character 'é'"),
        ("'é' = 'ü'", "text:é@1:1 sign:=@1:5 text:ü@1:7 end@1:10"),
        ("", "end@1:1"),
    ])
    func tokens(text: String, expected: String) {
        #expect(renderTokens(text) == expected)
    }

    @Test("the lexer stops at the first error even when later text is fine")
    func firstError() {
        #expect(renderTokens("a = 1 \r b = 2") == #"error 1:7 unexpected character '\r'"#)
    }
}
