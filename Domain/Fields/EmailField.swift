/// An email address, optionally limited to or barred from domains.
public struct EmailField: FieldDefinition {
    public static let typeName = "email"
    public var base: FieldBase
    public var required = false
    public var exceptDomains: [String]?
    public var onlyDomains: [String]?

    public init(base: FieldBase, required: Bool = false) {
        self.base = base
        self.required = required
    }

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
        exceptDomains = options.optionalStrings("exceptDomains")
        onlyDomains = options.optionalStrings("onlyDomains")
    }

    public func encodeOptions(into json: inout JSONObject) {
        json["exceptDomains"] = exceptDomains.json
        json["onlyDomains"] = onlyDomains.json
        json["required"] = .bool(required)
    }
}
