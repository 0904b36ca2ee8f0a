/// One or more values from a fixed list.
public struct SelectField: FieldDefinition {
    public static let typeName = "select"
    public var base: FieldBase
    public var required = false
    public var values: [String] = []
    public var maxSelect = 0

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
        values = options.strings("values")
        maxSelect = options.int("maxSelect")
    }

    public var isMultiple: Bool { maxSelect > 1 }

    public func encodeOptions(into json: inout JSONObject) {
        json["maxSelect"] = .number(Double(maxSelect))
        json["required"] = .bool(required)
        json["values"] = .array(values.map { .string($0) })
    }
}
