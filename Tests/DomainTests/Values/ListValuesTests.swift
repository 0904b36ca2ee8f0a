import Testing
@testable import PocketDomain

@Suite("Select values")
struct SelectValuesTests {
    static let multi = valueField(["type": "select", "name": "sm", "values": ["a", "b", "c"], "maxSelect": 3])
    static let single = valueField(["type": "select", "name": "ss", "values": ["a", "b", "c"]])

    // PocketBase 0.28.4 (reference server)
    @Test("multiple: unique non-empty values, order kept", arguments: [
        ("a", ["a"]), (["b", "a", "b"], ["b", "a"]), ("", []), (nil, []), (#"["a","b"]"#, ["a", "b"]), ("[]", []),
        (#"["a","#, [#"["a","#]), ("x[y", ["x[y"]), ("[1,2]", ["[1,2]"]), ([1, 2], ["1", "2"]), ([nil, "a"], ["a"]),
        (["", "a"], ["a"]), ([true], ["true"]), (5, ["5"]), (#"[""]"#, []), ([["a"]], []), (["a": 1], []),
        (["a", ["b"]], []), ("a,b", ["a,b"]),
    ] as [(JSONValue, [String])])
    func normalizeMultiple(raw: JSONValue, expected: [String]) {
        #expect(Self.multi.normalize(raw) == .array(expected.map { .string($0) }))
    }

    @Test("single: the last value", arguments: [
        (["a", "b"], "b"), ("a", "a"), ("", ""), (nil, ""), ([], ""), (#"["c","a"]"#, "a"), (["a", "a"], "a"),
        ([nil], ""),
    ] as [(JSONValue, String)])
    func normalizeSingle(raw: JSONValue, expected: String) {
        #expect(Self.single.normalize(raw) == .string(expected))
    }

    @Test("validation codes", arguments: [
        (["a", "b"], nil), (["a", "b", "c"], "validation_too_many_values"), (["z"], "validation_invalid_value"),
        ("a,b", "validation_invalid_value"), ([], nil), ("b", nil), (["a", "x"], "validation_invalid_value"),
        (["A"], "validation_invalid_value"),
    ] as [(JSONValue, String?)])
    func validation(raw: JSONValue, code: String?) {
        let field = valueField(["type": "select", "name": "sm", "values": ["a", "b", "c"], "maxSelect": 2])
        #expect(failureCode(field, raw) == code)
    }

    @Test("messages and params")
    func messages() {
        let field = valueField(["type": "select", "name": "sm", "values": ["a", "b", "c"], "maxSelect": 2, "required": true])
        #expect(field.validate(["a", "b", "c"], context: .creating) == ValidationError(
            code: "validation_too_many_values", message: "Select no more than 2.", params: JSONObject([("maxSelect", 2)])))
        #expect(field.validate(["z"], context: .creating) == ValidationError(
            code: "validation_invalid_value", message: "Invalid value z.", params: JSONObject([("value", "z")])))
        // PocketBase 0.28.4: Sentenize adds no second period
        #expect(field.validate(["x."], context: .creating)?.message == "Invalid value x.")
        #expect(field.validate(["x?"], context: .creating)?.message == "Invalid value x?")
        #expect(field.validate([], context: .creating)?.code == "validation_required")
        #expect(Self.single.validate(["a", "b"], context: .creating)?.code == "validation_too_many_values")
    }
}

@Suite("Relation values")
struct RelationValuesTests {
    static let multi = valueField(["type": "relation", "name": "rm", "collectionId": "c", "maxSelect": 5])
    static let single = valueField(["type": "relation", "name": "r1", "collectionId": "c", "maxSelect": 1])

    @Test("normalization like select", arguments: [
        ("a", ["a"], "a"), (["a", "a", "b"], ["a", "b"], "b"), (["c", "a"], ["c", "a"], "a"), ("", [], ""), (nil, [], ""),
        (#"["x","y"]"#, ["x", "y"], "y"), ([1], ["1"], "1"), ([["a"]], [], ""),
    ] as [(JSONValue, [String], String)])
    func normalize(raw: JSONValue, multiple: [String], single: String) {
        #expect(Self.multi.normalize(raw) == .array(multiple.map { .string($0) }))
        #expect(Self.single.normalize(raw) == .string(single))
    }

    @Test("validation codes", arguments: [
        ([], nil), (["a"], "validation_not_enough_values"), (["a", "b"], nil), (["a", "b", "c"], nil),
        (["a", "b", "c", "d"], "validation_too_many_values"), (["a", "a"], "validation_not_enough_values"),
        ("a", "validation_not_enough_values"), ([nil, "a", "b"], nil),
    ] as [(JSONValue, String?)])
    func validation(raw: JSONValue, code: String?) {
        let field = valueField(["type": "relation", "name": "r", "collectionId": "c", "maxSelect": 3, "minSelect": 2])
        #expect(failureCode(field, raw) == code)
    }

    @Test("messages")
    func messages() {
        let field = valueField(["type": "relation", "name": "r", "collectionId": "c", "maxSelect": 3, "minSelect": 2,
                                "required": true])
        #expect(field.validate(["a"], context: .creating) == ValidationError(
            code: "validation_not_enough_values", message: "Select at least 2.", params: JSONObject([("minSelect", 2)])))
        #expect(field.validate([], context: .creating)?.code == "validation_required")
        #expect(Self.single.validate(["a", "b"], context: .creating)?.params == JSONObject([("maxSelect", 1)]))
    }
}

@Suite("File values")
struct FileValuesTests {
    static let multi = valueField(["type": "file", "name": "f", "maxSelect": 2])
    static let single = valueField(["type": "file", "name": "f", "maxSelect": 1])

    @Test("stored names", arguments: [
        ("a.png", ["a.png"]), (["a.png", "b.png", "a.png"], ["a.png", "b.png"]), ("", []), (nil, []),
        (["a.png", ["x", "y"]], ["a.png"]), (["a.png", ["x"]], ["a.png", "x"]), ([5], ["5"]), (#"["a","b"]"#, ["a", "b"]),
    ] as [(JSONValue, [String])])
    func names(raw: JSONValue, expected: [String]) {
        #expect(Self.multi.normalize(raw) == .array(expected.map { .string($0) }))
        #expect(Self.single.normalize(raw) == .string(expected.last ?? ""))
    }

    @Test("names must already be stored; the count is limited", arguments: [
        (["a", "b"], ["a", "b"], 0, nil), (["a", "c"], ["a", "b"], 0, "validation_invalid_file"),
        (["a", "b"], ["a", "b", "c"], 1, "validation_too_many_files"), ([], [], 0, nil), (["a"], ["a"], 1, nil),
        ([], ["a"], 3, "validation_too_many_files"), (["x"], [], 0, "validation_invalid_file"), ([], [], 2, nil),
    ] as [([String], [String], Int, String?)])
    func validation(names: [String], old: [String], uploads: Int, code: String?) {
        guard case .file(let field) = Self.multi else { Issue.record("not a file field"); return }
        #expect(field.validate(names: names, oldNames: old, uploadCount: uploads)?.code == code)
    }

    @Test("messages and required")
    func messages() {
        guard case .file(let field) = valueField(["type": "file", "name": "f", "maxSelect": 2, "required": true]) else { return }
        #expect(field.validate(names: ["x", "y"], oldNames: [], uploadCount: 0) == ValidationError(
            code: "validation_invalid_file", message: "Invalid new files: [x y].",
            params: JSONObject([("invalidFiles", ["x", "y"])])))
        #expect(field.validate(names: ["a", "b"], oldNames: ["a", "b"], uploadCount: 1) == ValidationError(
            code: "validation_too_many_files", message: "The maximum allowed files is 2.",
            params: JSONObject([("maxSelect", 2)])))
        #expect(field.validate(names: [], oldNames: [], uploadCount: 0)?.code == "validation_required")
        #expect(Self.multi.validate(["a"], context: FieldValueContext(isNew: false, oldValue: ["a"])) == nil)
    }
}
