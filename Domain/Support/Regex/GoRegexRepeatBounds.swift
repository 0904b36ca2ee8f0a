/// Go's counted repetition `{n}`, `{n,}`, `{n,m}` read from a pattern, with `regexp/syntax`'s
/// limits, so that no count can overflow or size an allocation.
struct GoRegexRepeatBounds: Sendable, Equatable {
    /// Go's `maxRepeat`: a single count, and the product of nested counts, may not exceed it.
    static let maxCount = 1000

    var min: Int
    /// -1 for `{n,}`.
    var max: Int
    /// The index just past `}`.
    var end: Int

    /// Whether the counts are within Go's limits (`min <= max <= 1000`).
    var isValid: Bool {
        min >= 0 && min <= Self.maxCount && max <= Self.maxCount && (max < 0 || min <= max)
    }

    /// The bounds of a `{` at `start`, or nil when the text there is not a repetition (Go then reads
    /// `{` as a literal). Numbers too large to represent come back as `min == -1`.
    static func parse(_ s: [Unicode.Scalar], at start: Int) -> GoRegexRepeatBounds? {
        guard start < s.count, s[start] == "{" else { return nil }
        var i = start + 1
        guard let low = integer(s, &i), i < s.count else { return nil }
        var high = low
        var min = low
        if s[i] == "," {
            i += 1
            guard i < s.count else { return nil }
            if s[i] == "}" {
                high = -1
            } else {
                guard let value = integer(s, &i) else { return nil }
                high = value
                if value < 0 { min = -1 }
            }
        }
        guard i < s.count, s[i] == "}" else { return nil }
        return GoRegexRepeatBounds(min: min, max: high, end: i + 1)
    }

    /// Go's `parseInt`: decimal digits without a leading zero; -1 once the value reaches 10^8.
    private static func integer(_ s: [Unicode.Scalar], _ i: inout Int) -> Int? {
        guard i < s.count, isDigit(s[i]) else { return nil }
        if s[i] == "0", i + 1 < s.count, isDigit(s[i + 1]) { return nil }
        var n = 0
        while i < s.count, isDigit(s[i]) {
            if n >= 0 {
                n = n >= 100_000_000 ? -1 : n * 10 + Int(s[i].value - 48)
            }
            i += 1
        }
        return n
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
}
