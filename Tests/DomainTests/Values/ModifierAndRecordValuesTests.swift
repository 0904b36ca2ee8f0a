import Testing
@testable import PocketDomain

@Suite("Field modifiers")
struct FieldModifierTests {
    static let fields: [Field] = [
        valueField(["type": "number", "name": "n"]),
        valueField(["type": "select", "name": "sm", "values": ["a", "b", "c"], "maxSelect": 3]),
        valueField(["type": "select", "name": "ss", "values": ["a", "b", "c"]]),
        valueField(["type": "relation", "name": "r1", "collectionId": "c", "maxSelect": 1]),
        valueField(["type": "file", "name": "f", "maxSelect": 3]),
        valueField(["type": "text", "name": "t", "autogeneratePattern": "[a-z]{3}"]),
        valueField(["type": "bool", "name": "b"]),
    ]

    @Test("keys resolve to a field and a modifier the field takes", arguments: [
        ("n", "n", nil), ("n+", "n", .add), ("n-", "n", .subtract), ("+n", nil, nil), ("sm+", "sm", .append),
        ("+sm", "sm", .prepend), ("sm-", "sm", .subtract), ("f-", "f", .subtract), ("t:autogenerate", "t", .autogenerate),
        ("t+", nil, nil), ("b+", nil, nil), ("nope", nil, nil), ("r1+", "r1", .append),
    ] as [(String, String?, FieldModifier?)])
    func resolve(key: String, field: String?, modifier: FieldModifier?) {
        let resolved = FieldModifier.resolve(key: key, in: Self.fields)
        #expect(resolved?.field.name == field)
        #expect(resolved?.modifier == modifier)
    }

    @Test("numbers add and subtract cast values", arguments: [
        (FieldModifier.add, 10, 3, 13), (.subtract, 10, 12, -2), (.add, 0, "2.5", 2.5), (.add, 1, "abc", 1),
        (.subtract, 5, true, 4),
    ] as [(FieldModifier, Double, JSONValue, Double)])
    func numbers(modifier: FieldModifier, current: Double, submitted: JSONValue, expected: Double) {
        #expect(FieldModifier.apply(modifier, field: Self.fields[0], current: .number(current), submitted: submitted)
            == .number(expected))
    }

    @Test("lists append, prepend and remove, staying unique", arguments: [
        (FieldModifier.append, ["a"], "b", ["a", "b"]), (.prepend, ["a"], "c", ["c", "a"]),
        (.subtract, ["a", "b", "c"], ["a", "zzz"], ["b", "c"]), (.append, ["a", "b"], ["c", "a"], ["a", "b", "c"]),
        (.prepend, ["b", "c"], "a", ["a", "b", "c"]), (.subtract, ["a"], "a", []),
    ] as [(FieldModifier, [String], JSONValue, [String])])
    func lists(modifier: FieldModifier, current: [String], submitted: JSONValue, expected: [String]) {
        let currentValue = JSONValue.array(current.map { .string($0) })
        #expect(FieldModifier.apply(modifier, field: Self.fields[1], current: currentValue, submitted: submitted)
            == .array(expected.map { .string($0) }))
    }

    @Test("single-valued fields keep the last item")
    func single() {
        #expect(FieldModifier.apply(.append, field: Self.fields[3], current: "", submitted: "x") == "x")
        #expect(FieldModifier.apply(.subtract, field: Self.fields[3], current: "x", submitted: "x") == "")
        #expect(FieldModifier.apply(.append, field: Self.fields[2], current: "a", submitted: "b") == "b")
        #expect(FieldModifier.apply(.prepend, field: Self.fields[2], current: "a", submitted: "b") == "a")
        #expect(FieldModifier.apply(.subtract, field: Self.fields[4], current: ["x.png", "y.png"], submitted: "x.png")
            == ["y.png"])
        #expect(FieldModifier.applyAutogenerate("ab", generated: "xyz") == "abxyz")
    }
}

@Suite("RecordValues")
struct RecordValuesTests {
    static let target = Collection(name: "target", kind: .base)
    static let kinds = Collection(name: "kinds", kind: .base, fields: [
        valueField(["type": "text", "name": "id", "primaryKey": true, "required": true, "system": true, "min": 15, "max": 15,
                    "pattern": "^[a-z0-9]+$", "autogeneratePattern": "[a-z0-9]{15}"]),
        valueField(["type": "text", "name": "t"]),
        valueField(["type": "number", "name": "n"]),
        valueField(["type": "bool", "name": "b"]),
        valueField(["type": "select", "name": "sm", "values": ["a", "b", "c"], "maxSelect": 3]),
        valueField(["type": "relation", "name": "rm", "collectionId": "c", "maxSelect": 5]),
        valueField(["type": "json", "name": "j"]),
        valueField(["type": "geoPoint", "name": "g"]),
        valueField(["type": "file", "name": "f", "maxSelect": 2]),
        valueField(["type": "password", "name": "pw"]),
        valueField(["type": "autodate", "name": "created", "onCreate": true]),
    ])
    static let idValue = "abcdefghijklmno"

    static func object(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }

    static func create(_ body: JSONValue) -> RecordValues {
        RecordValues(collection: kinds, current: nil, body: body.objectValue!, generate: { _ in idValue })
    }

    @Test("an empty body gives every field its zero value and a generated id")
    func emptyBody() {
        let result = Self.create([:])
        #expect(result.errors.isEmpty)
        #expect(result.values == JSONObject([
            ("id", .string(Self.idValue)), ("t", ""), ("n", 0), ("b", false), ("sm", []), ("rm", []), ("j", nil),
            ("g", ["lon": 0, "lat": 0]), ("f", []), ("pw", ""), ("created", ""),
        ]))
        #expect(result.changedFields.isEmpty)
    }

    @Test("values are normalized; unknown keys, expand and autodates are ignored")
    func normalization() {
        let result = Self.create(["t": 12.5, "n": "7", "b": "t", "sm": "a", "j": "[1]", "nope": 1, "expand": ["x": 1],
                                  "created": "2000-01-01 00:00:00.000Z", "collectionName": "x"])
        #expect(result.values["t"] == "12.5")
        #expect(result.values["n"] == 7)
        #expect(result.values["b"] == true)
        #expect(result.values["sm"] == ["a"])
        #expect(result.values["j"] == [1])
        #expect(result.values["created"] == "")
        #expect(result.values["nope"] == nil)
        #expect(result.changedFields == ["t", "n", "b", "sm", "j"])
    }

    @Test("modifiers apply after plain values, on create and update")
    func modifiers() {
        // PocketBase 0.28.4: {"n":5,"n+":3,"sm":["a"],"sm+":"b","+sm":"c"} → 8, ["c","a","b"]
        let created = Self.create(["n+": 3, "n": 5, "sm": ["a"], "sm+": "b", "+sm": "c", "rm": ["x"], "rm+": "y", "+rm": "z"])
        #expect(created.values["n"] == 8)
        #expect(created.values["sm"] == ["c", "a", "b"])
        #expect(created.values["rm"] == ["z", "x", "y"])
        var record = Record(collection: Self.kinds, values: created.values)
        record.id = Self.idValue
        let updated = RecordValues(collection: Self.kinds, current: record, body: Self.object(["n-": 12, "sm-": ["a", "zzz"]]))
        #expect(updated.values["n"] == -4)
        #expect(updated.values["sm"] == ["c", "b"])
        #expect(updated.values["rm"] == ["z", "x", "y"])
        #expect(updated.errors.isEmpty)
    }

    @Test("passwords are set aside for hashing")
    func passwords() {
        let result = Self.create(["pw": "secret1"])
        #expect(result.passwords == ["pw": "secret1"])
        #expect(result.values["pw"] == "")
        #expect(result.errors.isEmpty)
        var record = Record(collection: Self.kinds, values: result.values)
        record["pw"] = "$2a$10$hash"
        let untouched = RecordValues(collection: Self.kinds, current: record, body: Self.object(["t": "x"]))
        #expect(untouched.values["pw"] == "$2a$10$hash")
        #expect(untouched.passwords.isEmpty)
    }

    @Test("validation covers every field, in field order, and the primary key")
    func validation() {
        let result = Self.create(["id": "ABC", "sm": ["z"], "g": ["lon": 200], "f": ["invented.png"]])
        #expect(result.errors.entries.map(\.field) == ["id", "sm", "g", "f"])
        #expect(result.errors["id"]?.code == "validation_min_text_constraint")
        #expect(result.errors["f"]?.code == "validation_invalid_file")
        var record = Record(collection: Self.kinds, values: Self.create([:]).values)
        record["f"] = ["kept.png"]
        let update = RecordValues(collection: Self.kinds, current: record,
                                  body: Self.object(["id": "bbbbbbbbbbbbbbb", "f+": "kept.png"]))
        #expect(update.errors["id"]?.code == "validation_pk_change")
        #expect(update.errors["f"] == nil)
        #expect(update.values["f"] == ["kept.png"])
    }

    @Test("an update re-validates stored values the body did not touch")
    func revalidation() {
        var record = Record(collection: Self.kinds, values: Self.create([:]).values)
        record["sm"] = ["gone"]
        let update = RecordValues(collection: Self.kinds, current: record, body: Self.object(["t": "x"]))
        #expect(update.errors["sm"]?.code == "validation_invalid_value")
    }
}
