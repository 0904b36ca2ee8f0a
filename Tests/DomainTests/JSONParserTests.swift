import Testing
@testable import PocketDomain

@Suite("JSONParser")
struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    private func failure(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("scalars parse to their cases", arguments: [
        ("null", JSONValue.null), ("true", .bool(true)), ("false", .bool(false)), ("0", .number(0)),
        ("-12", .number(-12)), ("1.5", .number(1.5)), ("2e3", .number(2000)), ("2E-2", .number(0.02)),
        ("1e+2", .number(100)), ("\"hi\"", .string("hi")), ("  \t\r\n 7 \n", .number(7)),
    ])
    func scalars(text: String, expected: JSONValue) throws {
        #expect(try parse(text) == expected)
    }

    @Test("objects keep their key order and nest")
    func objectOrder() throws {
        let value = try parse(#"{"z":1,"a":[true,null,{"k":"v"}],"m":{}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m"])
        #expect(value["a"] == [true, nil, ["k": "v"]])
        #expect(value["m"] == .object(JSONObject()))
        #expect(value["missing"] == .null)
    }

    @Test("a repeated key keeps the last value and its first position")
    func duplicateKeys() throws {
        let value = try parse(#"{"a":1,"b":2,"a":3}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == .number(3))
        #expect(object.count == 2)
    }

    @Test("escapes decode", arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u4e2d""#, "Aé中"),
        (#""\ud83d\ude00""#, "😀"),
        (#""a\u0000b""#, "a\u{0}b"),
        (#""prefix \n suffix""#, "prefix \n suffix"),
        ("\"héllo wörld ✓\"", "héllo wörld ✓"),
    ])
    func escapes(text: String, expected: String) throws {
        #expect(try parse(text) == .string(expected))
    }

    @Test("lone or mismatched surrogates become U+FFFD", arguments: [
        (#""\ud800""#, "\u{FFFD}"),
        (#""\ud800x""#, "\u{FFFD}x"),
        (#""\udc00""#, "\u{FFFD}"),
        (#""\ud800\u0041""#, "\u{FFFD}A"),
        (#""\ud800\ud800\udc00""#, "\u{FFFD}\u{10000}"),
    ])
    func surrogates(text: String, expected: String) throws {
        #expect(try parse(text) == .string(expected))
    }

    @Test("syntax errors give a reason and an offset", arguments: [
        ("", "unexpected end of input", 0),
        ("{} x", "unexpected trailing data", 3),
        ("1 2", "unexpected trailing data", 2),
        ("[1,]", "unexpected character", 3),
        (#"{"a":1,}"#, "expected a key", 7),
        (#"{"a" 1}"#, "expected ':'", 5),
        (#"{"a":1 "b":2}"#, "expected ',' or '}'", 7),
        ("[1 2]", "expected ',' or ']'", 3),
        ("[1", "unexpected end of input", 2),
        (#""\x""#, "invalid escape", 3),
        (#""\u12g4""#, "invalid unicode escape", 5),
        (#""\u12""#, "short unicode escape", 3),
        ("\"a\nb\"", "control character in string", 2),
        ("\"a\\n\tb\"", "control character in string", 4),
        ("\"abc", "unterminated string", 4),
        ("tru", "unexpected end of input", 0),
        ("trUe", "invalid literal", 0),
        ("nul", "unexpected end of input", 0),
        ("undefined", "unexpected character", 0),
        ("{'a':1}", "expected a key", 1),
    ])
    func syntaxErrors(text: String, reason: String, offset: Int) {
        #expect(failure(text) == JSONSyntaxError(offset: offset, reason: reason))
    }

    @Test("malformed numbers are rejected", arguments: ["-", "1.", ".5", "+1", "1e", "1e+", "-a", "1.e3", "0x10", "01"])
    func badNumbers(text: String) {
        #expect(failure(text) != nil)
    }

    // Go's encoding/json: a number beyond float64 is an error, never an infinity (Int(inf) traps).
    @Test("numbers beyond float64 are rejected", arguments: ["1e400", "-1E400", "[1e309]", #"{"n": 1e400}"#])
    func hugeNumbers(text: String) {
        #expect(failure(text)?.reason == "invalid number")
    }


    @Test("numbers parse as doubles")
    func numbers() throws {
        #expect(try parse("-0") == .number(0))
        #expect(try parse("-0").numberValue?.sign == .minus)
        #expect(try parse("9007199254740993") == .number(9_007_199_254_740_992))
        #expect(try parse("0.1") == .number(0.1))
        #expect(try parse("1e308") == .number(1e308))
        #expect(try parse("1e-400") == .number(0))
    }

    @Test("nesting is limited to 512 levels")
    func nestingLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(failure(tooDeep) == JSONSyntaxError(offset: 512, reason: "nesting too deep"))
        let objects = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
        #expect(failure(objects)?.reason == "nesting too deep")
    }

    @Test("bytes and text inputs agree")
    func bytesInput() throws {
        let text = #"{"name":"ü","n":[1,2.5]}"#
        #expect(try JSONParser.parse(Array(text.utf8)) == (try JSONParser.parse(text)))
    }

    @Test("parsed values write back to the same compact text", arguments: [
        #"{"a":[1,2.5,"x",true,false,null],"b":{"c":{}},"d":[]}"#,
        #"["\"quoted\"","tab\t","é"]"#,
    ])
    func roundTrip(text: String) throws {
        #expect(JSONWriter.string(try parse(text)) == text)
    }
}
