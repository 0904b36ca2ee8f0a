/// A collection: its kind, fields, rules and indexes, as PocketBase stores it in `_collections`.
public struct Collection: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: CollectionKind
    public var system: Bool
    public var fields: [Field]
    public var indexes: [String]
    public var rules: CollectionRules
    /// Only for `.auth`.
    public var auth: AuthOptions?
    /// Only for `.view`.
    public var viewQuery: String?
    public var created: DateTime
    public var updated: DateTime

    public init(id: String = "", name: String, kind: CollectionKind, system: Bool = false, fields: [Field] = [],
                indexes: [String] = [], rules: CollectionRules = CollectionRules(), auth: AuthOptions? = nil,
                viewQuery: String? = nil, created: DateTime = DateTime(unixMilliseconds: 0),
                updated: DateTime = DateTime(unixMilliseconds: 0)) {
        self.id = id.isEmpty ? Collection.defaultID(kind: kind, name: name) : id
        self.name = name
        self.kind = kind
        self.system = system
        self.fields = fields
        self.indexes = indexes
        self.rules = rules
        self.auth = auth ?? (kind == .auth ? AuthOptions() : nil)
        self.viewQuery = viewQuery
        self.created = created
        self.updated = updated
    }

    /// The id PocketBase gives a new collection: `pbc_` and the CRC-32 of its kind and name.
    public static func defaultID(kind: CollectionKind, name: String) -> String {
        "pbc_\(CRC32.checksum(kind.rawValue + name))"
    }

    public var isAuth: Bool { kind == .auth }

    /// The field with this name (exact match), if any.
    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }

    /// Names of fields that clients never see.
    public var hiddenFieldNames: Set<String> {
        Set(fields.filter(\.isHidden).map(\.name))
    }
}
