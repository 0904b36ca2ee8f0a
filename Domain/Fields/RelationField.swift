/// References to records of another collection.
public struct RelationField: FieldDefinition {
    public static let typeName = "relation"
    public var base: FieldBase
    public var required = false
    public var collectionID = ""
    public var cascadeDelete = false
    public var minSelect = 0
    public var maxSelect = 0

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
        collectionID = options.string("collectionId")
        cascadeDelete = options.bool("cascadeDelete")
        minSelect = options.int("minSelect")
        maxSelect = options.int("maxSelect")
    }

    public var isMultiple: Bool { maxSelect > 1 }

    public func encodeOptions(into json: inout JSONObject) {
        json["cascadeDelete"] = .bool(cascadeDelete)
        json["collectionId"] = .string(collectionID)
        json["maxSelect"] = .number(Double(maxSelect))
        json["minSelect"] = .number(Double(minSelect))
        json["required"] = .bool(required)
    }
}
