/// The syntax tree of a rule or filter.
///
/// `&&` binds tighter than `||`, so `a || b && c` is `(or a (and b c))`. Chains are flat:
/// `a && b && c` is one `.and` with three children, and `.or` children are comparisons, groups
/// or `.and` chains. `.group` keeps the parentheses the author wrote (PocketBase renders them as
/// SQL parentheses).
public indirect enum RuleExpr: Sendable, Hashable {
    /// `left operator right`.
    case comparison(RuleOperand, RuleOperator, RuleOperand, range: RuleSourceRange)
    /// Two or more expressions that must all hold.
    case and([RuleExpr], range: RuleSourceRange)
    /// Two or more expressions of which one must hold.
    case or([RuleExpr], range: RuleSourceRange)
    /// A parenthesised expression; the range includes the parentheses.
    case group(RuleExpr, range: RuleSourceRange)

    /// Where the expression was written.
    public var range: RuleSourceRange {
        switch self {
        case .comparison(_, _, _, let range), .and(_, let range), .or(_, let range), .group(_, let range):
            return range
        }
    }

    /// How many comparisons the expression holds (what ``RuleLimits/maxExpressions`` counts).
    public var comparisonCount: Int {
        switch self {
        case .comparison: return 1
        case .and(let items, _), .or(let items, _): return items.reduce(0) { $0 + $1.comparisonCount }
        case .group(let inner, _): return inner.comparisonCount
        }
    }

    /// The comparisons in source order.
    public var comparisons: [RuleExpr] {
        switch self {
        case .comparison: return [self]
        case .and(let items, _), .or(let items, _): return items.flatMap(\.comparisons)
        case .group(let inner, _): return inner.comparisons
        }
    }
}
