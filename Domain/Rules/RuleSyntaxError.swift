/// Why a rule or filter text was rejected, and where.
///
/// Messages follow PocketBase 0.28.4 (its fexpr scanner and parser and its search limits) word for
/// word, because PocketBase shows them to clients as "Invalid rule. Raw error: <message>.".
public struct RuleSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The family of the failure, for callers that treat some of them differently.
    public enum Kind: Sendable, Hashable {
        /// Nothing but whitespace and comments (`empty filter expression`), also for `()`.
        case empty
        /// A lexical or grammatical error.
        case syntax
        /// More UTF-8 bytes than ``RuleLimits/maxBytes``.
        case tooLong
        /// More comparisons than ``RuleLimits/maxExpressions``.
        case tooManyExpressions
        /// Groups nested deeper than ``RuleLimits/maxGroupDepth``.
        case tooDeep
    }

    public var kind: Kind
    public var message: String
    public var position: RuleSourcePosition

    public init(_ message: String, at position: RuleSourcePosition, kind: Kind = .syntax) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    /// `line:column message`.
    public var description: String { "\(position) \(message)" }
}
