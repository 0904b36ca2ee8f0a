/// A parsed Go (RE2) regular expression, the shape of `regexp/syntax.Regexp` that matching needs.
indirect enum GoRegexNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One scalar; with `fold`, the value is the scalar's case-fold key (see `GoRegexCaseFold`).
    case literal(UInt32, fold: Bool)
    /// `.` with `(?s)`.
    case anyChar
    /// `.` without `(?s)`.
    case anyCharNotNewline
    case charClass(GoRegexCharClass)
    case assertion(GoRegexAssertion)
    /// A capturing group: kept for Go's nesting depth, compiled as its content.
    case capture(GoRegexNode)
    case concat([GoRegexNode])
    case alternate([GoRegexNode])
    case star(GoRegexNode)
    case plus(GoRegexNode)
    case quest(GoRegexNode)
    /// `{min,max}`; `max` is -1 for `{min,}`.
    case `repeat`(GoRegexNode, min: Int, max: Int)
}
