import _StringProcessing

/// A matcher for govalidator's URL pattern that tracks every position a part can end at (a set
/// per step), so its cost stays polynomial whatever the input.
struct URLShape {
    typealias Positions = [Bool]
    private let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    private var count: Int { scalars.count }

    func matches() -> Bool {
        var start = Positions(repeating: false, count: count + 1)
        start[0] = true
        var at = optional(start, schemePart)
        at = optional(at, userPart)
        at = union(ipv4(at), ipv6(at), hostName(at))
        at = optional(at) { literal($0, ".") }
        at = optional(at) { repeated(literal($0, ":"), 1, 5, digit) }
        at = optional(at) { run(single($0) { "/?#".unicodeScalars.contains($0) }, nonSpace, minimum: 0) }
        return at[count]
    }

    // MARK: parts

    private func schemePart(_ at: Positions) -> Positions {
        union(["ftp://", "tcp://", "udp://", "ws://", "wss://", "http://", "https://"].map { literal(at, $0) })
    }

    /// `\\S+(:\\S*)?@`, which is the same as `\\S+@`.
    private func userPart(_ at: Positions) -> Positions {
        literal(run(at, nonSpace, minimum: 1), "@")
    }

    private func ipv4(_ at: Positions) -> Positions {
        let first: (String) -> Bool = { d in
            guard let v = Int(d) else { return false }
            if d.count <= 2 { return d.first != "0" }
            return (100...223).contains(v) || (240...255).contains(v)
        }
        let other: (String) -> Bool = { d in d.count <= 2 || (Int(d).map { (100...255).contains($0) } ?? false) }
        var p = number(at, first)
        for _ in 0..<3 { p = number(literal(p, "."), other) }
        return p
    }

    private func ipv6(_ at: Positions) -> Positions {
        var out = empty
        for i in 0..<count where at[i] && scalars[i] == "[" {
            guard let close = scalars[(i + 1)...].firstIndex(of: "]") else { continue }
            let inner = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
            if (try? GoURL.ipv6.wholeMatch(in: inner)) != nil { out[close + 1] = true }
        }
        return out
    }

    private func hostName(_ at: Positions) -> Positions {
        let prefix = union(at, dashed(at), subdomain(at))
        let label = star(single(prefix, labelChar)) { repeated($0, 0, 2, { $0 == "-" }).then { single($0, labelChar) } }
        return optional(label) { run(literal($0, "."), wideLetter, minimum: 1) }
    }

    /// `[a-zA-Z0-9]([a-zA-Z0-9_-]+)?[a-zA-Z0-9]([-.][a-zA-Z0-9]+)*`
    private func dashed(_ at: Positions) -> Positions {
        let head = single(at, alnum)
        let middle = union(head, run(head, { alnum($0) || $0 == "_" || $0 == "-" }, minimum: 1))
        let body = single(middle, alnum)
        return star(body) { run(single($0) { $0 == "-" || $0 == "." }, alnum, minimum: 1) }
    }

    /// `www\\.|[a-zA-Z0-9]+([-_.]?[a-zA-Z0-9])*[a-zA-Z0-9]\\.[a-zA-Z0-9]+`
    private func subdomain(_ at: Positions) -> Positions {
        let head = run(at, alnum, minimum: 1)
        let repeatedPart = star(head) { p in single(union(p, single(p) { "-_.".unicodeScalars.contains($0) }), alnum) }
        let tail = run(literal(single(repeatedPart, alnum), "."), alnum, minimum: 1)
        return union(literal(at, "www."), tail)
    }

    // MARK: combinators over position sets

    private var empty: Positions { Positions(repeating: false, count: count + 1) }

    private func union(_ sets: Positions...) -> Positions { union(sets) }

    private func union(_ sets: [Positions]) -> Positions {
        var out = empty
        for set in sets { for i in 0...count where set[i] { out[i] = true } }
        return out
    }

    private func optional(_ at: Positions, _ part: (Positions) -> Positions) -> Positions { union(at, part(at)) }

    private func literal(_ at: Positions, _ text: String) -> Positions {
        let wanted = Array(text.unicodeScalars)
        var out = empty
        for i in 0...count where at[i] && i + wanted.count <= count {
            if Array(scalars[i..<(i + wanted.count)]) == wanted { out[i + wanted.count] = true }
        }
        return out
    }

    private func single(_ at: Positions, _ accepts: (Unicode.Scalar) -> Bool) -> Positions {
        var out = empty
        for i in 0..<count where at[i] && accepts(scalars[i]) { out[i + 1] = true }
        return out
    }

    /// A run of accepted scalars of at least `minimum` (0 or 1), in one linear pass.
    private func run(_ at: Positions, _ accepts: (Unicode.Scalar) -> Bool, minimum: Int) -> Positions {
        var out = empty
        for i in 0..<count where accepts(scalars[i]) && (at[i] || out[i]) { out[i + 1] = true }
        return minimum == 0 ? union(at, out) : out
    }

    private func repeated(_ at: Positions, _ low: Int, _ high: Int, _ accepts: (Unicode.Scalar) -> Bool) -> Positions {
        var current = at
        var out = low == 0 ? at : empty
        for step in 1...high {
            current = single(current, accepts)
            if step >= low { out = union(out, current) }
        }
        return out
    }

    /// Zero or more repetitions of `part`, to a fixed point.
    private func star(_ at: Positions, _ part: (Positions) -> Positions) -> Positions {
        var result = at
        var frontier = at
        while true {
            let next = part(frontier)
            var fresh = empty
            var any = false
            for i in 0...count where next[i] && !result[i] { fresh[i] = true; result[i] = true; any = true }
            guard any else { return result }
            frontier = fresh
        }
    }

    /// One to three digits the predicate accepts.
    private func number(_ at: Positions, _ accepts: (String) -> Bool) -> Positions {
        var out = empty
        for i in 0..<count where at[i] {
            var digits = ""
            var j = i
            while j < count, j - i < 3, digit(scalars[j]) {
                digits.unicodeScalars.append(scalars[j])
                j += 1
                if accepts(digits) { out[j] = true }
            }
        }
        return out
    }

    // MARK: classes (Go's \\s is ASCII: tab, newline, form feed, carriage return, space)

    private func nonSpace(_ c: Unicode.Scalar) -> Bool { !["\t", "\n", "\u{0C}", "\r", " "].contains(c) }
    private func digit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    private func alnum(_ c: Unicode.Scalar) -> Bool { digit(c) || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
    private func wideLetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c.value >= 0xA1 && c.value <= 0xFFFF)
    }
    private func labelChar(_ c: Unicode.Scalar) -> Bool { wideLetter(c) || digit(c) }
}

private extension Array where Element == Bool {
    func then(_ next: ([Bool]) -> [Bool]) -> [Bool] { next(self) }
}
