internal import PocketDomain

extension RuleChecker {
    /// Checks a rule as PocketBase does on collection save: parse, then resolve every identifier
    /// against the collection and the others (`RuleValidation`), answering `validation_invalid_rule`.
    public static let syntax = RuleChecker { rule, collection, all in
        RuleValidation.problem(rule, collection: collection, all: all)
    }
}
