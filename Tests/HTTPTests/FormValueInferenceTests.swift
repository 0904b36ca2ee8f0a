import PocketDomain
import PocketHTTP
import Testing

@Suite("form values typed as PocketBase binds them into a map")
struct FormValueInferenceTests {
    @Test("bools and numbers that print back the same; everything else stays text", arguments: [
        ("true", JSONValue.bool(true)), ("false", .bool(false)), ("6", .number(6)), ("-2.5", .number(-2.5)),
        ("0.1", .number(0.1)), ("", .string("")), ("True", .string("True")), ("1.0", .string("1.0")),
        ("007", .string("007")), ("1e5", .string("1e5")), ("+1", .string("+1")), (".5", .string(".5")),
        ("1-2", .string("1-2")), ("12345678901234567890", .string("12345678901234567890")), ("abc", .string("abc")),
    ])
    func inference(text: String, expected: JSONValue) {
        #expect(RequestBody.inferredValue(text) == expected)
    }
}
