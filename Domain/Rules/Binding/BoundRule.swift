/// A rule or filter with every identifier resolved: the comparison tree plus the joins it needs.
///
/// Produced by ``RuleBinder``; pure data, compiled to SQL by the SQL adapter. Joins are keyed by
/// alias: two bound rules of the same request (an API rule and a client filter) may share joins,
/// and merging them by alias is what PocketBase does with its one resolver per request.
public struct BoundRule: Sendable, Hashable {
    /// The condition.
    public var expression: BoundExpr
    /// Joins of the main query, in the order they were first needed; aliases are unique.
    public var joins: [BoundJoin]

    public init(expression: BoundExpr, joins: [BoundJoin]) {
        self.expression = expression
        self.joins = joins
    }
}

/// The condition tree of a bound rule (the shape of ``RuleExpr``).
public indirect enum BoundExpr: Sendable, Hashable {
    case comparison(BoundOperand, RuleOperator, BoundOperand)
    case and([BoundExpr])
    case or([BoundExpr])
    case group(BoundExpr)
}

/// A value sent to the database as a bind parameter.
public enum BoundValue: Sendable, Hashable {
    case text(String)
    /// A float64, as PocketBase binds number literals and request numbers.
    case number(Double)
    /// An integer, as the numeric macros (`@year`, `@second`…) are bound.
    case integer(Int64)
    /// A boolean request value (bound as 1 or 0).
    case bool(Bool)

    /// True for the empty text (PocketBase's "empty parameter").
    public var isEmptyText: Bool { self == .text("") }
}

/// A constant written into the SQL text itself (no bind parameter).
public enum BoundConstant: Sendable, Hashable {
    /// The result of `:isset` on request values: SQL `TRUE`/`FALSE` (in SQLite `x IS TRUE` tests
    /// truthiness, unlike `x IS 1`).
    case bool(Bool)
    /// A bare number: the `true`/`false` identifiers (1 and 0) and a number of items
    /// (`@request.body.tags:length`).
    case integer(Int)
}

/// One side of a bound comparison.
public indirect enum BoundOperand: Sendable, Hashable {
    /// SQL NULL: `null`, a missing `@request` value, any `@request.auth.*` of a guest.
    case null
    /// A bind parameter: a text or number literal, a macro or a request value.
    case value(BoundValue)
    /// `LOWER(parameter)`: a request value with `:lower`.
    case loweredValue(BoundValue)
    /// A constant in the SQL text.
    case constant(BoundConstant)
    /// A column (or an expression of one) reached through the join plan.
    case field(BoundField)
    /// `geoDistance(lonA, latA, lonB, latB)`: the Haversine distance in kilometres.
    case geoDistance(lonA: BoundOperand, latA: BoundOperand, lonB: BoundOperand, latB: BoundOperand)
}

/// A column expression of the main query, with what the compiler needs for PocketBase's
/// multi-value and visibility semantics.
public struct BoundField: Sendable, Hashable {
    /// The expression over the main query's joins.
    public var expression: BoundFieldExpression
    /// A json value: compared strictly (`IS`, no `''`/NULL normalisation).
    public var isJSON: Bool
    /// Present when the path crosses a multi-valued hop: plain operators must then hold for
    /// every value (the compiler adds a `NOT EXISTS` over this subquery); `?` operators need one.
    public var multiMatch: BoundMultiMatch?
    /// An auth collection's `email` filtered by a client: the comparison only holds where this
    /// `emailVisibility` column is true.
    public var visibilityGuard: BoundColumn?

    public init(expression: BoundFieldExpression, isJSON: Bool = false, multiMatch: BoundMultiMatch? = nil,
                visibilityGuard: BoundColumn? = nil) {
        self.expression = expression
        self.isJSON = isJSON
        self.multiMatch = multiMatch
        self.visibilityGuard = visibilityGuard
    }
}

/// A column of a joined table (or of the main table).
public struct BoundColumn: Sendable, Hashable, CustomStringConvertible {
    public var alias: String
    public var name: String

    public init(_ alias: String, _ name: String) {
        self.alias = alias
        self.name = name
    }

    public var description: String { "\(alias).\(name)" }
}

/// One step of a JSON path: an object key or an array index (as written, digits).
public enum BoundJSONPathItem: Sendable, Hashable {
    case key(String)
    case index(String)
}

/// An expression over columns.
public indirect enum BoundFieldExpression: Sendable, Hashable {
    /// The column as stored.
    case column(BoundColumn)
    /// The item of an array-items join (`json_each` row value).
    case itemValue(alias: String)
    /// A JSON value inside a column (empty path: the whole value as SQL).
    case jsonExtract(BoundColumn, path: [BoundJSONPathItem])
    /// The number of items of a multi-valued column (a single value counts as 0 or 1 item).
    case arrayLength(BoundColumn)
    /// ASCII lower case.
    case lower(BoundFieldExpression)
}

/// The correlated subquery PocketBase uses to require that *every* value of a multi-valued path
/// matches: `SELECT value FROM table alias <joins> WHERE alias.id = baseAlias.id`.
public struct BoundMultiMatch: Sendable, Hashable {
    /// The main query's alias of the main table.
    public var baseAlias: String
    /// The main table.
    public var table: String
    /// The subquery's alias of the main table (`__mm_posts`).
    public var alias: String
    /// The subquery's joins (its own aliases).
    public var joins: [BoundJoin]
    /// The compared value inside the subquery.
    public var value: BoundFieldExpression

    public init(baseAlias: String, table: String, alias: String, joins: [BoundJoin], value: BoundFieldExpression) {
        self.baseAlias = baseAlias
        self.table = table
        self.alias = alias
        self.joins = joins
        self.value = value
    }
}

/// A `LEFT JOIN` of the plan.
public struct BoundJoin: Sendable, Hashable {
    /// What is joined.
    public enum Source: Sendable, Hashable {
        /// The table of a collection.
        case table(String)
        /// The items of a multi-valued column, a single value being one item (`json_each`).
        case items(of: BoundColumn)
        /// The items of a JSON array given as a bind parameter (request body `:each`).
        case boundItems(json: String)
    }

    /// How it is joined; nil joins every row (PocketBase's `@collection` joins).
    public enum Condition: Sendable, Hashable {
        /// `alias.id = expression`.
        case idEquals(BoundFieldExpression)
        /// `alias.column = other.id` (single back-relation).
        case columnEqualsID(column: String, other: String)
        /// `other.id IN (SELECT items.value FROM <items of alias.column> items)` (multi back-relation).
        case otherIDInItems(other: String, column: String, itemsAlias: String)
        /// `alias.id = value`.
        case idEqualsValue(String)
        /// `alias.id IN (values…)`.
        case idIn([String])
    }

    public var alias: String
    public var source: Source
    public var condition: Condition?

    public init(alias: String, source: Source, condition: Condition? = nil) {
        self.alias = alias
        self.source = source
        self.condition = condition
    }
}

extension Array where Element == BoundJoin {
    /// Adds a join, replacing one with the same alias in place (PocketBase's `registerJoin`).
    mutating func register(_ join: BoundJoin) {
        if let index = firstIndex(where: { $0.alias == join.alias }) {
            self[index] = join
        } else {
            append(join)
        }
    }

    /// The joins of both plans, merged by alias (the later definition wins, in the earlier place).
    public func merging(_ other: [BoundJoin]) -> [BoundJoin] {
        var merged = self
        for join in other { merged.register(join) }
        return merged
    }
}
