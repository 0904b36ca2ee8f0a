/// A collection field: a closed set of types, so a `switch` that misses one fails to compile.
public enum Field: Sendable, Equatable {
    case text(TextField)
    case number(NumberField)
    case bool(BoolField)
    case email(EmailField)
    case url(URLField)
    case editor(EditorField)
    case date(DateField)
    case autodate(AutodateField)
    case select(SelectField)
    case file(FileField)
    case relation(RelationField)
    case json(JSONField)
    case password(PasswordField)
    case geoPoint(GeoPointField)

    /// Every field type PocketBase 0.28 knows, by wire name.
    public static let typeNames: [String] = [
        TextField.typeName, NumberField.typeName, BoolField.typeName, EmailField.typeName, URLField.typeName,
        EditorField.typeName, DateField.typeName, AutodateField.typeName, SelectField.typeName,
        FileField.typeName, RelationField.typeName, JSONField.typeName, PasswordField.typeName,
        GeoPointField.typeName,
    ]

    /// The definition behind the case.
    public var definition: any FieldDefinition {
        switch self {
        case .text(let f): f
        case .number(let f): f
        case .bool(let f): f
        case .email(let f): f
        case .url(let f): f
        case .editor(let f): f
        case .date(let f): f
        case .autodate(let f): f
        case .select(let f): f
        case .file(let f): f
        case .relation(let f): f
        case .json(let f): f
        case .password(let f): f
        case .geoPoint(let f): f
        }
    }

    public var base: FieldBase { definition.base }
    public var id: String { base.id }
    public var name: String { base.name }
    public var isHidden: Bool { base.hidden }
    public var isSystem: Bool { base.system }
    public var typeName: String { type(of: definition).typeName }

    /// How values of this field are stored.
    public var storage: FieldStorage {
        switch self {
        case .text, .email, .url, .editor, .date, .autodate, .password: .text
        case .number: .number
        case .bool: .bool
        case .json: .json
        case .geoPoint: .geoPoint
        case .select(let f): .multiple(isMulti: f.isMultiple)
        case .file(let f): .multiple(isMulti: f.isMultiple)
        case .relation(let f): .multiple(isMulti: f.isMultiple)
        }
    }

    /// The id PocketBase gives a field that has none: its type and the CRC-32 of its name.
    public static func defaultID(type: String, name: String) -> String {
        "\(type)\(CRC32.checksum(name))"
    }

    /// Reads a field from PocketBase's JSON; nil for an unknown `type`.
    public init?(json: JSONObject) {
        let base = FieldBase(json: json)
        switch json.string("type") {
        case TextField.typeName: self = .text(TextField(base: base, options: json))
        case NumberField.typeName: self = .number(NumberField(base: base, options: json))
        case BoolField.typeName: self = .bool(BoolField(base: base, options: json))
        case EmailField.typeName: self = .email(EmailField(base: base, options: json))
        case URLField.typeName: self = .url(URLField(base: base, options: json))
        case EditorField.typeName: self = .editor(EditorField(base: base, options: json))
        case DateField.typeName: self = .date(DateField(base: base, options: json))
        case AutodateField.typeName: self = .autodate(AutodateField(base: base, options: json))
        case SelectField.typeName: self = .select(SelectField(base: base, options: json))
        case FileField.typeName: self = .file(FileField(base: base, options: json))
        case RelationField.typeName: self = .relation(RelationField(base: base, options: json))
        case JSONField.typeName: self = .json(JSONField(base: base, options: json))
        case PasswordField.typeName: self = .password(PasswordField(base: base, options: json))
        case GeoPointField.typeName: self = .geoPoint(GeoPointField(base: base, options: json))
        default: return nil
        }
    }

    /// PocketBase's JSON for the field, keys in Go's sorted map order.
    public var json: JSONObject {
        var object = JSONObject()
        base.encode(into: &object)
        definition.encodeOptions(into: &object)
        object["type"] = .string(typeName)
        return object.sortedByKey()
    }
}
