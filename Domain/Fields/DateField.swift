/// A datetime with optional bounds (stored as PocketBase's datetime text).
public struct DateField: FieldDefinition {
    public static let typeName = "date"
    public var base: FieldBase
    public var required = false
    public var min = ""
    public var max = ""

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
        min = options.string("min")
        max = options.string("max")
    }

    public func encodeOptions(into json: inout JSONObject) {
        json["max"] = .string(max)
        json["min"] = .string(min)
        json["required"] = .bool(required)
    }
}
