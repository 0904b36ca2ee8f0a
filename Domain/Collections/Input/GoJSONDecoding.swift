/// Decoding helpers with the strictness of Go's `encoding/json` as PocketBase uses it: keys match
/// case-insensitively (exact match first, later keys win), `null` leaves a non-pointer value as it
/// was, and a value of the wrong type fails the whole body.
enum GoJSON {
    typealias Failure = CollectionInputError

    /// The members of `object` that match `keys`, renamed to their canonical spelling, in body order.
    static func members(_ object: JSONObject, keys: [String]) -> [(key: String, value: JSONValue)] {
        var result: [(key: String, value: JSONValue)] = []
        for (key, value) in object {
            if keys.contains(key) {
                result.append((key, value))
            } else if let folded = keys.first(where: { $0.lowercased() == key.lowercased() }) {
                result.append((folded, value))
            }
        }
        return result
    }

    static func fail(_ path: String, _ expected: String) -> Failure {
        .invalidFormat(detail: "\(path): expected \(expected)")
    }

    /// A string; nil for `null` (no change).
    static func string(_ value: JSONValue, _ path: String) throws(Failure) -> String? {
        switch value {
        case .null: return nil
        case .string(let s): return s
        default: throw fail(path, "string")
        }
    }

    /// A `*string`: `.some(nil)` for `null`.
    static func optionalString(_ value: JSONValue, _ path: String) throws(Failure) -> String? {
        switch value {
        case .null: return nil
        case .string(let s): return s
        default: throw fail(path, "string or null")
        }
    }

    static func bool(_ value: JSONValue, _ path: String) throws(Failure) -> Bool? {
        switch value {
        case .null: return nil
        case .bool(let b): return b
        default: throw fail(path, "bool")
        }
    }

    /// A Go integer: a whole number in range.
    static func int(_ value: JSONValue, _ path: String) throws(Failure) -> Int? {
        switch value {
        case .null: return nil
        case .number(let n) where n.isFinite && n == n.rounded() && abs(n) < 9.2e18: return Int(n)
        default: throw fail(path, "integer")
        }
    }

    static func number(_ value: JSONValue, _ path: String) throws(Failure) -> Double? {
        switch value {
        case .null: return nil
        case .number(let n): return n
        default: throw fail(path, "number")
        }
    }

    /// A `[]string`; `.some(nil)`-like: returns nil for `null` (Go sets the slice to nil).
    static func strings(_ value: JSONValue, _ path: String) throws(Failure) -> [String]? {
        switch value {
        case .null: return nil
        case .array(let items):
            var result: [String] = []
            for item in items {
                switch item {
                case .string(let s): result.append(s)
                case .null: result.append("")
                default: throw fail(path, "array of strings")
                }
            }
            return result
        default: throw fail(path, "array of strings")
        }
    }

    /// An object; nil for `null` (no change).
    static func object(_ value: JSONValue, _ path: String) throws(Failure) -> JSONObject? {
        switch value {
        case .null: return nil
        case .object(let o): return o
        default: throw fail(path, "object")
        }
    }

    /// A `map[string]any` decoded over an existing one: keys merge, `null` clears it.
    static func mergeMap(_ value: JSONValue, into existing: JSONValue?, _ path: String) throws(Failure) -> JSONValue {
        switch value {
        case .null: return .null
        case .object(let o):
            var merged = existing?.objectValue ?? JSONObject()
            for (key, member) in o { merged[key] = member }
            return .object(merged)
        default: throw fail(path, "object")
        }
    }
}
