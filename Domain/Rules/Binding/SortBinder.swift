/// One resolved sort term.
public struct BoundSortTerm: Sendable, Hashable {
    /// What to order by.
    public enum Key: Sendable, Hashable {
        /// Random order (the direction is ignored).
        case random
        /// The main table's row id.
        case rowID
        /// A column expression (or a constant, which PocketBase accepts but does not reorder by).
        case operand(BoundOperand)
    }

    public var key: Key
    public var direction: SortDirection

    public init(_ key: Key, _ direction: SortDirection) {
        self.key = key
        self.direction = direction
    }
}

/// A resolved `sort`: its terms and the joins they need.
public struct BoundSort: Sendable, Hashable {
    public var terms: [BoundSortTerm]
    public var joins: [BoundJoin]

    public init(terms: [BoundSortTerm] = [], joins: [BoundJoin] = []) {
        self.terms = terms
        self.joins = joins
    }
}

/// Resolves a parsed ``SortSpec`` with the rule resolver (PocketBase 0.28.4's `SortField.BuildExpr`).
///
/// A name must resolve to a column expression: values (`@request.method`, a guest's
/// `@request.auth.*`, macros, `null`) are refused with `invalid sort field "name"`.
public enum SortBinder {
    public static func bind(_ spec: SortSpec, collection: Collection, schema: SchemaSnapshot,
                            environment: RuleEnvironment,
                            options: RuleBindOptions) throws(RuleBindError) -> BoundSort {
        var binder = RuleBinder(collection: collection, schema: schema, environment: environment, options: options)
        var terms: [BoundSortTerm] = []
        for field in spec.fields {
            switch field.key {
            case .random:
                terms.append(BoundSortTerm(.random, field.direction))
            case .rowID:
                terms.append(BoundSortTerm(.rowID, field.direction))
            case .field(let name):
                let resolved: BoundOperand
                do {
                    resolved = try binder.resolve(name)
                } catch {
                    throw RuleBindError("invalid sort field \(GoQuote.string(name))")
                }
                switch resolved {
                case .field, .constant:
                    terms.append(BoundSortTerm(.operand(resolved), field.direction))
                case .null, .value, .loweredValue, .geoDistance:
                    throw RuleBindError("invalid sort field \(GoQuote.string(name))")
                }
            }
        }
        return BoundSort(terms: terms, joins: binder.joins)
    }
}
