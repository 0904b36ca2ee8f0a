/// Backslash escapes and bracketed classes, as Go's `parseEscape`, `parseUnicodeClass` and
/// `parseClass` read them.
extension GoRegexParser {
    /// A backslash outside a class; `i` is at `\`.
    mutating func parseBackslash() throws(GoRegexError) {
        if i + 1 < s.count {
            switch s[i + 1] {
            case "A": push(.assertion(.beginText)); i += 2; return
            case "z": push(.assertion(.endText)); i += 2; return
            case "b": push(.assertion(.wordBoundary)); i += 2; return
            case "B": push(.assertion(.noWordBoundary)); i += 2; return
            case "C": throw GoRegexError(.invalidEscape, s[i..<(i + 2)])
            case "Q":
                // `\Q...\E`: everything up to `\E` (or the end) is literal.
                var j = i + 2
                while j < s.count, !(s[j] == "\\" && j + 1 < s.count && s[j + 1] == "E") {
                    literal(s[j].value)
                    j += 1
                }
                i = j < s.count ? j + 2 : j
                return
            case "p", "P":
                var cls = GoRegexCharClass(foldsCase: flags.foldsCase)
                cls.items.append(try parseUnicodeClass(&i))
                push(.charClass(cls))
                return
            default:
                if let item = GoRegexCharClass.perl(s[i + 1]) {
                    push(.charClass(GoRegexCharClass(items: [item], foldsCase: flags.foldsCase)))
                    i += 2
                    return
                }
            }
        }
        literal(try parseEscape(&i))
    }

    /// A single-scalar escape at `t` (`\n`, `\x41`, `\x{10FFFF}`, `\123`, `\.`); moves `t` past it.
    func parseEscape(_ t: inout Int) throws(GoRegexError) -> UInt32 {
        let start = t
        t += 1
        guard t < s.count else { throw GoRegexError(.trailingBackslash, "") }
        let c = s[t]
        t += 1
        switch c {
        case "1"..."7", "0":
            // A lone non-zero digit would be a backreference, which RE2 does not support.
            if c != "0", t >= s.count || !Self.isOctal(s[t]) { break }
            var value = c.value - 48
            for _ in 1..<3 {
                guard t < s.count, Self.isOctal(s[t]) else { break }
                value = value * 8 + s[t].value - 48
                t += 1
            }
            return value
        case "x":
            guard t < s.count else { break }
            let first = s[t]
            t += 1
            if first == "{" {
                var value: UInt32 = 0
                var digits = 0
                while true {
                    guard t < s.count else { throw GoRegexError(.invalidEscape, s[start..<t]) }
                    let d = s[t]
                    t += 1
                    if d == "}" { break }
                    guard let v = Self.hexValue(d) else { throw GoRegexError(.invalidEscape, s[start..<t]) }
                    value = value * 16 + v
                    guard value <= 0x10FFFF else { throw GoRegexError(.invalidEscape, s[start..<t]) }
                    digits += 1
                }
                guard digits > 0 else { break }
                return value
            }
            let second: Unicode.Scalar? = t < s.count ? s[t] : nil
            if second != nil { t += 1 }
            guard let x = Self.hexValue(first), let second, let y = Self.hexValue(second) else { break }
            return x * 16 + y
        case "a": return 7
        case "f": return 12
        case "n": return 10
        case "r": return 13
        case "t": return 9
        case "v": return 11
        default:
            if c.value < 0x80, !Self.isAlphanumeric(c) { return c.value }
        }
        throw GoRegexError(.invalidEscape, s[start..<t])
    }

    /// `\pL`, `\p{Greek}`, `\PL`, `\p{^Greek}` at `t` (which is at `\`); moves `t` past it.
    func parseUnicodeClass(_ t: inout Int) throws(GoRegexError) -> GoRegexCharClass.Item {
        let start = t
        var negated = s[t + 1] == "P"
        var next = t + 2
        var name: [Unicode.Scalar]
        if next < s.count, s[next] == "{" {
            guard let end = s[start...].firstIndex(of: "}") else {
                throw GoRegexError(.invalidCharRange, s[start...])
            }
            name = Array(s[(start + 3)..<end])
            next = end + 1
        } else {
            name = next < s.count ? [s[next]] : []
            next = Swift.min(next + 1, s.count)
        }
        if name.first == "^" {
            negated.toggle()
            name.removeFirst()
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: name)
        guard let set = GoRegexUnicodeTables.set(named: text) else {
            throw GoRegexError(.invalidCharRange, s[start..<next])
        }
        t = next
        return GoRegexCharClass.Item(set: set, negated: negated)
    }

    /// A bracketed class; `i` is at `[`.
    mutating func parseClass() throws(GoRegexError) {
        let start = i
        var t = i + 1
        var cls = GoRegexCharClass(foldsCase: flags.foldsCase)
        if t < s.count, s[t] == "^" {
            // PocketBase 0.28.4 (Go): Perl mode sets ClassNL, so `[^a]` matches a newline.
            cls.negated = true
            t += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while t >= s.count || s[t] != "]" || first {
            first = false
            if s.count - t > 2, s[t] == "[", s[t + 1] == ":", let close = namedClassEnd(from: t + 2) {
                let name = s[t..<close]
                let negated = s[t + 2] == "^"
                var text = ""
                text.unicodeScalars.append(contentsOf: s[(t + (negated ? 3 : 2))..<(close - 2)])
                guard let set = GoRegexCharClass.posix(text) else { throw GoRegexError(.invalidCharRange, name) }
                cls.append(set, negated: negated)
                t = close
                continue
            }
            if t + 1 < s.count, s[t] == "\\" {
                if s[t + 1] == "p" || s[t + 1] == "P" {
                    cls.items.append(try parseUnicodeClass(&t))
                    continue
                }
                if let item = GoRegexCharClass.perl(s[t + 1]) {
                    cls.items.append(item)
                    t += 2
                    continue
                }
            }
            let rangeStart = t
            let low = try classCharacter(&t, classStart: start)
            var high = low
            if s.count - t >= 2, s[t] == "-", s[t + 1] != "]" {
                t += 1
                high = try classCharacter(&t, classStart: start)
                guard high >= low else { throw GoRegexError(.invalidCharRange, s[rangeStart..<t]) }
            }
            ranges.append(low...high)
        }
        if !ranges.isEmpty { cls.append(.ranges(ranges)) }
        i = t + 1
        push(.charClass(cls))
    }

    /// The index just past the `:]` that closes a POSIX class name, or nil when there is none.
    private func namedClassEnd(from t: Int) -> Int? {
        var j = t
        while j + 1 < s.count {
            if s[j] == ":", s[j + 1] == "]" { return j + 2 }
            j += 1
        }
        return nil
    }

    private func classCharacter(_ t: inout Int, classStart: Int) throws(GoRegexError) -> UInt32 {
        guard t < s.count else { throw GoRegexError(.missingBracket, s[classStart...]) }
        if s[t] == "\\" { return try parseEscape(&t) }
        t += 1
        return s[t - 1].value
    }

    static func isOctal(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 55 }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 48...57: c.value - 48
        case 65...70: c.value - 55
        case 97...102: c.value - 87
        default: nil
        }
    }
}
