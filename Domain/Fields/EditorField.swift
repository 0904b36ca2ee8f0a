/// Rich text (HTML).
public struct EditorField: FieldDefinition {
    public static let typeName = "editor"
    public var base: FieldBase
    public var required = false
    public var maxSize = 0
    public var convertURLs = false

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
        maxSize = options.int("maxSize")
        convertURLs = options.bool("convertURLs")
    }

    public func encodeOptions(into json: inout JSONObject) {
        json["convertURLs"] = .bool(convertURLs)
        json["maxSize"] = .number(Double(maxSize))
        json["required"] = .bool(required)
    }
}
