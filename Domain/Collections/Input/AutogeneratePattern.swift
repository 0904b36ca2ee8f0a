/// The shortest and longest values a simple autogenerate pattern yields (a run of literals and
/// `[classes]`, each with an optional `{n}`, `{n,m}`, `?`, `*` or `+`), so a text field can reject a
/// pattern whose values would break its own limits, as PocketBase 0.28.4 does by generating samples.
/// Patterns with groups or alternation are not sampled (nil).
enum AutogeneratePattern {
    /// PocketBase's `security.RandomStringByRegex` repeats an unbounded `*`/`+` at most this often.
    static let maxRepeat = 6

    static func samples(_ pattern: String) -> [String]? {
        let chars = Array(pattern)
        var atoms: [(Character, Int, Int)] = []
        var i = 0
        while i < chars.count {
            var c = chars[i]
            switch c {
            case "(", ")", "|", "^", "$", ".", "{", "}", "*", "+", "?": return nil
            case "\\":
                guard i + 1 < chars.count, !chars[i + 1].isLetter, !chars[i + 1].isNumber else { return nil }
                c = chars[i + 1]
                i += 2
            case "[":
                guard let close = chars[(i + 1)...].firstIndex(of: "]"), close > i + 1, chars[i + 1] != "^",
                      !chars[(i + 1)..<close].contains("\\") else { return nil }
                c = chars[i + 1]
                i = close + 1
            default:
                i += 1
            }
            var low = 1
            var high = 1
            if i < chars.count {
                switch chars[i] {
                case "?": low = 0; high = 1; i += 1
                case "*": low = 0; high = maxRepeat; i += 1
                case "+": low = 1; high = maxRepeat; i += 1
                case "{":
                    guard let (bounds, end) = repeatBounds(chars, at: i) else { return nil }
                    low = bounds.min
                    high = bounds.max < 0 ? bounds.min + maxRepeat : bounds.max
                    i = end
                default: break
                }
            }
            atoms.append((c, low, high))
        }
        let shortest = String(atoms.flatMap { Array(repeating: $0.0, count: $0.1) })
        let longest = String(atoms.flatMap { Array(repeating: $0.0, count: $0.2) })
        return shortest == longest ? [shortest] : [shortest, longest]
    }

    /// A `{n}`, `{n,}` or `{n,m}` at `start` and the index past it, read as Go reads it; nil when it
    /// is not one or breaks Go's limits (counts above 1000), so no count can overflow or size an
    /// allocation.
    static func repeatBounds(_ chars: [Character], at start: Int) -> (GoRegexRepeatBounds, Int)? {
        guard let close = chars[start...].firstIndex(of: "}") else { return nil }
        let scalars = Array(String(chars[start...close]).unicodeScalars)
        guard let bounds = GoRegexRepeatBounds.parse(scalars, at: 0), bounds.end == scalars.count, bounds.isValid
        else { return nil }
        return (bounds, close + 1)
    }

    /// `TextField.ValidatePlainValue` on a generated value: false when it breaks the field's limits.
    static func fits(_ value: String, field: TextField) -> Bool {
        if field.required || field.primaryKey, value.isEmpty { return false }
        if value.isEmpty { return true }
        let length = value.unicodeScalars.count
        if field.min > 0, length < field.min { return false }
        if length > (field.max == 0 ? 5000 : field.max) { return false }
        if !field.pattern.isEmpty, !GoRegexMatch.matches(field.pattern, value) { return false }
        return true
    }
}
