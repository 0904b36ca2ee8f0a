extension NumberField: FieldValueRules {
    /// `cast.ToFloat64`: text through Go's `ParseFloat` (`" 5 "`, `"abc"`, `"0x10"`, `"1e400"` → 0;
    /// `"0x1p4"` → 16, `"1_000"` → 1000, `"inf"` → infinity, which validation then refuses).
    public func normalize(_ raw: JSONValue) -> JSONValue { .number(GoCast.float(raw)) }

    /// Not a finite number; 0 only fails `required` (optional zero values skip the bounds); then
    /// `onlyInt`, `min`, `max`.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        let number = value.numberValue ?? 0
        guard number.isFinite else { return ValueErrors.notANumber }
        if number == 0 { return required ? ValueErrors.required : nil }
        // Go's float64 → int64 → float64 round trip; out of int64's range it never matches (amd64).
        if onlyInt, abs(number) >= 9.223372036854775807e18 || number != number.rounded(.towardZero) {
            return ValueErrors.onlyInt
        }
        if let min, number < min { return ValueErrors.numberTooSmall(min: min) }
        if let max, number > max { return ValueErrors.numberTooLarge(max: max) }
        return nil
    }
}

extension BoolField: FieldValueRules {
    /// `cast.ToBool`: `"1" "t" "T" "true" "TRUE" "True"` and non-zero numbers are true; anything else
    /// (`"yes"`, `" true"`, arrays) is false.
    public func normalize(_ raw: JSONValue) -> JSONValue { .bool(GoCast.bool(raw)) }

    /// `required` means the value must be true.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        required && value.boolValue != true ? ValueErrors.required : nil
    }
}

extension DateField: FieldValueRules {
    /// `types.ParseDateTime`: text in one of the accepted layouts becomes
    /// `2006-01-02 15:04:05.000Z` (UTC, milliseconds cut); anything else, numbers included, `""`.
    public func normalize(_ raw: JSONValue) -> JSONValue { .string(DateValue.normalize(raw)) }

    /// Empty only fails `required`; then `min` and `max` (inclusive).
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        guard let date = DateValue.parse(value) else { return required ? ValueErrors.required : nil }
        if let lower = DateValue.parse(.string(min)), date < lower { return ValueErrors.dateTooEarly(min: lower) }
        if let upper = DateValue.parse(.string(max)), date > upper { return ValueErrors.dateTooLate(max: upper) }
        return nil
    }
}

extension AutodateField: FieldValueRules {
    /// Clients never set autodates: a submitted value is read as a date but `RecordValues` ignores it
    /// (the use case stamps the field on create/update).
    public func normalize(_ raw: JSONValue) -> JSONValue { .string(DateValue.normalize(raw)) }

    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? { nil }
}

/// PocketBase's `types.DateTime` reading of a value.
public enum DateValue {
    /// The instant, or nil for the zero time (empty, unreadable, or 0001-01-01 00:00:00 UTC).
    public static func parse(_ value: JSONValue) -> DateTime? {
        let text: String
        switch value {
        case .string(let s): text = s
        case .number, .bool: text = GoCast.string(value)
        case .null, .array, .object: return nil
        }
        guard !text.isEmpty, let time = GoTimeParser.parse(text), time != goZeroTime else { return nil }
        return time
    }

    /// The stored text: `2006-01-02 15:04:05.000Z`, or `""` for the zero time.
    public static func normalize(_ value: JSONValue) -> String { parse(value)?.description ?? "" }

    /// Go's zero `time.Time`, which PocketBase writes as `""`.
    static let goZeroTime = DateTime(unixSeconds: -62_135_596_800)
}

extension GeoPointField: FieldValueRules {
    /// `GeoPoint.Scan`: an object (or JSON text of one) read as Go decodes into `{lon, lat}` —
    /// keys matched case-insensitively, the last match winning, a member of the wrong type skipped;
    /// anything else (arrays, numbers, bad JSON) leaves `{lon: 0, lat: 0}`.
    public func normalize(_ raw: JSONValue) -> JSONValue {
        var lon = 0.0
        var lat = 0.0
        var object: JSONObject?
        switch raw {
        case .object(let o): object = o.sortedByKey() // a decoded body is a Go map: marshalled in key order
        case .string(let s) where !s.isEmpty: object = (try? JSONParser.parse(s))?.objectValue
        default: object = nil
        }
        for (key, member) in object ?? JSONObject() {
            guard case .number(let n) = member else { continue }
            let lowered = key.lowercased()
            if lowered == "lon" { lon = n } else if lowered == "lat" { lat = n }
        }
        return Self.point(lon: lon, lat: lat)
    }

    /// The stored shape: `{"lon": …, "lat": …}`.
    public static func point(lon: Double, lat: Double) -> JSONValue {
        .object(JSONObject([("lon", .number(lon)), ("lat", .number(lat))]))
    }

    /// `{0, 0}` only fails `required`; then latitude within ±90, longitude within ±180.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        let lon = value["lon"].numberValue ?? 0
        let lat = value["lat"].numberValue ?? 0
        if lon == 0, lat == 0 { return required ? ValueErrors.required : nil }
        if lat < -90 || lat > 90 { return ValueErrors.invalidLatitude }
        if lon < -180 || lon > 180 { return ValueErrors.invalidLongitude }
        return nil
    }
}

extension JSONField: FieldValueRules {
    /// PocketBase's default json limit: 1 MiB.
    public static let defaultMaxSize = 1 << 20

    /// Text is parsed when it is `null`/`true`/`false` or starts with a digit, `-`, `"`, `[` or `{`
    /// and is valid JSON; any other text (`"abc"`, `" 1"`, `""`) is stored as a JSON string. Other
    /// values are kept, objects with their keys sorted (a decoded body is a Go map).
    public func normalize(_ raw: JSONValue) -> JSONValue {
        guard case .string(let text) = raw else { return Self.sortingObjectKeys(raw) }
        guard let first = text.utf8.first else { return .string("") }
        if text == "null" || text == "true" || text == "false" || (48...57).contains(first)
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "\"") || first == UInt8(ascii: "[")
            || first == UInt8(ascii: "{"), let parsed = try? JSONParser.parse(text) {
            return parsed
        }
        return .string(text)
    }

    /// The size of the stored JSON text against `maxSize` (0 means 1 MiB), then `required`, which
    /// treats `null`, `""`, `[]` and `{}` as blank.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        let limit = maxSize > 0 ? maxSize : Self.defaultMaxSize
        if Self.storedSize(value) > limit { return ValueErrors.jsonTooLarge(maxSize: limit) }
        if required, Self.isBlank(value) { return ValueErrors.required }
        return nil
    }

    /// Bytes of the stored text (0 for null, which is stored as SQL NULL).
    public static func storedSize(_ value: JSONValue) -> Int {
        value.isNull ? 0 : JSONWriter.bytes(value).count
    }

    static func isBlank(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .string(let s): s.isEmpty
        case .array(let a): a.isEmpty
        case .object(let o): o.isEmpty
        case .bool, .number: false
        }
    }

    static func sortingObjectKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o):
            var sorted = JSONObject()
            for (key, member) in o.sortedByKey() { sorted[key] = sortingObjectKeys(member) }
            return .object(sorted)
        case .array(let items): return .array(items.map(sortingObjectKeys))
        default: return value
        }
    }
}
