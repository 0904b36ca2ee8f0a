/// Plain text, optionally the primary key with an autogenerate pattern.
public struct TextField: FieldDefinition {
    public static let typeName = "text"
    public var base: FieldBase
    public var required = false
    public var primaryKey = false
    public var min = 0
    public var max = 0
    public var pattern = ""
    public var autogeneratePattern = ""

    public init(base: FieldBase, required: Bool = false, primaryKey: Bool = false, min: Int = 0, max: Int = 0,
                pattern: String = "", autogeneratePattern: String = "") {
        self.base = base
        self.required = required
        self.primaryKey = primaryKey
        self.min = min
        self.max = max
        self.pattern = pattern
        self.autogeneratePattern = autogeneratePattern
    }

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
        primaryKey = options.bool("primaryKey")
        min = options.int("min")
        max = options.int("max")
        pattern = options.string("pattern")
        autogeneratePattern = options.string("autogeneratePattern")
    }

    public func encodeOptions(into json: inout JSONObject) {
        json["autogeneratePattern"] = .string(autogeneratePattern)
        json["max"] = .number(Double(max))
        json["min"] = .number(Double(min))
        json["pattern"] = .string(pattern)
        json["primaryKey"] = .bool(primaryKey)
        json["required"] = .bool(required)
    }
}
