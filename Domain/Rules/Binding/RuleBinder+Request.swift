/// `@request.*` values that are literals: context, method, query, headers, body keys and the
/// plain auth fields.
extension RuleBinder {
    /// The request facts as PocketBase's static request map.
    var staticRequest: JSONValue {
        var root = JSONObject()
        root["context"] = .string(environment.context)
        root["method"] = .string(environment.method)
        root["query"] = .object(JSONObject(environment.query.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        root["headers"] = .object(JSONObject(environment.headers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        root["body"] = .object(environment.body)
        if let auth = environment.auth {
            var values = auth.values
            if values["collectionId"] == nil { values["collectionId"] = .string(auth.collection.id) }
            if values["collectionName"] == nil { values["collectionName"] = .string(auth.collection.name) }
            root["auth"] = .object(values)
        } else {
            root["auth"] = .null
        }
        return .object(root)
    }

    /// A value of the static request map by path (`["query", "mode:isset"]`).
    func staticRequestValue(_ path: [String]) throws(RuleBindError) -> BoundOperand {
        guard let lastProp = path.last else {
            throw RuleBindError("at least one path key should be provided")
        }
        let (last, modifier) = try RuleIdentifierSyntax.splitModifier(lastProp)
        var keys = path
        keys[keys.count - 1] = last
        let found = Self.extract(staticRequest, keys[...])
        if modifier == .isset {
            return .constant(.bool(found != nil))
        }
        guard let value = found, !value.isNull else { return .null }
        var bound: BoundValue
        switch value {
        case .string(let text):
            bound = .text(text)
            // PocketBase 0.28.4: a text is read as a number when the bound collection has a number
            // field named like the last key (form values of number fields arrive as text).
            if case .number = collection.field(named: last), let number = Self.goParseFloat(text) {
                bound = .number(number)
            }
        case .number(let number): bound = .number(number)
        case .bool(let flag): bound = .bool(flag)
        default: bound = .text(Self.goJSON(value))
        }
        return modifier == .lower ? .loweredValue(bound) : .value(bound)
    }

    /// `:each`, `:length` and `:lower` on a body key that names a field of the collection.
    mutating func bodyModifier(_ modifier: RuleIdentifierSyntax.Modifier, field: Field,
                               _ walk: inout Walk) throws(RuleBindError) -> BoundOperand {
        let raw = environment.body[field.name] ?? .null
        guard modifier != .lower else {
            return .loweredValue(.text(Self.goString(raw)))
        }
        guard case .multiple(let isMulti) = field.storage else {
            throw RuleBindError("field \(GoQuote.string(field.name)) doesn't support multivalue operations")
        }
        let items: [JSONValue] = switch raw {
        case .null: []
        case .array(let values): values
        default: [raw]
        }
        if modifier == .length {
            return .constant(.integer(items.count))
        }
        let json = Self.goJSON(.array(items))
        let alias = "__dataEach_" + RuleIdentifierSyntax.columnify(field.name) + "_je"
        joins.register(BoundJoin(alias: alias, source: .boundItems(json: json)))
        if isMulti { walk.multiMatch = true }
        walk.multiMatchJoins.append(BoundJoin(alias: "__mm" + alias, source: .boundItems(json: json)))
        return walk.result(.itemValue(alias: alias), multiMatchValue: .itemValue(alias: "__mm" + alias))
    }

    /// Walks objects by key and arrays by index; nil when a key is missing.
    static func extract(_ value: JSONValue, _ keys: ArraySlice<String>) -> JSONValue? {
        guard let key = keys.first else { return value }
        switch value {
        case .object(let object):
            guard let next = object[key] else { return nil }
            return extract(next, keys.dropFirst())
        case .array(let items):
            guard RuleIdentifierSyntax.isInteger(key), let index = Int(key.hasPrefix("+") ? String(key.dropFirst()) : key),
                  index >= 0, index < items.count else { return nil }
            return extract(items[index], keys.dropFirst())
        default:
            return nil
        }
    }

    /// Distinct non-empty ids of a body relation value.
    static func uniqueStrings(_ value: JSONValue) -> [String] {
        let candidates: [String] = switch value {
        case .string(let text): [text]
        case .array(let items): items.map(goString)
        case .null: []
        default: [goString(value)]
        }
        var seen: Set<String> = []
        return candidates.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Go's `cast.ToString` for the values a body holds.
    static func goString(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): GoNumberFormat.string(number)
        case .array, .object: ""
        }
    }

    /// Go's `json.Marshal` of a decoded value (object keys sorted).
    static func goJSON(_ value: JSONValue) -> String {
        func sorted(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let object):
                var copy = JSONObject()
                for (key, member) in object.sortedByKey() { copy[key] = sorted(member) }
                return .object(copy)
            case .array(let items): return .array(items.map(sorted))
            default: return value
            }
        }
        return JSONWriter.string(sorted(value))
    }

    /// Go's `strconv.ParseFloat(text, 64)` success value.
    static func goParseFloat(_ text: String) -> Double? {
        guard !text.isEmpty, !text.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" }) else { return nil }
        return Double(text)
    }
}

/// Formats numbers as Go's `strconv.FormatFloat(f, 'f', -1, 64)` (what `cast.ToString` gives).
public enum GoNumberFormat {
    /// The shortest decimal text without an exponent (`10`, `7.5`, `0.0000001`).
    public static func string(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
        if value == value.rounded(), abs(value) < 1e18 { return String(Int64(value)) }
        let text = "\(value)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        var point = parts[0].count + exponent
        if digits.hasSuffix("0"), parts.count > 1, parts[1] == "0" { digits.removeLast() }
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        }
        if point >= digits.count {
            digits += String(repeating: "0", count: point - digits.count)
            return (negative ? "-" : "") + digits
        }
        let index = digits.index(digits.startIndex, offsetBy: point)
        return (negative ? "-" : "") + digits[..<index] + "." + digits[index...]
    }
}
