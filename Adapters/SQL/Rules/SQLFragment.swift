/// A compiled rule: its `LEFT JOIN` clauses and its condition, both possibly holding binds.
public struct SQLFragment: Sendable, Hashable {
    /// `LEFT JOIN …` clauses separated by spaces (empty when the rule needs none).
    public var joins: SQLText
    /// The condition for `WHERE`.
    public var condition: SQLText

    public init(joins: SQLText, condition: SQLText) {
        self.joins = joins
        self.condition = condition
    }

    /// Joins and condition rendered with placeholders numbered from `first` (joins first), and
    /// the binds in that order.
    public func render(_ dialect: any SQLDialect,
                       firstPlaceholder first: Int = 1) -> (joins: String, condition: String, binds: [SQLBind]) {
        let joins = self.joins.render(dialect, firstPlaceholder: first)
        let condition = self.condition.render(dialect, firstPlaceholder: first + joins.binds.count)
        return (joins.sql, condition.sql, joins.binds + condition.binds)
    }
}

/// A complete statement and its binds in placeholder order.
public struct SQLStatement: Sendable, Hashable {
    public var sql: String
    public var binds: [SQLBind]

    public init(sql: String, binds: [SQLBind]) {
        self.sql = sql
        self.binds = binds
    }
}
