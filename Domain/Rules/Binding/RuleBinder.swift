/// Resolves every identifier of a parsed rule against a collection, its schema and the request,
/// producing a ``BoundRule`` (PocketBase 0.28.4's `RecordFieldResolver` + `search.FilterData`
/// semantics, without SQL).
///
/// The binder is a value: its join plan grows while one rule is bound and is returned with the
/// result. Messages of ``RuleBindError`` follow PocketBase word for word
/// (`invalid left operand "x" - unknown field "x"`).
public struct RuleBinder {
    let collection: Collection
    let schema: SchemaSnapshot
    let environment: RuleEnvironment
    let options: RuleBindOptions
    var joins: [BoundJoin] = []

    init(collection: Collection, schema: SchemaSnapshot, environment: RuleEnvironment, options: RuleBindOptions) {
        self.collection = collection
        self.schema = schema
        self.environment = environment
        self.options = options
    }

    /// Binds `expr` for `collection`.
    public static func bind(_ expr: RuleExpr, collection: Collection, schema: SchemaSnapshot,
                            environment: RuleEnvironment,
                            options: RuleBindOptions) throws(RuleBindError) -> BoundRule {
        var binder = RuleBinder(collection: collection, schema: schema, environment: environment, options: options)
        let bound = try binder.bind(expr)
        return BoundRule(expression: bound, joins: binder.joins)
    }

    /// Parses and binds a rule or filter text (parse errors become bind errors with the parser's
    /// message).
    public static func bind(_ text: String, limits: RuleLimits = .rule, collection: Collection, schema: SchemaSnapshot,
                            environment: RuleEnvironment,
                            options: RuleBindOptions) throws(RuleBindError) -> BoundRule {
        let expr: RuleExpr
        do {
            expr = try RuleParser.parse(text, limits: limits)
        } catch {
            throw RuleBindError(error.message)
        }
        return try bind(expr, collection: collection, schema: schema, environment: environment, options: options)
    }

    mutating func bind(_ expr: RuleExpr) throws(RuleBindError) -> BoundExpr {
        switch expr {
        case .comparison(let left, let op, let right, _):
            let boundLeft: BoundOperand
            do {
                boundLeft = try operand(left)
            } catch {
                throw RuleBindError("invalid left operand \(GoQuote.string(Self.literal(left))) - \(error.message)")
            }
            let boundRight: BoundOperand
            do {
                boundRight = try operand(right)
            } catch {
                throw RuleBindError("invalid right operand \(GoQuote.string(Self.literal(right))) - \(error.message)")
            }
            return .comparison(boundLeft, op, boundRight)
        case .and(let items, _):
            var bound: [BoundExpr] = []
            for item in items { bound.append(try bind(item)) }
            return .and(bound)
        case .or(let items, _):
            var bound: [BoundExpr] = []
            for item in items { bound.append(try bind(item)) }
            return .or(bound)
        case .group(let inner, _):
            return .group(try bind(inner))
        }
    }

    /// fexpr's token literal: the name, the unquoted text, the number as written, the function name.
    static func literal(_ operand: RuleOperand) -> String {
        switch operand {
        case .identifier(let name, _), .text(let name, _), .number(let name, _): name
        case .function(let name, _, _): name
        }
    }

    /// One operand (PocketBase's `resolveToken`).
    mutating func operand(_ operand: RuleOperand) throws(RuleBindError) -> BoundOperand {
        switch operand {
        case .identifier(let name, _):
            if let macro = RuleMacros.value(of: name, now: environment.now) {
                return .value(macro)
            }
            do {
                return try resolve(name)
            } catch {
                // PocketBase 0.28.4: null/true/false (any case) are constants only when no field
                // of that name resolves.
                switch SchemaSnapshot.foldASCII(name) {
                case "null": return .null
                case "true": return .constant(.integer(1))
                case "false": return .constant(.integer(0))
                default: throw error
                }
            }
        case .text(let value, _):
            return .value(.text(value))
        case .number:
            return .value(.number(operand.numberValue ?? 0))
        case .function(let name, let arguments, _):
            guard name == "geoDistance" else {
                throw RuleBindError("unknown function \(GoQuote.string(name))")
            }
            guard arguments.count == 4 else {
                throw RuleBindError("[geoDistance] expected 4 arguments, got \(arguments.count)")
            }
            var resolved: [BoundOperand] = []
            for (index, argument) in arguments.enumerated() {
                switch argument {
                case .identifier, .number: break
                default: throw RuleBindError("[geoDistance] argument \(index) must be an identifier or number")
                }
                do {
                    resolved.append(try self.operand(argument))
                } catch {
                    throw RuleBindError("[geoDistance] failed to resolve argument \(index): \(error.message)")
                }
            }
            return .geoDistance(lonA: resolved[0], latA: resolved[1], lonB: resolved[2], latB: resolved[3])
        }
    }
}
