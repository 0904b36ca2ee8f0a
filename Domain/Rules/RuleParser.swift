/// Parses a rule or filter text into a ``RuleExpr``.
///
/// The grammar is PocketBase 0.28.4's (fexpr): a sequence of `operand operator operand`
/// comparisons and parenthesised groups joined by `&&` or `||`. Two fexpr behaviours are kept on
/// purpose because PocketBase accepts them:
/// - a group directly after a complete comparison or group joins with the previous join operator
///   (`&&` at the start): `a = 1 || b = 2 (c = 3)` is `a = 1 || b = 2 || (c = 3)`;
/// - an unfinished comparison in front of a group is dropped: `title = (n = 1)` is `(n = 1)`.
///
/// Empty input: text that is empty or only whitespace and comments, and an empty group `()`,
/// throw a ``RuleSyntaxError`` of kind ``RuleSyntaxError/Kind/empty`` ("empty filter
/// expression"), exactly as PocketBase rejects them. Callers decide what `""` means *before*
/// parsing (a rule of `""` is public, a `filter=` parameter of `""` is absent); PocketBase never
/// parses `""` and rejects a rule of `" "`.
public struct RuleParser {
    private var lexer: RuleLexer
    /// How many groups enclose the one being parsed.
    private var depth = 0

    private enum Step { case left, sign, right, join }

    /// Parses `text`, enforcing `limits` (bytes before parsing, comparisons after).
    public static func parse(_ text: String, limits: RuleLimits = .rule) throws(RuleSyntaxError) -> RuleExpr {
        var parser = RuleParser(lexer: RuleLexer(text))
        if let maxBytes = limits.maxBytes, text.utf8.count > maxBytes {
            throw RuleSyntaxError("max filter length limit reached", at: parser.lexer.position(at: 0),
                                  kind: .tooLong)
        }
        let expr = try parser.parseSequence(start: 0)
        let comparisons = expr.comparisons
        if comparisons.count > limits.maxExpressions {
            throw RuleSyntaxError("max filter expressions limit reached",
                                  at: comparisons[limits.maxExpressions].range.start, kind: .tooManyExpressions)
        }
        return expr
    }

    /// Parses up to the end of the current group (or the input) and builds its tree.
    private mutating func parseSequence(start: Int) throws(RuleSyntaxError) -> RuleExpr {
        var items: [(join: RuleToken.Kind, expr: RuleExpr)] = []
        var step = Step.left
        var join = RuleToken.Kind.and
        var left: RuleOperand?
        var sign: RuleOperator?

        while true {
            let token = try lexer.next()
            switch token.kind {
            case .end, .groupClose:
                guard step == .join else {
                    if items.isEmpty, left == nil {
                        throw RuleSyntaxError("empty filter expression", at: lexer.position(at: start), kind: .empty)
                    }
                    throw RuleSyntaxError("invalid or incomplete filter expression", at: token.range.start)
                }
                return Self.build(items)
            case .comment:
                continue
            case .groupOpen:
                // Each level recurses here and in every later stage (binder, SQL, SQLite's parser).
                guard depth < RuleLimits.maxGroupDepth else {
                    throw RuleSyntaxError("max filter nesting limit reached", at: token.range.start, kind: .tooDeep)
                }
                depth += 1
                let inner = try parseSequence(start: token.range.start.offset)
                depth -= 1
                let close = lexer.position(at: lexer.offset)
                items.append((join, .group(inner, range: RuleSourceRange(start: token.range.start, end: close))))
                step = .join
                continue
            default:
                break
            }

            // A function's arguments are scanned before the step is checked, as in fexpr.
            let operand = try operand(from: token)
            switch step {
            case .left:
                guard let operand else {
                    throw unexpected(token, "expected left operand (identifier, function, text or number)")
                }
                left = operand
                step = .sign
            case .sign:
                guard case .sign(let op) = token.kind else {
                    throw unexpected(token, "expected a sign operator")
                }
                sign = op
                step = .right
            case .right:
                guard let operand, let left, let sign else {
                    throw unexpected(token, "expected right operand (identifier, function text or number)")
                }
                items.append((join, .comparison(left, sign, operand, range: left.range.union(operand.range))))
                step = .join
            case .join:
                guard token.kind == .and || token.kind == .or else {
                    throw unexpected(token, "expected && or ||")
                }
                join = token.kind
                step = .left
            }
        }
    }

    /// The operand a token starts (reading a whole function call), or nil for other tokens.
    private mutating func operand(from token: RuleToken) throws(RuleSyntaxError) -> RuleOperand? {
        switch token.kind {
        case .identifier(let name): return .identifier(name, range: token.range)
        case .text(let value): return .text(value, range: token.range)
        case .number(let literal): return .number(literal, range: token.range)
        case .functionOpen(let name):
            var arguments: [RuleOperand] = []
            while true {
                let next = try lexer.next()
                switch next.kind {
                case .functionClose:
                    return .function(name: name, arguments: arguments, range: token.range.union(next.range))
                case .comma, .comment:
                    continue
                default:
                    // The lexer only yields operands, commas and comments inside arguments.
                    if let argument = try operand(from: next) { arguments.append(argument) }
                }
            }
        default:
            return nil
        }
    }

    /// fexpr's "expected …, got "literal" (type)" error.
    private func unexpected(_ token: RuleToken, _ expectation: String) -> RuleSyntaxError {
        let (literal, type): (String, String) = switch token.kind {
        case .identifier(let name): (name, "identifier")
        case .number(let literal): (literal, "number")
        case .text(let value): (value, "text")
        case .functionOpen(let name): (name, "function")
        case .sign(let op): (op.rawValue, "sign")
        case .and: ("&&", "join")
        case .or: ("||", "join")
        default: ("", "unexpected")
        }
        return RuleSyntaxError("\(expectation), got \(GoQuote.string(literal)) (\(type))", at: token.range.start)
    }

    /// Joins `a op b op c …` with `&&` binding tighter than `||` (the first join is ignored).
    private static func build(_ items: [(join: RuleToken.Kind, expr: RuleExpr)]) -> RuleExpr {
        var alternatives: [RuleExpr] = []
        var chain: [RuleExpr] = []
        func flush() {
            if chain.count == 1 {
                alternatives.append(chain[0])
            } else if let first = chain.first, let last = chain.last {
                alternatives.append(.and(chain, range: first.range.union(last.range)))
            }
            chain = []
        }
        for (index, item) in items.enumerated() {
            if index > 0, item.join == .or { flush() }
            chain.append(item.expr)
        }
        flush()
        if alternatives.count == 1 { return alternatives[0] }
        return .or(alternatives, range: alternatives[0].range.union(alternatives[alternatives.count - 1].range))
    }
}
