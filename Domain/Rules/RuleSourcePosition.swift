/// A place in a rule's source text: a UTF-8 byte offset plus the 1-based line and column.
///
/// Columns count Unicode scalars from the start of the line, so `é` advances the column by one
/// while it advances the offset by two. Lines are separated by `\n` only (a `\r` is not whitespace
/// in the rule language, see ``RuleLexer``).
public struct RuleSourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// Bytes of UTF-8 before this position.
    public var offset: Int
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `line:column`, the form error messages and tests use.
    public var description: String { "\(line):\(column)" }
}
