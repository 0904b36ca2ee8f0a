/// `GET /api/collections`'s `filter` and `sort`, evaluated over the collections in memory with
/// SQLite's semantics for the columns PocketBase allows there: `id`, `created`, `updated`, `name`,
/// `type` (text) and `system` (0/1).
public enum CollectionListQuery {
    /// A filter or sort the collections list cannot apply.
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    /// One value as SQLite would compare it.
    enum Value: Equatable {
        case null
        case number(Double)
        case text(String)
    }

    /// The collections matching `filter`, ordered by `sort` (stable: ties keep stored order).
    public static func apply(filter: String, sort: String, to collections: [Collection]) throws(Failure)
        -> [Collection] {
        var result = collections
        if !filter.isEmpty {
            let expr: RuleExpr
            do {
                expr = try RuleParser.parse(filter, limits: .filter)
            } catch {
                throw Failure(message: error.message)
            }
            var kept: [Collection] = []
            for collection in result where try matches(expr, collection) { kept.append(collection) }
            result = kept
        }
        let spec: SortSpec
        do {
            spec = try SortSpec(parsing: sort)
        } catch {
            throw Failure(message: error.message)
        }
        var keys: [(String, SortDirection)] = []
        for field in spec.fields {
            guard case .field(let name) = field.key, columnNames.contains(name) else {
                throw Failure(message: "invalid sort field \(field.name)")
            }
            keys.append((name, field.direction))
        }
        guard !keys.isEmpty else { return result }
        let indexed = Array(result.enumerated())
        return indexed.sorted { lhs, rhs in
            for (name, direction) in keys {
                let a = column(name, of: lhs.element), b = column(name, of: rhs.element)
                let order = compare(a, b)
                if order != 0 { return direction == .ascending ? order < 0 : order > 0 }
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    static let columnNames: Set<String> = ["id", "created", "updated", "name", "system", "type"]

    static func column(_ name: String, of collection: Collection) -> Value {
        switch name {
        case "id": .text(collection.id)
        case "name": .text(collection.name)
        case "type": .text(collection.kind.rawValue)
        case "created": .text(collection.created.description)
        case "updated": .text(collection.updated.description)
        case "system": .number(collection.system ? 1 : 0)
        default: .null
        }
    }

    static func matches(_ expr: RuleExpr, _ collection: Collection) throws(Failure) -> Bool {
        switch expr {
        case .group(let inner, _): return try matches(inner, collection)
        case .and(let items, _):
            for item in items where try !matches(item, collection) { return false }
            return true
        case .or(let items, _):
            for item in items where try matches(item, collection) { return true }
            return false
        case .comparison(let left, let op, let right, _):
            let a = try value(left, collection), b = try value(right, collection)
            return evaluate(a, op.plain, b)
        }
    }

    static func value(_ operand: RuleOperand, _ collection: Collection) throws(Failure) -> Value {
        switch operand {
        case .text(let text, _): return .text(text)
        case .number: return .number(operand.numberValue ?? 0)
        case .identifier(let name, _):
            switch name {
            case "true": return .number(1)
            case "false": return .number(0)
            case "null": return .null
            default:
                guard columnNames.contains(name) else { throw Failure(message: "unknown field \(name)") }
                return column(name, of: collection)
            }
        case .function(let name, _, _):
            throw Failure(message: "unsupported function \(name)")
        }
    }

    static func evaluate(_ a: Value, _ op: RuleOperator, _ b: Value) -> Bool {
        switch op {
        case .equal: return a == .null || b == .null ? a == b : compare(a, b) == 0
        case .notEqual: return a == .null || b == .null ? a != b : compare(a, b) != 0
        case .like, .notLike:
            guard a != .null, b != .null else { return false }
            var pattern = text(b)
            if !pattern.contains("%") { pattern = "%" + pattern + "%" }
            let found = like(text(a), pattern)
            return op == .like ? found : !found
        case .less: return a != .null && b != .null && compare(a, b) < 0
        case .lessOrEqual: return a != .null && b != .null && compare(a, b) <= 0
        case .greater: return a != .null && b != .null && compare(a, b) > 0
        case .greaterOrEqual: return a != .null && b != .null && compare(a, b) >= 0
        default: return false
        }
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .null: ""
        case .text(let text): text
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        }
    }

    /// SQLite's ordering: NULL < numbers < text; a number beside text that reads as a number
    /// compares numerically.
    static func compare(_ a: Value, _ b: Value) -> Int {
        func sign(_ x: Double, _ y: Double) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.number(let x), .number(let y)): return sign(x, y)
        case (.number(let x), .text(let t)):
            if let y = Double(t) { return sign(x, y) }
            return -1
        case (.text(let t), .number(let y)):
            if let x = Double(t) { return sign(x, y) }
            return 1
        case (.text(let x), .text(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        }
    }

    /// SQLite's `LIKE` (ASCII case-insensitive, `%` any run, `_` one character, `\` escapes).
    static func like(_ value: String, _ pattern: String) -> Bool {
        let v = Array(value.lowercased()), p = Array(pattern.lowercased())
        var memo: [Int: Bool] = [:]
        func match(_ i: Int, _ j: Int) -> Bool {
            let key = i * (p.count + 1) + j
            if let known = memo[key] { return known }
            let result: Bool
            if j == p.count {
                result = i == v.count
            } else if p[j] == "%" {
                result = match(i, j + 1) || (i < v.count && match(i + 1, j))
            } else if p[j] == "\\", j + 1 < p.count {
                result = i < v.count && v[i] == p[j + 1] && match(i + 1, j + 2)
            } else if p[j] == "_" {
                result = i < v.count && match(i + 1, j + 1)
            } else {
                result = i < v.count && v[i] == p[j] && match(i + 1, j + 1)
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}
