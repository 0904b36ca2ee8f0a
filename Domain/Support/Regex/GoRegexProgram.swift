/// A compiled pattern: an NFA as a list of instructions (Thompson's construction, as Go's
/// `regexp/syntax.Prog`), with `{n,m}` expanded and its size bounded.
struct GoRegexProgram: Sendable {
    /// One NFA state.
    enum Instruction: Sendable, Equatable {
        /// Consumes exactly this scalar.
        case scalar(UInt32)
        /// Consumes a scalar whose case-fold key is this one.
        case foldedScalar(UInt32)
        case anyChar
        case anyCharNotNewline
        /// Consumes a scalar in `classes[index]`.
        case charClass(Int)
        /// Continues at both targets.
        case split(Int, Int)
        case jump(Int)
        /// Continues at the next instruction when the assertion holds here.
        case assert(GoRegexAssertion)
        case match
    }

    /// The most instructions a pattern may compile to.
    ///
    /// Go allows about 3.3 million; matching costs text length times program size, so PocketSwift
    /// refuses earlier, with Go's own "expression too large".
    static let maxInstructions = 10_000

    var instructions: [Instruction] = []
    /// The distinct classes of the pattern (a class repeated by `{n,m}` is stored once, so the
    /// matcher tests it once per position).
    var classes: [GoRegexCharClass] = []
    private var classIndex: [GoRegexCharClass: Int] = [:]
    /// The pattern starts with `^` (without `(?m)`) or `\A`: a match can only begin at 0.
    var isAnchoredAtStart = false

    /// The program for a parsed pattern, or `expression too large`.
    static func compile(_ node: GoRegexNode, pattern: String) throws(GoRegexError) -> GoRegexProgram {
        guard size(node) < maxInstructions else { throw GoRegexError(.large, pattern) }
        var program = GoRegexProgram()
        program.emit(node)
        program.instructions.append(.match)
        program.isAnchoredAtStart = startsAnchored(node)
        program.classIndex = [:]
        return program
    }

    /// The instructions `emit` writes for a node, saturating just above the limit.
    static func size(_ node: GoRegexNode) -> Int {
        let cap = maxInstructions + 1
        func clamp(_ n: Int) -> Int { Swift.min(n, cap) }
        switch node {
        case .empty: return 0
        case .literal, .anyChar, .anyCharNotNewline, .charClass, .assertion: return 1
        case .capture(let sub): return size(sub)
        case .concat(let subs): return subs.reduce(0) { clamp($0 + size($1)) }
        case .alternate(let subs): return clamp(subs.reduce(0) { clamp($0 + size($1)) } + 2 * (subs.count - 1))
        case .star(let sub): return clamp(size(sub) + 2)
        case .plus(let sub), .quest(let sub): return clamp(size(sub) + 1)
        case .repeat(let sub, let min, let max):
            let one = size(sub)
            if max < 0 { return min == 0 ? clamp(one + 2) : clamp(min * one + 1) }
            return clamp(min * one + (max - min) * (one + 1))
        }
    }

    private static func startsAnchored(_ node: GoRegexNode) -> Bool {
        switch node {
        case .assertion(.beginText): true
        case .capture(let sub): startsAnchored(sub)
        case .concat(let subs): subs.first.map(startsAnchored) ?? false
        default: false
        }
    }

    private mutating func append(_ instruction: Instruction) -> Int {
        instructions.append(instruction)
        return instructions.count - 1
    }

    private mutating func emit(_ node: GoRegexNode) {
        switch node {
        case .empty:
            break
        case .literal(let value, let fold):
            _ = append(fold ? .foldedScalar(value) : .scalar(value))
        case .anyChar:
            _ = append(.anyChar)
        case .anyCharNotNewline:
            _ = append(.anyCharNotNewline)
        case .charClass(let cls):
            let index = classIndex[cls] ?? classes.count
            if index == classes.count {
                classes.append(cls)
                classIndex[cls] = index
            }
            _ = append(.charClass(index))
        case .assertion(let kind):
            _ = append(.assert(kind))
        case .capture(let sub):
            emit(sub)
        case .concat(let subs):
            for sub in subs { emit(sub) }
        case .alternate(let subs):
            var exits: [Int] = []
            for (index, sub) in subs.enumerated() {
                guard index < subs.count - 1 else { emit(sub); break }
                let split = append(.split(0, 0))
                emit(sub)
                exits.append(append(.jump(0)))
                instructions[split] = .split(split + 1, instructions.count)
            }
            for exit in exits { instructions[exit] = .jump(instructions.count) }
        case .star(let sub):
            emitStar(sub)
        case .plus(let sub):
            emitPlus(sub)
        case .quest(let sub):
            let split = append(.split(0, 0))
            emit(sub)
            instructions[split] = .split(split + 1, instructions.count)
        case .repeat(let sub, let min, let max):
            emitRepeat(sub, min: min, max: max)
        }
    }

    private mutating func emitStar(_ sub: GoRegexNode) {
        let split = append(.split(0, 0))
        emit(sub)
        _ = append(.jump(split))
        instructions[split] = .split(split + 1, instructions.count)
    }

    private mutating func emitPlus(_ sub: GoRegexNode) {
        let start = instructions.count
        emit(sub)
        _ = append(.split(start, instructions.count + 1))
    }

    /// `x{n,m}` as n copies of x and then m-n optional copies (`x{n,}`: n-1 copies and `x+`).
    private mutating func emitRepeat(_ sub: GoRegexNode, min: Int, max: Int) {
        if max < 0 {
            if min == 0 { return emitStar(sub) }
            for _ in 0..<(min - 1) { emit(sub) }
            return emitPlus(sub)
        }
        for _ in 0..<min { emit(sub) }
        guard max > min else { return }
        var splits: [Int] = []
        for _ in 0..<(max - min) {
            splits.append(append(.split(0, 0)))
            emit(sub)
        }
        let end = instructions.count
        for split in splits { instructions[split] = .split(split + 1, end) }
    }
}
