/// A float64 number with optional bounds.
public struct NumberField: FieldDefinition {
    public static let typeName = "number"
    public var base: FieldBase
    public var required = false
    public var onlyInt = false
    public var min: Double?
    public var max: Double?

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
        onlyInt = options.bool("onlyInt")
        min = options.optionalNumber("min")
        max = options.optionalNumber("max")
    }

    public func encodeOptions(into json: inout JSONObject) {
        json["max"] = max.json
        json["min"] = min.json
        json["onlyInt"] = .bool(onlyInt)
        json["required"] = .bool(required)
    }
}
