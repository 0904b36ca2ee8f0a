/// Why a rule, filter or sort could not be bound, in PocketBase 0.28.4's words
/// (`invalid left operand "missing" - unknown field "missing"`).
public struct RuleBindError: Error, Sendable, Hashable, CustomStringConvertible {
    /// PocketBase's message (the HTTP layer capitalises it and adds the final period).
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
