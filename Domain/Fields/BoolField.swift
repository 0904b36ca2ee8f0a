/// A boolean; `required` means it must be true.
public struct BoolField: FieldDefinition {
    public static let typeName = "bool"
    public var base: FieldBase
    public var required = false

    public init(base: FieldBase, required: Bool = false) {
        self.base = base
        self.required = required
    }

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
    }

    public func encodeOptions(into json: inout JSONObject) {
        json["required"] = .bool(required)
    }
}
