internal import PocketDomain
internal import PocketSQL

/// Converts record values to SQLite column values and back, typed by the field's column shape.
///
/// Bool columns hold 0/1, number columns INTEGER or REAL, JSON, geo point and multi-valued columns
/// JSON text, everything else text.
enum RecordColumnCodec {
    /// The value to store for a field.
    static func encode(_ value: JSONValue, for field: Field) -> SQLiteValue {
        switch ColumnKind(field: field) {
        case .primaryKey, .text:
            switch value {
            case .null: return .text("")
            case .string(let text): return .text(text)
            default: return .text(JSONWriter.string(value))
            }
        case .number:
            return number(value)
        case .bool:
            return .integer(truth(value) ? 1 : 0)
        case .json:
            return value.isNull ? .null : .text(JSONWriter.string(value))
        case .jsonArray:
            switch value {
            case .null: return .text("[]")
            case .string(let text): return .text(text.isEmpty ? "[]" : JSONWriter.string(.array([value])))
            case .array: return .text(JSONWriter.string(value))
            default: return .text(JSONWriter.string(.array([value])))
            }
        case .geoPoint:
            guard case .object = value else { return .text(#"{"lon":0,"lat":0}"#) }
            return .text(JSONWriter.string(value))
        }
    }

    /// The record value a stored column holds for a field.
    static func decode(_ value: SQLiteValue, for field: Field) -> JSONValue {
        decode(value, as: ColumnKind(field: field))
    }

    /// The value of a column of that kind (worked out once per field when reading many rows).
    static func decode(_ value: SQLiteValue, as kind: ColumnKind) -> JSONValue {
        switch kind {
        case .primaryKey, .text:
            switch value {
            case .null: return .string("")
            case .text(let text): return .string(text)
            case .integer(let number): return .string(String(number))
            case .real(let number): return .string(JSONWriter.string(.number(number)))
            case .blob(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
            }
        case .number:
            return .number(value.real ?? 0)
        case .bool:
            switch value {
            case .integer(let number): return .bool(number != 0)
            case .real(let number): return .bool(number != 0)
            case .text(let text): return .bool(text == "1" || text.lowercased() == "true")
            default: return .bool(false)
            }
        case .json:
            switch value {
            case .null: return .null
            case .integer(let number): return .number(Double(number))
            case .real(let number): return .number(number)
            case .text(let text): return (try? JSONParser.parse(text)) ?? .string(text)
            case .blob(let bytes): return (try? JSONParser.parse(bytes)) ?? .string(String(decoding: bytes, as: UTF8.self))
            }
        case .jsonArray:
            return stringList(value)
        case .geoPoint:
            if let text = textOf(value), let parsed = try? JSONParser.parse(text), case .object = parsed {
                return parsed
            }
            return ["lon": 0, "lat": 0]
        }
    }

    private static func number(_ value: JSONValue) -> SQLiteValue {
        let number: Double
        switch value {
        case .number(let n): number = n
        case .bool(let b): number = b ? 1 : 0
        case .string(let text): number = Double(text) ?? 0
        default: number = 0
        }
        guard number.isFinite else { return .integer(0) }
        // Whole numbers stay INTEGER, as PocketBase's driver writes an integral float64.
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 { return .integer(Int64(number)) }
        return .real(number)
    }

    private static func truth(_ value: JSONValue) -> Bool {
        switch value {
        case .bool(let b): b
        case .number(let n): n != 0
        case .string(let text): text == "1" || text.lowercased() == "true"
        default: false
        }
    }

    private static func textOf(_ value: SQLiteValue) -> String? {
        switch value {
        case .text(let text): text
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        default: nil
        }
    }

    /// PocketBase reads a multi-valued column as a JSON array of strings; any other non-empty text
    /// is one value.
    private static func stringList(_ value: SQLiteValue) -> JSONValue {
        guard let text = textOf(value) else {
            if case .null = value { return .array([]) }
            return .array([decode(value, for: .text(TextField(base: FieldBase(name: ""))))])
        }
        if text.isEmpty { return .array([]) }
        if let parsed = try? JSONParser.parse(text) {
            switch parsed {
            case .array(let items): return .array(items)
            case .null: return .array([])
            case .string(let single): return single.isEmpty ? .array([]) : .array([.string(single)])
            default: return .array([.string(text)])
            }
        }
        return .array([.string(text)])
    }
}
