public import PocketDomain

extension RuleChecker {
    /// Checks a rule's syntax with the rules parser, answering PocketBase's `validation_invalid_rule`.
    // TODO(#5): resolve identifiers with the rule binder as well (unknown fields, relations, macros).
    public static let syntax = RuleChecker { rule, _, _ in
        do throws(RuleSyntaxError) {
            _ = try RuleParser.parse(rule)
            return nil
        } catch {
            return ValidationError(code: "validation_invalid_rule", message: "Invalid rule. Raw error: \(error.message)")
        }
    }
}
