/// One side of a comparison: a name, a literal or a function call, as written.
///
/// Nothing is resolved here: `null`, `true`, `@now` or `@request.auth.id` are plain identifiers
/// until the binder gives them meaning.
public indirect enum RuleOperand: Sendable, Hashable {
    /// A name such as `title`, `author.name:lower`, `@request.body.tags:each` or `null`.
    case identifier(String, range: RuleSourceRange)
    /// A quoted text, unescaped.
    case text(String, range: RuleSourceRange)
    /// A number literal exactly as written (`-1`, `1.5`, `-.5`, `007`); see ``numberValue``.
    case number(String, range: RuleSourceRange)
    /// A call such as `geoDistance(lon, lat, 1, 2)`; arguments are operands too (no comparisons).
    case function(name: String, arguments: [RuleOperand], range: RuleSourceRange)

    /// Where the operand was written.
    public var range: RuleSourceRange {
        switch self {
        case .identifier(_, let range), .text(_, let range), .number(_, let range),
             .function(_, _, let range):
            return range
        }
    }

    /// The value of a number literal as PocketBase reads it (a 64-bit float), or nil for others.
    ///
    /// PocketBase 0.28.4 converts with Go's `ParseFloat` and falls back to 0 when the value is out
    /// of range, so an overlong literal becomes 0 rather than infinity.
    public var numberValue: Double? {
        guard case .number(let literal, _) = self else { return nil }
        guard let value = Double(literal), value.isFinite else { return 0 }
        return value
    }
}
