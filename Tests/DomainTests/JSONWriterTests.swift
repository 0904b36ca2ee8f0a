import Testing
@testable import PocketDomain

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("numbers are written as Go's encoding/json writes float64", arguments: [
        (0.0, "0"), (-0.0, "-0"), (1, "1"), (-3, "-3"), (1.0, "1"), (42, "42"), (1.5, "1.5"), (-0.0001, "-0.0001"),
        (0.1, "0.1"), (0.1 + 0.2, "0.30000000000000004"), (123456.789, "123456.789"), (100, "100"),
        (1e20, "100000000000000000000"), (1e21, "1e+21"), (-1e21, "-1e+21"), (1.5e300, "1.5e+300"),
        (1e-7, "1e-7"), (1.5e-7, "1.5e-7"), (1e-10, "1e-10"), (.leastNonzeroMagnitude, "5e-324"),
        (0.00001, "0.00001"), (0.000001, "0.000001"), (1.2345e-5, "0.000012345"),
        (9_007_199_254_740_992, "9007199254740992"), (-9_007_199_254_740_992, "-9007199254740992"),
        (18_446_744_073_709_551_616, "18446744073709552000"), (1_000_000_000_000_000_128, "1000000000000000100"),
        (1e17, "100000000000000000"), (12_345_678_912_345.5, "12345678912345.5"),
    ] as [(Double, String)])
    func numbers(value: Double, expected: String) {
        #expect(JSONWriter.string(.number(value)) == expected)
    }

    @Test("non-finite numbers are written as 0", arguments: [Double.infinity, -.infinity, .nan])
    func nonFinite(value: Double) {
        #expect(JSONWriter.string(.number(value)) == "0")
    }

    @Test("written numbers parse back to the same double", arguments: [
        0.1, 1e-7, 0.00001, 1.2345e-5, 123456.789, 1e20, 1e21, 2.5e-300, 18_446_744_073_709_551_616,
        1_000_000_000_000_000_128, -7.25,
    ])
    func numberRoundTrip(value: Double) throws {
        #expect(try JSONParser.parse(JSONWriter.string(.number(value))) == .number(value))
    }

    @Test("strings escape quotes, backslashes and control characters", arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("\u{7F}", "\"\u{7F}\""),
        ("héllo 中文 😀", "\"héllo 中文 😀\""),
        ("a/b", #""a/b""#),
        ("<p>&amp;</p>", #""<p>&amp;</p>""#),
        ("\u{2028}x\u{2029}", #""\u2028x\u2029""#),
        ("long run then \"quote\" then é and \u{2020}†", #""long run then \"quote\" then é and ††""#),
        ("\u{2027}\u{202A}\u{2028}", #""\#u{2027}\#u{202A}\u2028""#),
        ("\u{E2}\u{80}", "\"\u{E2}\u{80}\""),
    ])
    func strings(value: String, expected: String) {
        #expect(JSONWriter.string(.string(value)) == expected)
    }

    @Test("non-ASCII stays UTF-8 bytes")
    func utf8Bytes() {
        #expect(JSONWriter.bytes(.string("é")) == [0x22, 0xC3, 0xA9, 0x22])
    }

    @Test("literals, arrays and objects are compact and keep object order")
    func containers() {
        #expect(JSONWriter.string(nil) == "null")
        #expect(JSONWriter.string(true) == "true")
        #expect(JSONWriter.string(false) == "false")
        #expect(JSONWriter.string([]) == "[]")
        #expect(JSONWriter.string(.object(JSONObject())) == "{}")
        #expect(JSONWriter.string([1, "two", [nil], ["k": false]]) == #"[1,"two",[null],{"k":false}]"#)
        let object = JSONObject([("z", 1), ("a", 2), ("m", ["x": "y"])])
        #expect(JSONWriter.string(.object(object)) == #"{"z":1,"a":2,"m":{"x":"y"}}"#)
        #expect(JSONWriter.string(.object(object.sortedByKey())) == #"{"a":2,"m":{"x":"y"},"z":1}"#)
    }

    @Test("an appending writer accumulates values")
    func appendingWriter() {
        var writer = JSONWriter(capacity: 8)
        writer.writeRaw("[")
        writer.writeNumber(2.5)
        writer.writeRaw(",")
        writer.writeString("q\"")
        writer.writeRaw("]")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"[2.5,"q\""]"#)
    }
}

@Suite("JSONObject")
struct JSONObjectTests {
    @Test("assigning keeps first-set order; assigning nil removes")
    func order() {
        var object = JSONObject()
        object["b"] = 1
        object["a"] = 2
        object["b"] = 3
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == .number(3))
        object["b"] = nil
        #expect(object.keys == ["a"])
        #expect(!object.contains("b"))
        object["n"] = .null
        #expect(object.contains("n"))
        #expect(object.count == 2)
    }

    @Test("sortedByKey orders by bytes, uppercase before lowercase")
    func sorted() {
        let object = JSONObject([("b", 1), ("B", 2), ("_a", 3), ("a", 4), ("aa", 5)])
        #expect(object.sortedByKey().keys == ["B", "_a", "a", "aa", "b"])
    }

    @Test("equality ignores key order")
    func equality() {
        #expect(JSONObject([("a", 1), ("b", 2)]) == JSONObject([("b", 2), ("a", 1)]))
        #expect(JSONObject([("a", 1)]) != JSONObject([("a", 2)]))
    }

    @Test("JSONValue accessors return nil for other cases")
    func accessors() {
        let value: JSONValue = "text"
        #expect(value.stringValue == "text")
        #expect(value.numberValue == nil)
        #expect(value.boolValue == nil)
        #expect(value.objectValue == nil)
        #expect(value.arrayValue == nil)
        #expect(!value.isNull)
        #expect(JSONValue.null.isNull)
        #expect(JSONValue(floatLiteral: 2.5).numberValue == 2.5)
        #expect(value["x"] == .null)
    }
}
