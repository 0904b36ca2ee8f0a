public import PocketDomain

/// Builds the list, count and single-record statements of a collection from bound rules and sorts
/// (PocketBase 0.28.4's search provider: `SELECT DISTINCT t.*` as soon as a join may multiply rows,
/// and `COUNT(DISTINCT t.id)`).
public struct RecordSelectBuilder: Sendable {
    public let dialect: any SQLDialect
    private let compiler: RuleSQLCompiler

    public init(dialect: any SQLDialect) {
        self.dialect = dialect
        self.compiler = RuleSQLCompiler(dialect: dialect)
    }

    /// One page of records: rows matching every rule (AND), ordered by `sort`, then `limit`/`offset`.
    /// `ids`, when given, narrows the list to those records (`id IN (…)`).
    public func list(_ collection: Collection, rules: [BoundRule] = [], sort: BoundSort = BoundSort(),
                     limit: Int? = nil, offset: Int = 0, ids: [String]? = nil) -> SQLStatement {
        let table = q(collection.name)
        let plan = mergedJoins(rules, sort)
        var sql: SQLText = "SELECT \(plan.isEmpty ? "" : "DISTINCT ")\(table).* FROM \(table)"
        let idsRule = ids.map { ids -> SQLText in
            "\(table).\(q("id")) IN (" + SQLText.joined(ids.map { SQLText.bind(.text($0)) }, separator: ", ") + ")"
        }
        sql += body(plan, rules, extra: idsRule)
        if let order = compiler.orderBy(sort, mainAlias: collection.name) {
            sql += " ORDER BY " + order
        }
        if let limit { sql += " LIMIT \(limit)" }
        if offset > 0 { sql += " OFFSET \(offset)" }
        let (text, binds) = sql.render(dialect)
        return SQLStatement(sql: text, binds: binds)
    }

    /// The number of distinct records matching every rule.
    public func count(_ collection: Collection, rules: [BoundRule] = []) -> SQLStatement {
        let table = q(collection.name)
        var sql: SQLText = "SELECT COUNT(DISTINCT \(table).\(q("id"))) FROM \(table)"
        sql += body(mergedJoins(rules, BoundSort()), rules)
        let (text, binds) = sql.render(dialect)
        return SQLStatement(sql: text, binds: binds)
    }

    /// The record with `id` if it matches every rule (view, update and delete checks).
    public func record(_ collection: Collection, id: String, rules: [BoundRule] = []) -> SQLStatement {
        let table = q(collection.name)
        let plan = mergedJoins(rules, BoundSort())
        var sql: SQLText = "SELECT \(plan.isEmpty ? "" : "DISTINCT ")\(table).* FROM \(table)"
        let idRule: SQLText = "\(table).\(q("id")) = " + .bind(.text(id))
        sql += body(plan, rules, extra: idRule)
        sql += " LIMIT 1"
        let (text, binds) = sql.render(dialect)
        return SQLStatement(sql: text, binds: binds)
    }

    /// `1` when a record that is not stored yet (the create rule's candidate) matches every rule
    /// (PocketBase 0.28.4: `WITH dummy AS (SELECT ? AS col, …) SELECT (1) FROM dummy … LIMIT 1`).
    ///
    /// Bind the rules against `dummy`: the collection under a name no table has (PocketBase appends
    /// a random suffix to its name and id) so the rules' main alias is the candidate row.
    public func candidate(_ dummy: Collection, values: [(column: String, value: SQLBind)],
                          rules: [BoundRule] = []) -> SQLStatement {
        let table = q(dummy.name)
        let selects = values.map { SQLText.bind($0.value) + " AS \(q($0.column))" }
        var sql: SQLText = "WITH \(table) AS (SELECT " + SQLText.joined(selects, separator: ", ") + ") SELECT (1) FROM \(table)"
        sql += body(mergedJoins(rules, BoundSort()), rules)
        sql += " LIMIT 1"
        let (text, binds) = sql.render(dialect)
        return SQLStatement(sql: text, binds: binds)
    }

    /// The joins of all rules and the sort, merged by alias (one resolver per request in PocketBase).
    func mergedJoins(_ rules: [BoundRule], _ sort: BoundSort) -> [BoundJoin] {
        var plan: [BoundJoin] = []
        for rule in rules { plan = plan.merging(rule.joins) }
        return plan.merging(sort.joins)
    }

    private func body(_ plan: [BoundJoin], _ rules: [BoundRule], extra: SQLText? = nil) -> SQLText {
        var sql = SQLText()
        if !plan.isEmpty { sql += " " + compiler.joins(plan) }
        var aliases = 0
        var conditions = rules.map { compiler.condition($0.expression, aliases: &aliases) }
        if let extra { conditions.insert(extra, at: 0) }
        if !conditions.isEmpty {
            sql += " WHERE " + SQLText.joined(conditions.map { "(" + $0 + ")" }, separator: " AND ")
        }
        return sql
    }

    private func q(_ identifier: String) -> String { dialect.quoteIdentifier(identifier) }
}
