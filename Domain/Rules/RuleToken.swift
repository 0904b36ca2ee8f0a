/// One lexical unit of a rule or filter, with its place in the source.
///
/// Whitespace is not a token. Comments are, so tools can see them; the parser skips them.
public struct RuleToken: Sendable, Hashable {
    /// What was scanned.
    public enum Kind: Sendable, Hashable {
        /// A name such as `title`, `@request.auth.id`, `name:lower` or `@collection.posts:p.title`.
        case identifier(String)
        /// A number exactly as written (`1`, `-1`, `1.5`, `-.5`, `007`).
        case number(String)
        /// A quoted text with its quotes removed and `\'` (or `\"`) unescaped.
        case text(String)
        /// A comparison operator.
        case sign(RuleOperator)
        /// `&&`.
        case and
        /// `||`.
        case or
        /// `(` opening a group.
        case groupOpen
        /// `)` closing a group.
        case groupClose
        /// A function name followed directly by `(`, such as `geoDistance(`.
        case functionOpen(String)
        /// `,` between function arguments.
        case comma
        /// `)` closing a function's arguments.
        case functionClose
        /// A `//` comment; the text after the slashes, trimmed.
        case comment(String)
        /// The end of the input.
        case end
    }

    public var kind: Kind
    public var range: RuleSourceRange

    public init(_ kind: Kind, range: RuleSourceRange) {
        self.kind = kind
        self.range = range
    }
}
