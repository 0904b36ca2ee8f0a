/// Reads a pattern with Go's `regexp/syntax` Perl flags (what `regexp.Compile` uses) into a
/// `GoRegexNode`, refusing what Go refuses with Go's error texts.
///
/// The parser keeps its own stack of open groups instead of recursing, so a pattern's nesting
/// costs heap, not call stack; Go's height limit (1000) bounds every later walk of the tree.
struct GoRegexParser {
    /// The flags `(?imsU)` set.
    struct Flags: Equatable {
        var foldsCase = false
        var dotMatchesNewline = false
        /// `^`/`$` match only at the text's ends; `(?m)` clears it.
        var oneLine = true
        var nonGreedy = false
    }

    /// A parsed piece and its tree height, for Go's nesting limit.
    struct Item {
        var node: GoRegexNode
        var height: Int
    }

    /// An open group (or the whole pattern): its alternatives so far and the current one.
    struct Frame {
        /// The flags before the group opened, restored at its `)`.
        var savedFlags: Flags
        var isCapture: Bool
        var branches: [Item] = []
        var items: [Item] = []
    }

    /// Go's `maxHeight`.
    static let maxHeight = 1000

    let s: [Unicode.Scalar]
    var i = 0
    var flags = Flags()
    var frames: [Frame]
    /// Where the previous token started when it was a repetition operator.
    var lastRepeat: Int?

    private init(_ pattern: String) {
        s = Array(pattern.unicodeScalars)
        frames = [Frame(savedFlags: Flags(), isCapture: false)]
    }

    /// The tree of a pattern, or Go's error for it.
    static func parse(_ pattern: String) throws(GoRegexError) -> GoRegexNode {
        var parser = GoRegexParser(pattern)
        return try parser.run()
    }

    private mutating func run() throws(GoRegexError) -> GoRegexNode {
        while i < s.count {
            var repeatStart: Int?
            let c = s[i]
            switch c {
            case "(":
                if i + 1 < s.count, s[i + 1] == "?" {
                    try parsePerlFlags()
                } else {
                    frames.append(Frame(savedFlags: flags, isCapture: true))
                    i += 1
                }
            case "|":
                try closeBranch()
                i += 1
            case ")":
                try closeGroup()
                i += 1
            case "^":
                push(.assertion(flags.oneLine ? .beginText : .beginLine))
                i += 1
            case "$":
                push(.assertion(flags.oneLine ? .endText : .endLine))
                i += 1
            case ".":
                push(flags.dotMatchesNewline ? .anyChar : .anyCharNotNewline)
                i += 1
            case "[":
                try parseClass()
            case "*", "+", "?":
                repeatStart = i
                i += 1
                try applyRepeat(c, min: 0, max: 0, start: repeatStart!)
            case "{":
                guard let bounds = GoRegexRepeatBounds.parse(s, at: i) else {
                    literal(c.value)
                    i += 1
                    break
                }
                guard bounds.isValid else { throw GoRegexError(.invalidRepeatSize, s[i..<bounds.end]) }
                repeatStart = i
                i = bounds.end
                try applyRepeat(c, min: bounds.min, max: bounds.max, start: repeatStart!)
            case "\\":
                try parseBackslash()
            default:
                literal(c.value)
                i += 1
            }
            lastRepeat = repeatStart
        }
        guard frames.count == 1 else { throw GoRegexError(.missingParen, s[...]) }
        return try finish(frames[0]).node
    }

    // MARK: - Stack

    mutating func push(_ node: GoRegexNode) {
        frames[frames.count - 1].items.append(Item(node: node, height: 1))
    }

    /// A literal scalar; under `(?i)` one that has case variants matches by fold key.
    mutating func literal(_ value: UInt32) {
        if flags.foldsCase, GoRegexCaseFold.orbit(value).count > 1 {
            push(.literal(GoRegexCaseFold.key(value), fold: true))
        } else {
            push(.literal(value, fold: false))
        }
    }

    private func checked(_ item: Item) throws(GoRegexError) -> Item {
        guard item.height <= Self.maxHeight else { throw GoRegexError(.nestingDepth, s[...]) }
        return item
    }

    private func concatenation(_ items: [Item]) throws(GoRegexError) -> Item {
        switch items.count {
        case 0: Item(node: .empty, height: 1)
        case 1: items[0]
        default: try checked(Item(node: .concat(items.map(\.node)), height: 1 + items.map(\.height).max()!))
        }
    }

    private func finish(_ frame: Frame) throws(GoRegexError) -> Item {
        let last = try concatenation(frame.items)
        guard !frame.branches.isEmpty else { return last }
        let all = frame.branches + [last]
        return try checked(Item(node: .alternate(all.map(\.node)), height: 1 + all.map(\.height).max()!))
    }

    private mutating func closeBranch() throws(GoRegexError) {
        let top = frames.count - 1
        frames[top].branches.append(try concatenation(frames[top].items))
        frames[top].items = []
    }

    private mutating func closeGroup() throws(GoRegexError) {
        guard frames.count > 1 else { throw GoRegexError(.unexpectedParen, s[...]) }
        let frame = frames.removeLast()
        var item = try finish(frame)
        if frame.isCapture { item = try checked(Item(node: .capture(item.node), height: item.height + 1)) }
        flags = frame.savedFlags
        frames[frames.count - 1].items.append(item)
    }

    // MARK: - Repetition

    /// Applies `*`, `+`, `?` or `{n,m}` (`op` is `{`) to the last piece; `i` is past the operator.
    private mutating func applyRepeat(_ op: Unicode.Scalar, min: Int, max: Int, start: Int) throws(GoRegexError) {
        // Lazy and greedy repetitions match the same texts; a Bool match ignores the difference.
        if i < s.count, s[i] == "?" { i += 1 }
        if let lastRepeat { throw GoRegexError(.invalidRepeatOp, s[lastRepeat..<i]) }
        let top = frames.count - 1
        guard let sub = frames[top].items.popLast() else {
            throw GoRegexError(.missingRepeatArgument, s[start..<i])
        }
        let node: GoRegexNode = switch op {
        case "*": .star(sub.node)
        case "+": .plus(sub.node)
        case "?": .quest(sub.node)
        default: .repeat(sub.node, min: min, max: max)
        }
        let item = try checked(Item(node: node, height: sub.height + 1))
        if op == "{", min >= 2 || max >= 2, !Self.repeatIsValid(node, GoRegexRepeatBounds.maxCount) {
            throw GoRegexError(.invalidRepeatSize, s[start..<i])
        }
        frames[top].items.append(item)
    }

    /// Go's `repeatIsValid`: nested counted repetitions multiply to at most `n` copies.
    static func repeatIsValid(_ node: GoRegexNode, _ n: Int) -> Bool {
        switch node {
        case .repeat(let sub, let min, let max):
            if max == 0 { return true }
            let m = max < 0 ? min : max
            if m > n { return false }
            return repeatIsValid(sub, m > 0 ? n / m : n)
        case .capture(let sub), .star(let sub), .plus(let sub), .quest(let sub):
            return repeatIsValid(sub, n)
        case .concat(let subs), .alternate(let subs):
            return subs.allSatisfy { repeatIsValid($0, n) }
        case .empty, .literal, .anyChar, .anyCharNotNewline, .charClass, .assertion:
            return true
        }
    }

    // MARK: - Groups and flags

    /// `(?flags)`, `(?flags:`, `(?P<name>` and `(?<name>`; `i` is at `(`.
    private mutating func parsePerlFlags() throws(GoRegexError) {
        let rest = s.count - i
        let startsWithP = rest > 4 && s[i + 2] == "P" && s[i + 3] == "<"
        let startsWithName = rest > 3 && s[i + 2] == "<"
        if startsWithP || startsWithName {
            // PocketBase 0.28.4 (Go): `(?<=` and `(?<!` read as a named group, so Go reports them
            // as an invalid named capture.
            let nameStart = i + (startsWithP ? 4 : 3)
            guard let end = s[i...].firstIndex(of: ">") else { throw GoRegexError(.invalidNamedCapture, s[i...]) }
            let name = s[nameStart..<end]
            guard !name.isEmpty, name.allSatisfy({ $0 == "_" || Self.isAlphanumeric($0) }) else {
                throw GoRegexError(.invalidNamedCapture, s[i...end])
            }
            frames.append(Frame(savedFlags: flags, isCapture: true))
            i = end + 1
            return
        }
        var t = i + 2
        var newFlags = flags
        var negating = false
        var sawFlag = false
        scan: while t < s.count {
            let c = s[t]
            t += 1
            switch c {
            case "i": newFlags.foldsCase = !negating; sawFlag = true
            case "m": newFlags.oneLine = negating; sawFlag = true
            case "s": newFlags.dotMatchesNewline = !negating; sawFlag = true
            case "U": newFlags.nonGreedy = !negating; sawFlag = true
            case "-":
                if negating { break scan }
                negating = true
                sawFlag = false
            case ":", ")":
                if negating, !sawFlag { break scan }
                if c == ":" { frames.append(Frame(savedFlags: flags, isCapture: false)) }
                flags = newFlags
                i = t
                return
            default:
                break scan
            }
        }
        throw GoRegexError(.invalidPerlOp, s[i..<t])
    }

    static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 48 && c.value <= 57) || (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
    }
}
