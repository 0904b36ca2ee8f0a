/// One or more uploaded files, stored by name.
public struct FileField: FieldDefinition {
    public static let typeName = "file"
    public var base: FieldBase
    public var required = false
    public var maxSelect = 0
    public var maxSize = 0
    public var mimeTypes: [String]?
    public var thumbs: [String]?
    public var protected = false

    public init(base: FieldBase, maxSelect: Int, mimeTypes: [String]?) {
        self.base = base
        self.maxSelect = maxSelect
        self.mimeTypes = mimeTypes
    }

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
        maxSelect = options.int("maxSelect")
        maxSize = options.int("maxSize")
        mimeTypes = options.optionalStrings("mimeTypes")
        thumbs = options.optionalStrings("thumbs")
        protected = options.bool("protected")
    }

    public var isMultiple: Bool { maxSelect > 1 }

    public func encodeOptions(into json: inout JSONObject) {
        json["maxSelect"] = .number(Double(maxSelect))
        json["maxSize"] = .number(Double(maxSize))
        json["mimeTypes"] = mimeTypes.json
        json["protected"] = .bool(protected)
        json["required"] = .bool(required)
        json["thumbs"] = thumbs.json
    }
}
