public import PocketDomain

/// Compiles bound rules and sorts to SQL with PocketBase 0.28.4's semantics (`search.FilterData`
/// and the record resolver), written once against an ``SQLDialect``.
///
/// - `=`/`!=` treat `''` and NULL alike for plain columns, but json values compare strictly (`IS`).
/// - `~` wraps a bound value in `%…%` (escaping `%`, `_`, `\`) unless it holds an unescaped `%`;
///   a column on the right becomes `'%' || column || '%'`.
/// - On multi-valued paths plain operators must hold for every value (a `NOT EXISTS` over the
///   path's multi-match subquery); the `?` forms need one matching joined row.
public struct RuleSQLCompiler: Sendable {
    public let dialect: any SQLDialect

    public init(dialect: any SQLDialect) {
        self.dialect = dialect
    }

    /// The joins and the condition of a bound rule.
    public func compile(_ rule: BoundRule) -> SQLFragment {
        var aliases = 0
        return SQLFragment(joins: joins(rule.joins), condition: condition(rule.expression, aliases: &aliases))
    }

    /// `LEFT JOIN` clauses for a join plan.
    public func joins(_ plan: [BoundJoin]) -> SQLText {
        SQLText.joined(plan.map(join), separator: " ")
    }

    /// The `ORDER BY` terms of a bound sort (without the keyword), or nil when it has none.
    public func orderBy(_ sort: BoundSort, mainAlias: String) -> SQLText? {
        guard !sort.terms.isEmpty else { return nil }
        return SQLText.joined(sort.terms.map { term in
            switch term.key {
            case .random: SQLText(dialect.randomOrder)
            case .rowID: SQLText(dialect.orderTerm(dialect.rowID(of: q(mainAlias)), term.direction))
            case .operand(let operand):
                SQLText.hook([compile(operand).sql]) { dialect.orderTerm($0[0], term.direction) }
            }
        }, separator: ", ")
    }

    // MARK: - Conditions

    func condition(_ expr: BoundExpr, aliases: inout Int) -> SQLText {
        switch expr {
        case .comparison(let left, let op, let right):
            return comparison(compile(left), op, compile(right, likePattern: op.plain == .like || op.plain == .notLike),
                              aliases: &aliases)
        case .and(let items):
            return "(" + SQLText.joined(items.map { condition($0, aliases: &aliases) }, separator: " AND ") + ")"
        case .or(let items):
            return "(" + SQLText.joined(items.map { condition($0, aliases: &aliases) }, separator: " OR ") + ")"
        case .group(let inner):
            // And/or lists bring their own parentheses; nested groups collapse, so a deeply
            // parenthesised filter stays within SQLite's parser stack (100 levels).
            if case .comparison = inner { return "(" + condition(inner, aliases: &aliases) + ")" }
            return condition(inner, aliases: &aliases)
        }
    }

    /// PocketBase's `buildResolversExpr`.
    func comparison(_ left: CompiledOperand, _ op: RuleOperator, _ right: CompiledOperand,
                    aliases: inout Int) -> SQLText {
        var expr: SQLText
        switch op.plain {
        case .equal: expr = equality(true, left, right)
        case .notEqual: expr = equality(false, left, right)
        case .like, .notLike:
            let negated = op.plain == .notLike
            let pattern = right.sql.binds.isEmpty
                ? "('%' || " + right.sql + " || '%')"
                : right.sql.mappingBinds(Self.likeWrapped)
            expr = SQLText.hook([left.sql, pattern]) { dialect.like($0[0], $0[1], negated: negated) }
        default:
            expr = left.sql + " \(op.plain.rawValue) " + right.sql
        }

        if !op.isAnyOf {
            if let leftMatch = left.multiMatch, let rightMatch = right.multiMatch {
                aliases += 1
                let (l, r) = ("__ml\(aliases)", "__mr\(aliases)")
                let inner = comparison(.column(q(l) + "." + q("multiMatchValue"), noCoalesce: left.noCoalesce), op,
                                       .column(q(r) + "." + q("multiMatchValue"), noCoalesce: right.noCoalesce),
                                       aliases: &aliases)
                let all = "NOT EXISTS (SELECT 1 FROM (" + leftMatch + ") " + q(l) + " LEFT JOIN (" + rightMatch + ") "
                    + q(r) + " ON \(dialect.booleanLiteral(true)) WHERE NOT (" + inner + "))"
                expr = "((" + expr + ") AND " + all + ")"
            } else if let match = left.multiMatch ?? right.multiMatch {
                aliases += 1
                let alias = "__sm\(aliases)"
                let value = CompiledOperand.column(q(alias) + "." + q("multiMatchValue"),
                                                   noCoalesce: left.multiMatch != nil ? left.noCoalesce : right.noCoalesce)
                let inner = left.multiMatch != nil
                    ? comparison(value, op, right.stripped, aliases: &aliases)
                    : comparison(left.stripped, op, value, aliases: &aliases)
                let all = "NOT EXISTS (SELECT 1 FROM (" + match + ") " + q(alias) + " WHERE NOT (" + inner + "))"
                expr = "((" + expr + ") AND " + all + ")"
            }
        }
        for guardColumn in [left.visibilityGuard, right.visibilityGuard].compactMap({ $0 }) {
            expr = "(" + expr + " AND " + guardColumn + " = " + dialect.booleanLiteral(true) + ")"
        }
        return expr
    }

    /// PocketBase's `resolveEqualExpr`: avoids COALESCE where one side is known, and treats `''`
    /// and NULL alike unless a side is a json value.
    func equality(_ equal: Bool, _ left: CompiledOperand, _ right: CompiledOperand) -> SQLText {
        let leftEmpty = left.isEmpty, rightEmpty = right.isEmpty
        let join = equal ? "OR" : "AND"
        let nullCheck = equal ? "IS NULL" : "IS NOT NULL"
        if left.noCoalesce || right.noCoalesce {
            return SQLText.hook([left.sql, right.sql]) { dialect.nullSafeComparison($0[0], $0[1], equal: equal) }
        }
        if leftEmpty, rightEmpty {
            return SQLText(equal ? "'' = ''" : dialect.nullSafeComparison("''", "''", equal: false))
        }
        if left.isKnownNonEmpty || right.isKnownNonEmpty {
            let l = leftEmpty ? SQLText("''") : left.sql
            let r = rightEmpty ? SQLText("''") : right.sql
            return SQLText.hook([l, r]) { equal ? "\($0[0]) = \($0[1])" : dialect.nullSafeComparison($0[0], $0[1], equal: false) }
        }
        if leftEmpty {
            let compare = SQLText.hook([SQLText("''"), right.sql]) {
                equal ? "\($0[0]) = \($0[1])" : dialect.nullSafeComparison($0[0], $0[1], equal: false)
            }
            return "(" + compare + " \(join) " + right.sql + " \(nullCheck))"
        }
        if rightEmpty {
            let compare = SQLText.hook([left.sql, SQLText("''")]) {
                equal ? "\($0[0]) = \($0[1])" : dialect.nullSafeComparison($0[0], $0[1], equal: false)
            }
            return "(" + compare + " \(join) " + left.sql + " \(nullCheck))"
        }
        return SQLText.hook(["COALESCE(" + left.sql + ", '')", "COALESCE(" + right.sql + ", '')"]) {
            equal ? "\($0[0]) = \($0[1])" : dialect.nullSafeComparison($0[0], $0[1], equal: false)
        }
    }

    /// PocketBase's `wrapLikeParams`: `%value%` with `\`, `%`, `_` escaped, unless the value already
    /// holds an unescaped `%`.
    static func likeWrapped(_ bind: SQLBind) -> SQLBind {
        let text: String = switch bind {
        case .null: ""
        case .integer(let number): String(number)
        case .real(let number): GoNumberFormat.string(number)
        case .text(let value): value
        }
        return .text(LikePattern.wrap(text))
    }

    func q(_ identifier: String) -> String { dialect.quoteIdentifier(identifier) }
}
