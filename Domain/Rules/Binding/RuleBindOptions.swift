/// How a rule or filter is bound: an API rule may read hidden fields; a client's filter or sort
/// may not (unless the caller is a superuser), and then sees `email` of auth collections only
/// where `emailVisibility` is true.
public struct RuleBindOptions: Sendable, Hashable {
    /// Hidden fields may be read, and `email` is not limited by `emailVisibility`.
    public var allowsHiddenFields: Bool

    public init(allowsHiddenFields: Bool) {
        self.allowsHiddenFields = allowsHiddenFields
    }

    /// A collection's API rule (and rule validation).
    public static let apiRule = RuleBindOptions(allowsHiddenFields: true)

    /// A client's `filter` or `sort`; superusers may read hidden fields.
    public static func clientFilter(isSuperuser: Bool) -> RuleBindOptions {
        RuleBindOptions(allowsHiddenFields: isSuperuser)
    }
}
