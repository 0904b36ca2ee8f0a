/// Runs a `GoRegexProgram` over a text by Thompson's simulation (the Pike VM without captures):
/// every NFA state is visited at most twice per position, so a search costs
/// O(text length × program size) whatever the pattern, with no recursion and no backtracking.
struct GoRegexMatcher {
    /// A set of instruction indices with O(1) insert, lookup and clear.
    private struct StateSet {
        var dense: [Int]
        var sparse: [Int]
        var count = 0

        init(capacity: Int) {
            dense = Array(repeating: 0, count: capacity)
            sparse = Array(repeating: 0, count: capacity)
        }

        func contains(_ pc: Int) -> Bool {
            let slot = sparse[pc]
            return slot < count && dense[slot] == pc
        }

        mutating func insert(_ pc: Int) {
            sparse[pc] = count
            dense[count] = pc
            count += 1
        }
    }

    let program: GoRegexProgram
    let text: [UInt32]
    /// Instructions visited so far: the work done, for tests that bound it.
    private(set) var steps = 0
    private var stack: [Int] = []

    init(program: GoRegexProgram, text: [UInt32]) {
        self.program = program
        self.text = text
    }

    /// Whether the program matches anywhere in the text (Go's `MatchString`).
    mutating func run() -> Bool {
        let instructions = program.instructions
        var current = StateSet(capacity: instructions.count)
        var next = StateSet(capacity: instructions.count)
        // Each class is tested at most once per position: `classStamp[i] == pos + 1` marks
        // `classMatches[i]` as this position's answer.
        var classStamp = Array(repeating: 0, count: program.classes.count)
        var classMatches = Array(repeating: false, count: program.classes.count)
        for pos in 0...text.count {
            if pos == 0 || !program.isAnchoredAtStart {
                addThread(&current, 0, at: pos)
            } else if current.count == 0 {
                return false
            }
            let c: UInt32? = pos < text.count ? text[pos] : nil
            for index in 0..<current.count {
                let pc = current.dense[index]
                steps += 1
                let consumes: Bool
                switch instructions[pc] {
                case .match: return true
                case .scalar(let value): consumes = c == value
                case .foldedScalar(let key): consumes = c.map { GoRegexCaseFold.key($0) == key } ?? false
                case .anyChar: consumes = c != nil
                case .anyCharNotNewline: consumes = c != nil && c != 10
                case .charClass(let cls):
                    guard let c else { consumes = false; break }
                    if classStamp[cls] != pos + 1 {
                        classStamp[cls] = pos + 1
                        classMatches[cls] = program.classes[cls].matches(c)
                    }
                    consumes = classMatches[cls]
                case .split, .jump, .assert: consumes = false
                }
                if consumes { addThread(&next, pc + 1, at: pos + 1) }
            }
            swap(&current, &next)
            next.count = 0
        }
        return false
    }

    /// Adds `pc` and every state reachable from it without consuming input at `pos`.
    private mutating func addThread(_ set: inout StateSet, _ pc: Int, at pos: Int) {
        stack.append(pc)
        while let pc = stack.popLast() {
            guard !set.contains(pc) else { continue }
            set.insert(pc)
            steps += 1
            switch program.instructions[pc] {
            case .jump(let target):
                stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assert(let kind):
                if holds(kind, at: pos) { stack.append(pc + 1) }
            default:
                break
            }
        }
    }

    private func holds(_ kind: GoRegexAssertion, at pos: Int) -> Bool {
        let before: UInt32? = pos > 0 ? text[pos - 1] : nil
        let after: UInt32? = pos < text.count ? text[pos] : nil
        switch kind {
        case .beginText: return pos == 0
        case .endText: return pos == text.count
        case .beginLine: return before == nil || before == 10
        case .endLine: return after == nil || after == 10
        case .wordBoundary: return Self.isWord(before) != Self.isWord(after)
        case .noWordBoundary: return Self.isWord(before) == Self.isWord(after)
        }
    }

    /// Go's ASCII word characters `[0-9A-Za-z_]`.
    private static func isWord(_ c: UInt32?) -> Bool {
        guard let c else { return false }
        return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }
}
