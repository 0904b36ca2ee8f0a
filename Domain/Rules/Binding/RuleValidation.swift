/// Checks an API rule while a collection is saved, as PocketBase 0.28.4 does: parse, then resolve
/// every identifier with no request (so `@request.*` is NULL and only its shape is checked).
public enum RuleValidation {
    /// The rule's problem as PocketBase reports it (`validation_invalid_rule`,
    /// `Invalid rule. Raw error: <message>`), or nil when the rule is valid. An empty rule is valid.
    public static func problem(_ rule: String, collection: Collection, all: [Collection]) -> ValidationError? {
        guard !rule.isEmpty else { return nil }
        do {
            _ = try RuleBinder.bind(rule, limits: .rule, collection: collection,
                                    schema: SchemaSnapshot(all).replacing(collection),
                                    environment: .validation(), options: .apiRule)
            return nil
        } catch {
            return ValidationError(code: "validation_invalid_rule", message: "Invalid rule. Raw error: \(error.message)")
        }
    }
}
