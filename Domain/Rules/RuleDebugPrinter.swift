/// Prints a ``RuleExpr`` as a compact, deterministic S-expression for tests and logs.
///
/// `title = "x" && (n > 1 || tags ?~ 'a')` prints as
/// `(and (= title "x") (group (or (> n 1) (?~ tags "a"))))`. Identifiers and numbers print as
/// written, texts in double quotes with `"` and `\` escaped, calls as `name(arg, arg)`.
/// Source ranges are not printed.
public enum RuleDebugPrinter {
    /// The S-expression of `expr`.
    public static func print(_ expr: RuleExpr) -> String {
        switch expr {
        case .comparison(let left, let op, let right, _):
            return "(\(op.rawValue) \(print(left)) \(print(right)))"
        case .and(let items, _):
            return "(and " + items.map(print).joined(separator: " ") + ")"
        case .or(let items, _):
            return "(or " + items.map(print).joined(separator: " ") + ")"
        case .group(let inner, _):
            return "(group \(print(inner)))"
        }
    }

    /// The printed form of one operand.
    public static func print(_ operand: RuleOperand) -> String {
        switch operand {
        case .identifier(let name, _), .number(let name, _):
            return name
        case .text(let value, _):
            var out = "\""
            for character in value {
                if character == "\"" || character == "\\" { out.append("\\") }
                out.append(character)
            }
            return out + "\""
        case .function(let name, let arguments, _):
            return name + "(" + arguments.map(print).joined(separator: ", ") + ")"
        }
    }
}
