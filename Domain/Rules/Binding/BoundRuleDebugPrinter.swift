/// Prints bound rules, operands and sorts as compact S-expressions for tests and logs.
///
/// `author.name = "x"` on posts prints as `(= posts_author.name "x")` with the join plan
/// `posts_author=posts_author<-members on id=posts.author`; a multi-valued path adds `{all}`
/// (its multi-match subquery), a json value `json(…)`, email guards `{visible:alias.emailVisibility}`.
public enum BoundRuleDebugPrinter {
    public static func print(_ rule: BoundRule) -> String {
        print(rule.expression) + (rule.joins.isEmpty ? "" : " | " + rule.joins.map(print).joined(separator: "; "))
    }

    public static func print(_ expr: BoundExpr) -> String {
        switch expr {
        case .comparison(let left, let op, let right): "(\(op.rawValue) \(print(left)) \(print(right)))"
        case .and(let items): "(and " + items.map(print).joined(separator: " ") + ")"
        case .or(let items): "(or " + items.map(print).joined(separator: " ") + ")"
        case .group(let inner): "(group \(print(inner)))"
        }
    }

    public static func print(_ operand: BoundOperand) -> String {
        switch operand {
        case .null: return "NULL"
        case .value(let value): return print(value)
        case .loweredValue(let value): return "lower(\(print(value)))"
        case .constant(.bool(let flag)): return flag ? "TRUE" : "FALSE"
        case .constant(.integer(let number)): return String(number)
        case .field(let field):
            var out = print(field.expression)
            if field.isJSON { out = "json(\(out))" }
            if let match = field.multiMatch { out += "{all:\(print(match.value))}" }
            if let guardColumn = field.visibilityGuard { out += "{visible:\(guardColumn)}" }
            return out
        case .geoDistance(let a, let b, let c, let d):
            return "geoDistance(\([a, b, c, d].map(print).joined(separator: ", ")))"
        }
    }

    public static func print(_ value: BoundValue) -> String {
        switch value {
        case .text(let text): "\"\(text)\""
        case .number(let number): GoNumberFormat.string(number)
        case .integer(let number): "\(number)i"
        case .bool(let flag): flag ? "true" : "false"
        }
    }

    public static func print(_ expression: BoundFieldExpression) -> String {
        switch expression {
        case .column(let column): column.description
        case .itemValue(let alias): alias + ".value"
        case .jsonExtract(let column, let path):
            "\(column)$" + path.map { item in
                switch item {
                case .key(let key): "." + key
                case .index(let index): "[\(index)]"
                }
            }.joined()
        case .arrayLength(let column): "length(\(column))"
        case .lower(let inner): "lower(\(print(inner)))"
        }
    }

    public static func print(_ join: BoundJoin) -> String {
        let source = switch join.source {
        case .table(let table): table
        case .items(let column): "items(\(column))"
        case .boundItems(let json): "items(\(json))"
        }
        guard let condition = join.condition else { return "\(join.alias)=\(source)" }
        let on = switch condition {
        case .idEquals(let expression): "id=\(print(expression))"
        case .columnEqualsID(let column, let other): "\(column)=\(other).id"
        case .otherIDInItems(let other, let column, _): "\(other).id in \(column)"
        case .idEqualsValue(let value): "id='\(value)'"
        case .idIn(let values): "id in (\(values.joined(separator: ",")))"
        }
        return "\(join.alias)=\(source) on \(on)"
    }

    public static func print(_ sort: BoundSort) -> String {
        sort.terms.map { term in
            let key = switch term.key {
            case .random: "@random"
            case .rowID: "@rowid"
            case .operand(let operand): print(operand)
            }
            return key + " " + term.direction.rawValue
        }.joined(separator: ", ") + (sort.joins.isEmpty ? "" : " | " + sort.joins.map(print).joined(separator: "; "))
    }
}
