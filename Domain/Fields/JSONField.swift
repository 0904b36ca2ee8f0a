/// Any JSON value.
public struct JSONField: FieldDefinition {
    public static let typeName = "json"
    public var base: FieldBase
    public var required = false
    public var maxSize = 0

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
        maxSize = options.int("maxSize")
    }

    public func encodeOptions(into json: inout JSONObject) {
        json["maxSize"] = .number(Double(maxSize))
        json["required"] = .bool(required)
    }
}
