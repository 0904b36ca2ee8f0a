/// Random text matching a simple autogenerate pattern (`[a-z0-9]{15}`, `pre_[A-Z]{3}`): literals and
/// `[classes]` with ranges, each optionally repeated by `{n}`, `{n,m}`, `?`, `*` or `+`. Used for the
/// `autogeneratePattern` of text fields (record ids among them).
public enum PatternStringGenerator {
    /// A value of `pattern`, or nil for syntax beyond the simple form (groups, alternation, escapes
    /// of classes).
    public static func generate(_ pattern: String, random: any RandomStringGenerator) -> String? {
        let chars = Array(pattern)
        var out = ""
        var i = 0
        while i < chars.count {
            var alphabet: [UInt8]
            switch chars[i] {
            case "(", ")", "|", "^", "$", ".", "{", "}", "*", "+", "?": return nil
            case "\\":
                guard i + 1 < chars.count, chars[i + 1].isASCII, !chars[i + 1].isLetter, !chars[i + 1].isNumber
                else { return nil }
                alphabet = Array(String(chars[i + 1]).utf8)
                i += 2
            case "[":
                guard let close = chars[(i + 1)...].firstIndex(of: "]"), close > i + 1,
                      let set = characterClass(chars[(i + 1)..<close]) else { return nil }
                alphabet = set
                i = close + 1
            default:
                alphabet = Array(String(chars[i]).utf8)
                i += 1
            }
            var (low, high) = (1, 1)
            if i < chars.count {
                switch chars[i] {
                case "?": (low, high) = (0, 1); i += 1
                case "*": (low, high) = (0, 6); i += 1
                case "+": (low, high) = (1, 6); i += 1
                case "{":
                    // Counts above Go's 1000 (or unreadable ones) are not a simple pattern.
                    guard let (bounds, end) = AutogeneratePattern.repeatBounds(chars, at: i) else { return nil }
                    low = bounds.min
                    high = bounds.max < 0 ? bounds.min + 6 : bounds.max
                    i = end
                default: break
                }
            }
            let count = low == high ? low : low + pick(high - low + 1, random: random)
            out += random.string(length: count, alphabet: alphabet)
        }
        return out
    }

    /// The bytes of a class body such as `a-zA-Z0-9_`; nil for negation or non-ASCII.
    static func characterClass(_ body: ArraySlice<Character>) -> [UInt8]? {
        let chars = Array(body)
        guard chars.first != "^", chars.allSatisfy(\.isASCII) else { return nil }
        var set: [UInt8] = []
        var i = 0
        while i < chars.count {
            let start = chars[i].asciiValue!
            if i + 2 < chars.count, chars[i + 1] == "-" {
                let end = chars[i + 2].asciiValue!
                guard end >= start else { return nil }
                set += Array(start...end)
                i += 3
            } else {
                set.append(start)
                i += 1
            }
        }
        var seen = Set<UInt8>()
        return set.filter { seen.insert($0).inserted }
    }

    /// A uniform number in `0..<bound` from the generator's digits.
    private static func pick(_ bound: Int, random: any RandomStringGenerator) -> Int {
        Int(random.string(length: 6, alphabet: Alphabet.digits))! % bound
    }
}
