/// A `{lon, lat}` point.
public struct GeoPointField: FieldDefinition {
    public static let typeName = "geoPoint"
    public var base: FieldBase
    public var required = false

    public init(base: FieldBase, options: JSONObject) {
        self.base = base
        required = options.bool("required")
    }

    public func encodeOptions(into json: inout JSONObject) {
        json["required"] = .bool(required)
    }
}
