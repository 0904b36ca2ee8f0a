/// What every field type shares: its identity and the flags PocketBase stores on each field.
public struct FieldBase: Sendable, Equatable {
    public var id: String
    public var name: String
    public var system: Bool
    public var hidden: Bool
    public var presentable: Bool

    public init(id: String = "", name: String, system: Bool = false, hidden: Bool = false, presentable: Bool = false) {
        self.id = id
        self.name = name
        self.system = system
        self.hidden = hidden
        self.presentable = presentable
    }

    init(json: JSONObject) {
        id = json.string("id")
        name = json.string("name")
        system = json.bool("system")
        hidden = json.bool("hidden")
        presentable = json.bool("presentable")
    }

    func encode(into json: inout JSONObject) {
        json["hidden"] = .bool(hidden)
        json["id"] = .string(id)
        json["name"] = .string(name)
        json["presentable"] = .bool(presentable)
        json["system"] = .bool(system)
    }
}

/// One field type: its wire name and how its options map to and from PocketBase's JSON.
public protocol FieldDefinition: Sendable, Equatable {
    /// The `type` value PocketBase uses for this field.
    static var typeName: String { get }
    var base: FieldBase { get set }
    /// Reads the type's options from a field's JSON (missing options take their zero values).
    init(base: FieldBase, options: JSONObject)
    /// Writes the type's options (everything but the shared keys and `type`).
    func encodeOptions(into json: inout JSONObject)
}

/// How a field's values are shaped, which decides storage and coercion.
public enum FieldStorage: Sendable, Equatable {
    case text
    case number
    case bool
    case json
    /// Single or multiple values (select, file, relation).
    case multiple(isMulti: Bool)
    case geoPoint
}

extension JSONObject {
    func string(_ key: String) -> String { self[key]?.stringValue ?? "" }
    func bool(_ key: String) -> Bool { self[key]?.boolValue ?? false }
    func int(_ key: String) -> Int {
        guard let n = self[key]?.numberValue, n.isFinite, abs(n) < 9e18 else { return 0 }
        return Int(n)
    }
    func optionalNumber(_ key: String) -> Double? { self[key]?.numberValue }
    func strings(_ key: String) -> [String] { self[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    /// nil when the key is missing or null, as Go decodes a nil slice.
    func optionalStrings(_ key: String) -> [String]? {
        guard let array = self[key]?.arrayValue else { return nil }
        return array.compactMap(\.stringValue)
    }
}

extension Optional where Wrapped == [String] {
    var json: JSONValue {
        guard let self else { return .null }
        return .array(self.map { .string($0) })
    }
}

extension Optional where Wrapped == Double {
    var json: JSONValue {
        guard let self else { return .null }
        return .number(self)
    }
}
