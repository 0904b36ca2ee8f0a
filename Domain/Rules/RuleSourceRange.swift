/// The half-open span `start..<end` of a token or AST node in a rule's source text.
public struct RuleSourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The first byte of the span.
    public var start: RuleSourcePosition
    /// The position just after the last byte of the span.
    public var end: RuleSourcePosition

    public init(start: RuleSourcePosition, end: RuleSourcePosition) {
        self.start = start
        self.end = end
    }

    /// The smallest range covering both ranges.
    public func union(_ other: RuleSourceRange) -> RuleSourceRange {
        RuleSourceRange(start: start.offset <= other.start.offset ? start : other.start,
                        end: end.offset >= other.end.offset ? end : other.end)
    }

    /// `line:column-line:column`.
    public var description: String { "\(start)-\(end)" }
}
