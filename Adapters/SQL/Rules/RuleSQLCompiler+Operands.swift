internal import PocketDomain

/// One compiled side of a comparison: PocketBase's `ResolverResult` (identifier, params and the
/// flags that steer `=`, LIKE and multi-value handling).
struct CompiledOperand {
    var sql: SQLText
    /// The NULL identifier.
    var isNull = false
    /// A constant PocketBase knows is not empty (`1`, `0`, `TRUE`, `FALSE`).
    var isConstant = false
    /// Compared strictly (json values, geoDistance).
    var noCoalesce = false
    /// The multi-match subquery (`SELECT value AS multiMatchValue …`).
    var multiMatch: SQLText?
    /// An `emailVisibility` column that must be true.
    var visibilityGuard: String?

    static func column(_ sql: String, noCoalesce: Bool) -> CompiledOperand {
        CompiledOperand(sql: SQLText(sql), noCoalesce: noCoalesce)
    }

    /// Only the identifier and its binds (what PocketBase keeps of the other side in a subquery).
    var stripped: CompiledOperand { CompiledOperand(sql: sql, isNull: isNull, isConstant: isConstant) }

    private var binds: [SQLBind] { sql.binds }

    private var hasEmptyBind: Bool {
        binds.contains { $0 == .null || $0 == .text("") }
    }

    /// PocketBase's "empty" operand: NULL, or exactly one bind holding NULL or `''`.
    var isEmpty: Bool { isNull || (binds.count == 1 && hasEmptyBind) }

    /// PocketBase's `isKnownNonEmptyIdentifier`.
    var isKnownNonEmpty: Bool { isConstant || (!binds.isEmpty && !hasEmptyBind && !isNull) }
}

extension RuleSQLCompiler {
    /// Compiles one operand; `likePattern` keeps booleans as `true`/`false` texts (Go's
    /// `cast.ToString`) for the pattern side of `~`.
    func compile(_ operand: BoundOperand, likePattern: Bool = false) -> CompiledOperand {
        switch operand {
        case .null:
            return CompiledOperand(sql: "NULL", isNull: true)
        case .value(let value):
            return CompiledOperand(sql: .bind(bind(value, likePattern: likePattern)))
        case .loweredValue(let value):
            return CompiledOperand(sql: "LOWER(" + .bind(bind(value, likePattern: likePattern)) + ")")
        case .constant(.bool(let flag)):
            return CompiledOperand(sql: SQLText(dialect.booleanLiteral(flag)), isConstant: true)
        case .constant(.integer(let number)):
            return CompiledOperand(sql: SQLText(String(number)), isConstant: number == 0 || number == 1)
        case .field(let field):
            return CompiledOperand(sql: SQLText(expression(field.expression)), noCoalesce: field.isJSON,
                                   multiMatch: field.multiMatch.map(multiMatch),
                                   visibilityGuard: field.visibilityGuard.map(column))
        case .geoDistance(let lonA, let latA, let lonB, let latB):
            let (x1, y1, x2, y2) = (compile(lonA).sql, compile(latA).sql, compile(lonB).sql, compile(latB).sql)
            let sql = "(6371 * acos(cos(radians(" + y1 + ")) * cos(radians(" + y2 + ")) * cos(radians(" + x2
                + ") - radians(" + x1 + ")) + sin(radians(" + y1 + ")) * sin(radians(" + y2 + "))))"
            return CompiledOperand(sql: sql, noCoalesce: true)
        }
    }

    func bind(_ value: BoundValue, likePattern: Bool = false) -> SQLBind {
        switch value {
        case .text(let text): .text(text)
        case .number(let number): .real(number)
        case .integer(let number): .integer(number)
        case .bool(let flag): likePattern ? .text(flag ? "true" : "false") : .integer(flag ? 1 : 0)
        }
    }

    func column(_ column: BoundColumn) -> String {
        q(column.alias) + "." + q(column.name)
    }

    /// The SQL of a column expression (column references only, never binds).
    func expression(_ expression: BoundFieldExpression) -> String {
        switch expression {
        case .column(let reference): column(reference)
        case .itemValue(let alias): dialect.jsonArrayItemValue(q(alias))
        case .jsonExtract(let reference, let path): dialect.jsonExtract(column(reference), path: path)
        case .arrayLength(let reference): dialect.jsonArrayLength(column(reference))
        case .lower(let inner): "LOWER(\(self.expression(inner)))"
        }
    }

    /// `SELECT value AS multiMatchValue FROM table alias <joins> WHERE alias.id = base.id`.
    func multiMatch(_ match: BoundMultiMatch) -> SQLText {
        var sql = SQLText("SELECT \(expression(match.value)) AS \(q("multiMatchValue")) FROM \(q(match.table)) \(q(match.alias))")
        if !match.joins.isEmpty { sql += " " + joins(match.joins) }
        return sql + " WHERE \(q(match.alias)).\(q("id")) = \(q(match.baseAlias)).\(q("id"))"
    }

    /// One `LEFT JOIN`.
    func join(_ join: BoundJoin) -> SQLText {
        let alias = q(join.alias)
        let source: SQLText = switch join.source {
        case .table(let table): SQLText(q(table))
        case .items(let reference): SQLText(dialect.jsonArrayItems(ofColumn: column(reference)))
        case .boundItems(let json): SQLText.hook([.bind(.text(json))]) { dialect.jsonArrayItems(ofParameter: $0[0]) }
        }
        let on: SQLText = switch join.condition {
        case nil:
            SQLText(dialect.booleanLiteral(true))
        case .idEquals(let value):
            SQLText("\(alias).\(q("id")) = \(expression(value))")
        case .columnEqualsID(let name, let other):
            SQLText("\(alias).\(q(name)) = \(q(other)).\(q("id"))")
        case .otherIDInItems(let other, let name, let itemsAlias):
            SQLText("\(q(other)).\(q("id")) IN (SELECT \(dialect.jsonArrayItemValue(q(itemsAlias))) FROM "
                + "\(dialect.jsonArrayItems(ofColumn: "\(alias).\(q(name))")) \(q(itemsAlias)))")
        case .idEqualsValue(let value):
            "\(alias).\(q("id")) = " + .bind(.text(value))
        case .idIn(let values):
            "\(alias).\(q("id")) IN (" + SQLText.joined(values.map { .bind(.text($0)) }, separator: ", ") + ")"
        }
        return "LEFT JOIN " + source + " \(alias) ON " + on
    }
}
