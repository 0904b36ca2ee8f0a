/// The loose conversions PocketBase applies to submitted values (spf13/cast 1.9 and PocketBase's
/// `list.ToUniqueStringSlice`), over a decoded JSON value: nothing is rejected, a value that does
/// not convert becomes the zero value.
public enum GoCast {
    /// `cast.ToString`: text as is, `true`/`false`, numbers in plain decimal (`1e21` →
    /// `"1000000000000000000000"`, `1e-7` → `"0.0000001"`); null, arrays and objects → `""`.
    public static func string(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .number(let n): formatDecimal(n)
        case .null, .array, .object: ""
        }
    }

    /// `cast.ToFloat64`: numbers as is, `true` → 1, text through Go's `strconv.ParseFloat` (any
    /// failure, including overflow, → 0); everything else → 0.
    public static func float(_ value: JSONValue) -> Double {
        switch value {
        case .number(let n): n
        case .bool(let b): b ? 1 : 0
        case .string(let s): GoFloat.parse(s) ?? 0
        case .null, .array, .object: 0
        }
    }

    /// `cast.ToBool`: numbers are true unless 0; text only through `strconv.ParseBool` (`1 t T TRUE
    /// true True`, and their false forms); anything else → false.
    public static func bool(_ value: JSONValue) -> Bool {
        switch value {
        case .bool(let b): b
        case .number(let n): n != 0
        case .string(let s): ["1", "t", "T", "TRUE", "true", "True"].contains(s)
        case .null, .array, .object: false
        }
    }

    /// `cast.ToStringSlice` for non-text values: an array converts item by item (one array or object
    /// item spoils the whole list → nil); a number or bool is a one-item list; null and objects → nil.
    static func stringSlice(_ value: JSONValue) -> [String]? {
        switch value {
        case .array(let items):
            var out: [String] = []
            out.reserveCapacity(items.count)
            for item in items {
                switch item {
                case .array, .object: return nil
                default: out.append(string(item))
                }
            }
            return out
        case .number, .bool: return [string(value)]
        case .string(let s): return s.split(whereSeparator: \.isWhitespace).map(String.init)
        case .null, .object: return nil
        }
    }

    /// PocketBase's `list.ToUniqueStringSlice`: text holding a `[` is read as a JSON array of strings
    /// (falling back to the text itself), other text is one item, arrays convert item by item; then
    /// empty strings and repeats go, first occurrence kept.
    public static func uniqueStrings(_ value: JSONValue) -> [String] {
        var items: [String]
        switch value {
        case .null:
            items = []
        case .string(let s):
            if s.isEmpty {
                items = []
            } else if s.contains("["), let decoded = decodeStringArray(s) {
                items = decoded
            } else {
                items = [s]
            }
        default:
            items = stringSlice(value) ?? []
        }
        return nonzeroUniques(items)
    }

    /// Drops empty strings and repeats, keeping the first occurrence's position.
    static func nonzeroUniques(_ items: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for item in items where !item.isEmpty && seen.insert(item).inserted { out.append(item) }
        return out
    }

    /// Go's `json.Unmarshal` into `[]string`: an array of strings (null items become `""`, `null`
    /// itself an empty list); anything else fails.
    private static func decodeStringArray(_ text: String) -> [String]? {
        guard let parsed = try? JSONParser.parse(text) else { return nil }
        switch parsed {
        case .null: return []
        case .array(let items):
            var out: [String] = []
            for item in items {
                switch item {
                case .string(let s): out.append(s)
                case .null: out.append("")
                default: return nil
                }
            }
            return out
        default: return nil
        }
    }

    /// Go's `strconv.FormatFloat(n, 'f', -1, 64)`: the shortest round-tripping digits, never an
    /// exponent (`-0` stays `-0`).
    public static func formatDecimal(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n < 0 ? "-Inf" : "+Inf" }
        if n == 0 { return n.sign == .minus ? "-0" : "0" }
        return JSONWriter.plainDecimal(n.description)
    }

    /// Go's `fmt.Sprintf("%f", n)`: six decimals, rounded half to even on the exact binary value.
    public static func formatFixed6(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n < 0 ? "-Inf" : "+Inf" }
        let negative = n.sign == .minus
        let magnitude = abs(n)
        guard magnitude < 9e15 else { return (negative ? "-" : "") + formatDecimal(magnitude) + ".000000" }
        var whole = magnitude.rounded(.down)
        var micros = ((magnitude - whole) * 1_000_000).rounded(.toNearestOrEven)
        if micros >= 1_000_000 { whole += 1; micros -= 1_000_000 }
        let fraction = String(Int64(micros))
        return (negative ? "-" : "") + String(Int64(whole)) + "."
            + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
