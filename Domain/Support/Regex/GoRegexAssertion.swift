/// The empty-width assertions of Go's syntax.
enum GoRegexAssertion: Sendable, Equatable {
    /// `^` with `(?m)`.
    case beginLine
    /// `$` with `(?m)`.
    case endLine
    /// `^` and `\A`.
    case beginText
    /// `$` and `\z`: only at the very end (Go's `$` does not match before a final newline).
    case endText
    /// `\b` on ASCII word characters.
    case wordBoundary
    /// `\B`.
    case noWordBoundary
}
