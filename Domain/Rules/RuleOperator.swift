/// A comparison ("sign") operator of the rule language.
///
/// The `?` forms are the any-of variants: on a multi-valued operand at least one item must match,
/// while the plain forms require every item to match (see QUIRKS, "Rules and filters").
public enum RuleOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case like = "~"
    case notLike = "!~"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case anyEqual = "?="
    case anyNotEqual = "?!="
    case anyLike = "?~"
    case anyNotLike = "?!~"
    case anyLess = "?<"
    case anyLessOrEqual = "?<="
    case anyGreater = "?>"
    case anyGreaterOrEqual = "?>="

    /// True for the `?` (any-of) forms.
    public var isAnyOf: Bool { rawValue.first == "?" }

    /// The operator without its any-of marker (`?>=` gives `>=`; plain operators give themselves).
    public var plain: RuleOperator {
        isAnyOf ? RuleOperator(rawValue: String(rawValue.dropFirst()))! : self
    }
}
