/// A bcrypt-hashed password; never read back.
public struct PasswordField: FieldDefinition {
    public static let typeName = "password"
    public var base: FieldBase
    public var required = false
    public var min = 0
    public var max = 0
    public var pattern = ""
    /// bcrypt cost; 0 means the default (10).
    public var cost = 0

    public init(base: FieldBase, required: Bool, min: Int, cost: Int) {
        self.base = base
        self.required = required
        self.min = min
        self.cost = cost
    }

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
        min = options.int("min")
        max = options.int("max")
        pattern = options.string("pattern")
        cost = options.int("cost")
    }

    /// The bcrypt cost actually used.
    public var effectiveCost: Int { cost > 0 ? cost : 10 }

    public func encodeOptions(into json: inout JSONObject) {
        json["cost"] = .number(Double(cost))
        json["max"] = .number(Double(max))
        json["min"] = .number(Double(min))
        json["pattern"] = .string(pattern)
        json["required"] = .bool(required)
    }
}
