import Testing
@testable import PocketDomain

@Suite("JSONPrettyPrinter")
struct JSONPrettyPrinterTests {
    @Test("matches Go's MarshalIndent with prefix and indent of two spaces")
    func goMarshalIndent() {
        let value: JSONValue = .object(JSONObject([
            ("name", "posts"), ("fields", [["id": "text1", "max": 15]]), ("empty", []), ("none", .object(JSONObject())),
            ("n", nil), ("flag", true), ("ratio", 0.5),
        ]))
        let expected = """
        {
            "empty": [],
            "fields": [
              {
                "id": "text1",
                "max": 15
              }
            ],
            "flag": true,
            "n": null,
            "name": "posts",
            "none": {},
            "ratio": 0.5
          }
        """
        #expect(JSONPrettyPrinter.string(value, prefix: "  ", indent: "  ") == expected)
    }

    @Test("empty containers and scalars print on one line", arguments: [
        (JSONValue.array([]), "[]"), (.object(JSONObject()), "{}"), (.string("x"), "\"x\""), (.number(3), "3"),
        (.null, "null"),
    ])
    func compactLeaves(value: JSONValue, expected: String) {
        #expect(JSONPrettyPrinter.string(value, prefix: "  ", indent: "  ") == expected)
    }

    @Test("default options: no prefix, two-space indent, sorted keys")
    func defaults() {
        let value: JSONValue = .object(JSONObject([("b", [1, 2]), ("a", "<p>&</p>")]))
        #expect(JSONPrettyPrinter.string(value) == "{\n  \"a\": \"<p>&</p>\",\n  \"b\": [\n    1,\n    2\n  ]\n}")
    }

    @Test("sortKeys false keeps insertion order; strings are escaped as the writer does")
    func unsorted() {
        let value: JSONValue = .object(JSONObject([("z", "a\"b\n"), ("a", 1)]))
        #expect(JSONPrettyPrinter.string(value, indent: "\t", sortKeys: false) == "{\n\t\"z\": \"a\\\"b\\n\",\n\t\"a\": 1\n}")
    }

    @Test("pretty output parses back to the same value")
    func roundTrip() throws {
        let value: JSONValue = ["a": [1, ["b": nil]], "c": "ü", "d": []]
        let text = JSONPrettyPrinter.string(value, prefix: "  ", indent: "  ")
        #expect(try JSONParser.parse(text) == value)
    }
}
