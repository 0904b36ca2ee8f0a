@testable import PocketDomain
import Testing

@Suite("fields picker and :excerpt")
struct FieldsPickerTests {
    private let record: JSONValue = [
        "id": "abc", "title": "Hello", "body": "<p>One <b>two</b></p><p>three</p>",
        "expand": ["author": ["id": "u1", "name": "Ann", "email": "a@x"]],
    ]

    private func pick(_ fields: String, _ value: JSONValue) throws -> String {
        JSONWriter.string(try FieldsPicker(parsing: fields).apply(to: value))
    }

    @Test("keeps only the named keys, nested through dots")
    func nested() throws {
        #expect(try pick("id,expand.author.name", record) == #"{"id":"abc","expand":{"author":{"name":"Ann"}}}"#)
    }

    @Test("* keeps everything, and named sub-paths still narrow their key")
    func wildcard() throws {
        #expect(try pick("*,expand.author.id", record)
            == #"{"id":"abc","title":"Hello","body":"<p>One <b>two</b></p><p>three</p>","expand":{"author":{"id":"u1"}}}"#)
    }

    // Issue 9: `fields=:` trapped the server (an empty split indexed at 0).
    @Test("an empty modifier is refused, never trapped on", arguments: [":", "id:", ":excerpt(", "a::b", "id,,:"])
    func emptyModifier(fields: String) {
        #expect(throws: FieldsPicker.SyntaxError.self) { try FieldsPicker(parsing: fields) }
    }

    @Test("an empty path picks nothing; the last of a repeated path wins; 20,000 entries parse")
    func repeatsAndEmptyPaths() throws {
        #expect(try pick(":excerpt(5)", record) == "{}")
        #expect(try pick("title:excerpt(2),id,title", record) == #"{"id":"abc","title":"Hello"}"#)
        let long = (0..<20_000).map { "f\($0)" }.joined(separator: ",") + ",id"
        #expect(try pick(long, record) == #"{"id":"abc"}"#)
    }

    // Issue 9: `:excerpt(9223372036854775807)` overflowed `max + 2`; unclosed `<` rescanned the rest.
    @Test("an excerpt of the largest length keeps the whole text; 200,000 unclosed < are read once")
    func hugeExcerpt() {
        #expect(HTMLExcerpt.make("<p>One <b>two</b></p>", max: Int.max, withEllipsis: true) == "One two")
        let angles = String(repeating: "<", count: 200_000)
        // A `<` without a `>` after it is dropped; with one, everything up to it is one tag.
        #expect(HTMLExcerpt.make(angles, max: Int.max, withEllipsis: false) == "")
        #expect(HTMLExcerpt.make(angles + "b>x", max: 3, withEllipsis: true) == "x")
    }

    @Test("an unknown field gives an empty object")
    func unknown() throws {
        #expect(try pick("nope", record) == "{}")
    }

    @Test("arrays of objects are picked item by item")
    func arrays() throws {
        #expect(try pick("id", [["id": "1", "x": 1], ["id": "2", "x": 2]]) == #"[{"id":"1"},{"id":"2"}]"#)
    }

    @Test("excerpt strips tags, separates blocks and adds ... only when it cuts")
    func excerpt() throws {
        #expect(try pick("body:excerpt(100)", record) == #"{"body":"One two three"}"#)
        #expect(try pick("body:excerpt(5,true)", record) == #"{"body":"One t..."}"#)
        #expect(try pick("body:excerpt(100,true)", record) == #"{"body":"One two three"}"#)
    }

    @Test("a plain mention after an excerpt wins (PocketBase 0.28.4)")
    func laterWins() throws {
        #expect(try pick("body:excerpt(3),body", record) == #"{"body":"<p>One <b>two</b></p><p>three</p>"}"#)
    }

    @Test("excerpt leaves non-strings alone and skips scripts")
    func excerptEdges() throws {
        #expect(try pick("n:excerpt(2)", ["n": 12345]) == #"{"n":12345}"#)
        #expect(HTMLExcerpt.make("<script>x()</script>Hi &amp; bye", max: 50, withEllipsis: false) == "Hi & bye")
    }

    @Test("bad modifiers are errors", arguments: ["body:excerpt(0)", "body:excerpt()", "body:nope(1)", "body:excerpt"])
    func badModifiers(_ fields: String) {
        #expect(throws: FieldsPicker.SyntaxError.self) { try FieldsPicker(parsing: fields) }
    }
}
