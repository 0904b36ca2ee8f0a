/// A datetime the server sets on create and/or update.
public struct AutodateField: FieldDefinition {
    public static let typeName = "autodate"
    public var base: FieldBase
    public var onCreate = false
    public var onUpdate = false

    public init(base: FieldBase, onCreate: Bool, onUpdate: Bool) {
        self.base = base
        self.onCreate = onCreate
        self.onUpdate = onUpdate
    }

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        onCreate = options.bool("onCreate")
        onUpdate = options.bool("onUpdate")
    }

    public func encodeOptions(into json: inout JSONObject) {
        json["onCreate"] = .bool(onCreate)
        json["onUpdate"] = .bool(onUpdate)
    }
}
