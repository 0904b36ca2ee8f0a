/// Size limits applied while parsing a rule or filter.
///
/// PocketBase 0.28.4: the 3,500 limit counts UTF-8 bytes and applies only to a client's `filter`
/// query parameter; collection rules have no length limit. Both kinds stop at 200 comparisons
/// (counted across all groups; 200 passes, 201 fails). Functions nest at most 3 deep.
public struct RuleLimits: Sendable, Hashable {
    /// Most UTF-8 bytes accepted, or nil for no limit.
    public var maxBytes: Int?
    /// Most comparisons (`a = b`) accepted.
    public var maxExpressions: Int

    public init(maxBytes: Int?, maxExpressions: Int) {
        self.maxBytes = maxBytes
        self.maxExpressions = maxExpressions
    }

    /// Limits of a client's `filter` query parameter.
    public static let filter = RuleLimits(maxBytes: 3_500, maxExpressions: 200)
    /// Limits of a collection's API rule.
    public static let rule = RuleLimits(maxBytes: nil, maxExpressions: 200)
    /// How deep parenthesised groups may nest, in rules and filters alike. PocketBase (fexpr) has no
    /// such limit, as Go's stacks grow (100 levels pass there); 500 keeps every recursive stage
    /// (binder, SQL compiler, SQLite's own expression depth of 1,000) within its stack.
    public static let maxGroupDepth = 500
    /// How deep function calls may nest inside each other's arguments (fexpr's fixed limit).
    public static let maxFunctionDepth = 3
}
