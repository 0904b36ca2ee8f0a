import Testing
@testable import PocketDomain

@Suite("Number values")
struct NumberValuesTests {
    static let plain = valueField(["type": "number", "name": "n"])

    // PocketBase 0.28.4 (reference server): unparsable text becomes 0
    @Test("coercion follows cast.ToFloat64 and Go's ParseFloat", arguments: [
        ("12", 12), ("1e3", 1000), ("-2.5", -2.5), (true, 1), (false, 0), (nil, 0), ("", 0), ("abc", 0), (" 5 ", 0),
        ("0x10", 0), ("+5", 5), ("1_000", 1000), ("0x1p4", 16), ("1e400", 0), ("5.", 5), (".5", 0.5), ("1e-400", 0),
        ([1], 0), (["a": 1], 0), (["5"], 0), ("  ", 0), (9007199254740993, 9007199254740992), ("1__0", 0), ("_1", 0),
    ] as [(JSONValue, Double)])
    func normalize(raw: JSONValue, expected: Double) {
        #expect(Self.plain.normalize(raw) == .number(expected))
    }

    @Test("infinity and NaN texts are kept for validation to refuse", arguments: ["inf", "Inf", "-infinity", "NaN"])
    func notANumber(text: String) {
        #expect(failureCode(Self.plain, .string(text)) == "validation_not_a_number")
    }

    @Test("validation codes", arguments: [
        (0, nil), (5, nil), (11, "validation_max_number_constraint"), (-1, "validation_min_number_constraint"),
        (2.5, "validation_only_int_constraint"), (1, nil), (10, nil), (1e19, "validation_only_int_constraint"),
    ] as [(Double, String?)])
    func validation(value: Double, code: String?) {
        let field = valueField(["type": "number", "name": "n", "min": 1, "max": 10, "onlyInt": true])
        #expect(failureCode(field, .number(value)) == code)
    }

    @Test("bound messages use Go's %f and have no params")
    func messages() {
        let field = valueField(["type": "number", "name": "n", "min": 1.5, "max": 10])
        #expect(field.validate(1, context: .creating)
            == ValidationError(code: "validation_min_number_constraint", message: "Must be larger than 1.500000."))
        #expect(field.validate(10.5, context: .creating)?.message == "Must be less than 10.000000.")
        let negative = valueField(["type": "number", "name": "n", "min": -3])
        #expect(negative.validate(-4, context: .creating)?.message == "Must be larger than -3.000000.")
        #expect(field.validate(2, context: .creating) == nil)
    }

    @Test("zero only fails required, so optional zero values skip min")
    func zero() {
        let required = valueField(["type": "number", "name": "n", "required": true, "min": 5])
        #expect(failureCode(required, 0) == "validation_required")
        let optional = valueField(["type": "number", "name": "n", "min": 5])
        #expect(failureCode(optional, 0) == nil)
        #expect(failureCode(optional, 1) == "validation_min_number_constraint")
    }
}

@Suite("Bool values")
struct BoolValuesTests {
    static let plain = valueField(["type": "bool", "name": "b"])

    // PocketBase 0.28.4 (reference server)
    @Test("coercion follows cast.ToBool", arguments: [
        ("1", true), ("true", true), ("TRUE", true), ("True", true), ("t", true), ("T", true), (1, true), (2, true),
        (0.5, true), (true, true), ("0", false), ("false", false), ("f", false), ("F", false), ("", false), (nil, false),
        ("yes", false), ("abc", false), (0, false), ("1.0", false), (" true", false), ([true], false), (["a": 1], false),
    ] as [(JSONValue, Bool)])
    func normalize(raw: JSONValue, expected: Bool) {
        #expect(Self.plain.normalize(raw) == .bool(expected))
    }

    @Test("required means true", arguments: [(true, nil), (false, "validation_required")] as [(Bool, String?)])
    func required(value: Bool, code: String?) {
        let field = valueField(["type": "bool", "name": "b", "required": true])
        #expect(failureCode(field, .bool(value)) == code)
        #expect(failureCode(Self.plain, .bool(value)) == nil)
    }
}

@Suite("Date values")
struct DateValuesTests {
    static let plain = valueField(["type": "date", "name": "d"])

    // PocketBase 0.28.4 (reference server)
    @Test("coercion reads Go layouts and writes 2006-01-02 15:04:05.000Z", arguments: [
        ("2024-01-02 03:04:05", "2024-01-02 03:04:05.000Z"),
        ("2024-01-02T03:04:05Z", "2024-01-02 03:04:05.000Z"),
        ("2024-01-02T03:04:05.123+02:00", "2024-01-02 01:04:05.123Z"),
        ("2024-01-02", "2024-01-02 00:00:00.000Z"),
        ("2024-01-02 03:04:05.123456Z", "2024-01-02 03:04:05.123Z"),
        ("2024-01-02T03:04:05", "2024-01-02 03:04:05.000Z"),
        ("2024-01-02 03:04:05.1Z", "2024-01-02 03:04:05.100Z"),
        ("2024-01-02T03:04:05+0200", "2024-01-02 01:04:05.000Z"),
        ("2024-01-02 03:04:05 +0000 UTC", "2024-01-02 03:04:05.000Z"),
        ("2024-01-02T03:04:05.123456789-07:00", "2024-01-02 10:04:05.123Z"),
        ("02 Jan 2024", "2024-01-02 00:00:00.000Z"),
        ("Tue, 02 Jan 2024 03:04:05 GMT", "2024-01-02 03:04:05.000Z"),
        ("Tuesday, 02-Jan-24 03:04:05 MST", "2024-01-02 03:04:05.000Z"),
        ("2024-01-02 03:04:05Z", "2024-01-02 03:04:05.000Z"),
        ("2024-01-02 03:04:05.000", "2024-01-02 03:04:05.000Z"),
        ("2024-01-02 03:04:05-0700", "2024-01-02 10:04:05.000Z"),
        ("not a date", ""), ("", ""), ("2024-01-02 03:04", ""), ("Jan 2, 2024", ""), ("2024-1-2", ""),
        ("1700000000", ""), ("2024-02-30", ""), ("2024-01-02t03:04:05z", ""), ("2024-01-02T03:04:05.123Z ", ""),
        ("0001-01-01 00:00:00.000Z", ""), ("2024-01-02 25:04:05", ""), ("20240102", ""), ("2024-01-02T03:04:05-07", ""),
        ("03:04:05", ""), ("2024-01-02T03:04", ""),
        // time-only layouts give year 0; Go's space rules; comma fractions
        ("3:04PM", "0000-01-01 15:04:00.000Z"), ("Jan  2 15:04:05", "0000-01-02 15:04:05.000Z"),
        ("Jan 2 15:04:05", "0000-01-02 15:04:05.000Z"), ("Mon Jan  2 15:04:05 2006", "2006-01-02 15:04:05.000Z"),
        ("2024-01-02 03:04:05 +00:00", "2024-01-02 03:04:05.000Z"), ("Tue, 02 Jan 2024 03:04:05 +0100", "2024-01-02 02:04:05.000Z"),
        ("02 Jan 24 03:04 +0100", "2024-01-02 02:04:00.000Z"), ("2024-01-02  03:04:05", "2024-01-02 03:04:05.000Z"),
        ("2024-01-02 03:04:05,123Z", "2024-01-02 03:04:05.123Z"), ("2024-01-02T03:04:05.Z", ""),
    ] as [(String, String)])
    func normalize(text: String, expected: String) {
        #expect(Self.plain.normalize(.string(text)) == .string(expected))
    }

    @Test("non-text values become empty", arguments: [1700000000, true, ["2024-01-02"], ["a": 1], nil] as [JSONValue])
    func nonText(raw: JSONValue) {
        #expect(Self.plain.normalize(raw) == "")
    }

    @Test("bounds are inclusive; messages print Go's time.Time")
    func bounds() {
        let field = valueField(["type": "date", "name": "d", "min": "2020-01-01 00:00:00.000Z",
                                "max": "2021-01-01 00:00:00.123Z", "required": true])
        #expect(failureCode(field, "2020-01-01") == nil)
        #expect(failureCode(field, "2021-01-01 00:00:00.123Z") == nil)
        #expect(failureCode(field, "") == "validation_required")
        #expect(field.validate(field.normalize("2019-12-31"), context: .creating) == ValidationError(
            code: "validation_min_greater_equal_than_required", message: "Must be no less than 2020-01-01 00:00:00 +0000 UTC.",
            params: JSONObject([("threshold", "2020-01-01T00:00:00Z")])))
        #expect(field.validate(field.normalize("2021-01-01 00:00:00.124Z"), context: .creating) == ValidationError(
            code: "validation_max_less_equal_than_required",
            message: "Must be no greater than 2021-01-01 00:00:00.123 +0000 UTC.",
            params: JSONObject([("threshold", "2021-01-01T00:00:00.123Z")])))
    }

    @Test("autodate values are read as dates and never fail")
    func autodate() {
        let field = valueField(["type": "autodate", "name": "created", "onCreate": true])
        #expect(field.normalize("2024-01-02") == "2024-01-02 00:00:00.000Z")
        #expect(field.validate("", context: .creating) == nil)
    }
}

@Suite("GeoPoint values")
struct GeoPointValuesTests {
    static let plain = valueField(["type": "geoPoint", "name": "g"])

    // PocketBase 0.28.4 (reference server)
    @Test("coercion decodes {lon, lat} like Go's json", arguments: [
        (["lon": 1.5, "lat": -2.25], 1.5, -2.25), (#"{"lon":1,"lat":2}"#, 1, 2), (["lat": 3], 0, 3), (#"{"lon":1}"#, 1, 0),
        ("[1,2]", 0, 0), ("bad", 0, 0), ("", 0, 0), (["lon": "1", "lat": 2], 0, 2), ([1, 2], 0, 0), (5, 0, 0),
        (["lon": 1, "lat": 2, "x": 3], 1, 2), (#"{"LON":3,"Lat":4}"#, 3, 4), (["Lon": 3], 3, 0), (nil, 0, 0), (true, 0, 0),
        (["lon": nil, "lat": 2], 0, 2),
    ] as [(JSONValue, Double, Double)])
    func normalize(raw: JSONValue, lon: Double, lat: Double) {
        #expect(Self.plain.normalize(raw) == GeoPointField.point(lon: lon, lat: lat))
    }

    @Test("validation codes", arguments: [
        (0, 0, nil), (1, 2, nil), (181, 0, "validation_invalid_longitude"), (0, -90.5, "validation_invalid_latitude"),
        (-180, 90, nil), (200, 100, "validation_invalid_latitude"),
    ] as [(Double, Double, String?)])
    func validation(lon: Double, lat: Double, code: String?) {
        #expect(Self.plain.validate(GeoPointField.point(lon: lon, lat: lat), context: .creating)?.code == code)
    }

    @Test("required refuses the origin; messages")
    func required() {
        let field = valueField(["type": "geoPoint", "name": "g", "required": true])
        #expect(failureCode(field, nil) == "validation_required")
        #expect(field.validate(GeoPointField.point(lon: 0, lat: 91), context: .creating)?.message
            == "Latitude must be between -90 and 90 degrees.")
        #expect(field.validate(GeoPointField.point(lon: -181, lat: 1), context: .creating)?.message
            == "Longitude must be between -180 and 180 degrees.")
    }
}

@Suite("JSON values")
struct JSONValuesTests {
    static let plain = valueField(["type": "json", "name": "j"])

    // PocketBase 0.28.4 (reference server)
    @Test("text holding JSON is parsed, other text is a JSON string", arguments: [
        ("[1,2]", [1, 2]), (#"{"a":1}"#, ["a": 1]), ("null", nil), ("true", true), ("abc", "abc"), ("", ""),
        (#""quoted""#, "quoted"), ("-1", -1), ("  [1]", "  [1]"), (" 1", " 1"), ("-", "-"), ("1.", "1."), ("01", "01"),
        ("tru", "tru"), ("True", "True"), ("{bad", "{bad"), ("[1,2", "[1,2"), ("   ", "   "), ("\n{}", "\n{}"),
        ("1.50", 1.5),
    ] as [(String, JSONValue)])
    func normalizeText(text: String, expected: JSONValue) {
        #expect(Self.plain.normalize(.string(text)) == expected)
    }

    @Test("other values are kept, object keys sorted as Go marshals a map")
    func normalizeValues() {
        #expect(Self.plain.normalize(123) == 123)
        #expect(Self.plain.normalize(true) == true)
        #expect(Self.plain.normalize([]) == [])
        #expect(Self.plain.normalize(nil) == nil)
        let sorted = Self.plain.normalize(["b": 1, "a": ["d": 1, "c": 2]])
        #expect(JSONWriter.string(sorted) == #"{"a":{"c":2,"d":1},"b":1}"#)
        // text keeps its own key order
        #expect(JSONWriter.string(Self.plain.normalize(#"{"b":1,"a":2}"#)) == #"{"b":1,"a":2}"#)
    }

    @Test("size limit and required", arguments: [
        (["long_key": 12345], 10, false, "validation_json_size_limit"), ("123456", 5, false, "validation_json_size_limit"),
        ("12345", 5, false, nil), (nil, 1, true, "validation_required"), ("", 0, true, "validation_required"),
        ([], 0, true, "validation_required"), ([:], 0, true, "validation_required"), (0, 0, true, nil),
        (false, 0, true, nil),
    ] as [(JSONValue, Int, Bool, String?)])
    func validation(raw: JSONValue, maxSize: Int, required: Bool, code: String?) {
        let field = valueField(["type": "json", "name": "j", "maxSize": .number(Double(maxSize)), "required": .bool(required)])
        #expect(failureCode(field, raw) == code)
    }

    @Test("size message")
    func message() {
        let field = valueField(["type": "json", "name": "j", "maxSize": 5])
        #expect(field.validate("123456", context: .creating) == ValidationError(
            code: "validation_json_size_limit", message: "The maximum allowed JSON size is 5 bytes.",
            params: JSONObject([("maxSize", 5)])))
    }
}
