/// Turns a client's collection JSON (a create, an update, or one item of an import) into a
/// `Collection`, loading it exactly as PocketBase 0.28.4 does before validating it.
public enum CollectionInput {
    static let collectionKeys = [
        "id", "listRule", "viewRule", "createRule", "updateRule", "deleteRule", "name", "type", "fields", "indexes",
        "system", "viewQuery",
    ]

    /// Builds the collection a body describes.
    ///
    /// - `existing`: the stored collection for an update (only the submitted keys change; secrets are kept),
    ///   nil for a create (the body goes over a fresh scaffold of its type).
    /// - `takenIDs`: ids of the stored collections; a new collection whose default id is taken gets
    ///   a numeric suffix (`pbc_123` → `pbc_1232`), as PocketBase does.
    public static func build(from body: JSONObject, existing: Collection?, now: DateTime, secrets: () -> String,
                             takenIDs: Set<String> = []) throws(CollectionInputError) -> Collection {
        var draft: Draft
        if let existing {
            draft = Draft(existing)
        } else {
            var type = ""
            var name = ""
            for (key, value) in GoJSON.members(body, keys: ["type", "name"]) {
                let text: String
                switch value {
                case .null: continue
                case .string(let s): text = s
                default: throw .invalidTypeData(detail: "\(key): expected string")
                }
                if key == "type" { type = text } else { name = text }
            }
            draft = Draft.scaffold(type: type, name: name, secrets: secrets)
        }
        try draft.apply(body)
        return try draft.finish(isNew: existing == nil, now: now, takenIDs: takenIDs)
    }

    /// Builds one item of `PUT /api/collections/import`. An item matching a stored collection (by id,
    /// else by name) updates it, and the stored fields missing from the import are kept after the
    /// imported ones (only the system ones when `deleteMissing`).
    public static func buildImported(from body: JSONObject, existing: Collection?, deleteMissing: Bool, now: DateTime,
                                     secrets: () -> String, takenIDs: Set<String> = []) throws(CollectionInputError)
        -> Collection {
        guard let existing else {
            do {
                return try build(from: body, existing: nil, now: now, secrets: secrets, takenIDs: takenIDs)
            } catch {
                // An import item is read in one pass: every formatting problem reads the same.
                if case .invalidTypeData(let detail) = error { throw .invalidFormat(detail: detail) }
                throw error
            }
        }
        var body = body
        if deleteMissing, body["fields"] == nil || body["fields"] == .null { body["fields"] = .array([]) }
        var draft = Draft(existing)
        try draft.apply(body)
        for old in existing.fields where old.isSystem || !deleteMissing {
            guard !draft.fields.contains(where: { $0.id == old.id }) else { continue }
            if let i = draft.fields.firstIndex(where: { $0.name == old.name }), draft.fields[i].typeName == old.typeName {
                draft.fields[i] = draft.fields[i].withID(old.id)
            }
            FieldInput.add(old, to: &draft.fields)
        }
        return try draft.finish(isNew: false, now: now, takenIDs: takenIDs)
    }
}

/// A loaded collection and, when the body named an unknown type, that type (pass it to
/// `CollectionValidator.validate(_:old:existing:rawType:ruleProblem:)`).
public struct LoadedCollection: Sendable, Equatable {
    public var collection: Collection
    public var rawType: String?
}

extension CollectionInput {
    /// `build`, with an unknown type returned instead of thrown (only formatting problems throw).
    public static func load(from body: JSONObject, existing: Collection?, now: DateTime, secrets: () -> String,
                            takenIDs: Set<String> = []) throws(CollectionInputError) -> LoadedCollection {
        try loaded { () throws(CollectionInputError) in
            try build(from: body, existing: existing, now: now, secrets: secrets, takenIDs: takenIDs)
        }
    }

    /// `buildImported`, with an unknown type returned instead of thrown.
    public static func loadImported(from body: JSONObject, existing: Collection?, deleteMissing: Bool, now: DateTime,
                                    secrets: () -> String, takenIDs: Set<String> = []) throws(CollectionInputError)
        -> LoadedCollection {
        try loaded { () throws(CollectionInputError) in
            try buildImported(from: body, existing: existing, deleteMissing: deleteMissing, now: now, secrets: secrets,
                              takenIDs: takenIDs)
        }
    }

    private static func loaded(_ make: () throws(CollectionInputError) -> Collection) throws(CollectionInputError)
        -> LoadedCollection {
        do {
            return LoadedCollection(collection: try make(), rawType: nil)
        } catch {
            guard case .unknownType(let rawType, let collection) = error else { throw error }
            return LoadedCollection(collection: collection, rawType: rawType)
        }
    }
}

/// A collection being loaded, with the raw type text PocketBase keeps until validation.
struct Draft {
    var collection: Collection
    var type: String
    var fields: [Field]
    var auth: AuthOptions
    var autogeneratedID = ""

    init(_ collection: Collection) {
        self.collection = collection
        type = collection.kind.rawValue
        fields = collection.fields
        auth = collection.auth ?? AuthOptions()
    }

    /// PocketBase's `NewCollection(type, name)`: an unknown type gets the base scaffold.
    static func scaffold(type: String, name: String, secrets: () -> String) -> Draft {
        let kind = CollectionKind(rawValue: type) ?? .base
        var draft = Draft(Collection(name: name, kind: kind))
        draft.autogeneratedID = draft.collection.id
        if kind == .auth { draft.auth = AuthOptions(secrets: secrets) }
        draft.initDefaultFields(kind: kind)
        return draft
    }

    mutating func apply(_ body: JSONObject) throws(CollectionInputError) {
        for (key, value) in GoJSON.members(body, keys: CollectionInput.collectionKeys) {
            switch key {
            case "id": collection.id = try GoJSON.string(value, key) ?? collection.id
            case "listRule": collection.rules.list = try GoJSON.optionalString(value, key)
            case "viewRule": collection.rules.view = try GoJSON.optionalString(value, key)
            case "createRule": collection.rules.create = try GoJSON.optionalString(value, key)
            case "updateRule": collection.rules.update = try GoJSON.optionalString(value, key)
            case "deleteRule": collection.rules.delete = try GoJSON.optionalString(value, key)
            case "name": collection.name = try GoJSON.string(value, key) ?? collection.name
            case "type": type = try GoJSON.string(value, key) ?? type
            case "fields": fields = try FieldInput.decodeList(value)
            case "indexes":
                if case .null = value { collection.indexes = [] } else {
                    collection.indexes = try GoJSON.strings(value, key) ?? []
                }
            case "system": collection.system = try GoJSON.bool(value, key) ?? collection.system
            default: collection.viewQuery = try GoJSON.string(value, key) ?? collection.viewQuery
            }
        }
        try AuthOptionsInput.apply(body, to: &auth)
    }

    /// PocketBase's save-time normalization (`onCollectionSave`), which runs before validation.
    mutating func finish(isNew: Bool, now: DateTime, takenIDs: Set<String>) throws(CollectionInputError) -> Collection {
        if type.isEmpty { type = CollectionKind.base.rawValue }
        let kind = CollectionKind(rawValue: type)
        if isNew {
            if collection.id.isEmpty {
                collection.id = "pbc_\(CRC32.checksum(type + collection.name))"
                autogeneratedID = collection.id
            }
            collection.created = now
        }
        collection.updated = now
        fields = FieldInput.normalized(fields)
        if let kind { initDefaultFields(kind: kind) }
        if kind == .auth { unsetMissingMappedFields() }
        if isNew { updateGeneratedID(takenIDs: takenIDs) }

        collection.kind = kind ?? .base
        collection.fields = fields
        collection.auth = kind == .auth ? auth : nil
        if kind == .view { collection.viewQuery = collection.viewQuery ?? "" } else { collection.viewQuery = nil }
        guard kind != nil else { throw .unknownType(rawType: type, collection: collection) }
        return collection
    }

    // MARK: - Default fields and indexes

    mutating func initDefaultFields(kind: CollectionKind) {
        switch kind {
        case .view: return
        case .base: initIDField()
        case .auth:
            initIDField()
            enforce("password", fallback: SystemCollections.authFields(system: false)[1]) { base in
                base.system = true; base.hidden = true
            } options: { if case .password(var f) = $0 { f.required = true; return .password(f) }; return nil }
            enforce("tokenKey", fallback: SystemCollections.authFields(system: false)[2]) { base in
                base.system = true; base.hidden = true
            } options: { if case .text(var f) = $0 { f.required = true; return .text(f) }; return nil }
            ensureUniqueIndex("tokenKey", whereClause: "")
            enforce("email", fallback: SystemCollections.authFields(system: false)[3]) { base in
                base.system = true; base.hidden = false
            } options: { if case .email = $0 { return $0 }; return nil }
            ensureUniqueIndex("email", whereClause: " WHERE `email` != ''")
            enforce("emailVisibility", fallback: SystemCollections.authFields(system: false)[4]) { $0.system = true }
                options: { if case .bool = $0 { return $0 }; return nil }
            enforce("verified", fallback: SystemCollections.authFields(system: false)[5]) { $0.system = true }
                options: { if case .bool = $0 { return $0 }; return nil }
        }
    }

    private mutating func initIDField() {
        if let i = fields.firstIndex(where: { $0.name == "id" }), case .text(var f) = fields[i] {
            f.base.system = true
            f.base.hidden = false
            f.required = true
            f.primaryKey = true
            if f.pattern.isEmpty { f.pattern = "^[a-z0-9]+$" }
            fields[i] = .text(f)
        } else {
            fields = FieldInput.normalized([SystemCollections.idField().withID("")] + fields)
        }
    }

    /// Keeps a system field of the expected type (forcing its flags), or adds the default one.
    private mutating func enforce(_ name: String, fallback: Field, flags: (inout FieldBase) -> Void,
                                  options: (Field) -> Field?) {
        if let i = fields.firstIndex(where: { $0.name == name }), let typed = options(fields[i]) {
            fields[i] = typed.withBase(flags)
        } else {
            FieldInput.add(fallback.withID(""), to: &fields)
        }
    }

    private mutating func ensureUniqueIndex(_ column: String, whereClause: String) {
        guard !IndexSpec.hasSingleColumnUniqueIndex(collection.indexes, column: column) else { return }
        collection.indexes.append("CREATE UNIQUE INDEX `\(fieldIndexName(column))` ON `\(collection.name)` (`\(column)`)"
            + whereClause)
    }

    private func fieldIndexName(_ column: String) -> String {
        let name = "idx_\(column)_" + (collection.id.isEmpty ? collection.name : collection.id)
        let bytes = Array(name.utf8)
        return bytes.count > 64 ? String(decoding: bytes[..<64], as: UTF8.self) : name
    }

    private mutating func unsetMissingMappedFields() {
        for key in ["id", "name", "username", "avatarURL"] {
            guard let mapped = auth.oauth2.mappedFields[key]?.stringValue, !mapped.isEmpty else { continue }
            if !fields.contains(where: { $0.name == mapped }) { auth.oauth2.mappedFields[key] = "" }
        }
    }

    /// A new collection with its default id gets a numeric suffix when that id is taken, and its index
    /// names follow.
    private mutating func updateGeneratedID(takenIDs: Set<String>) {
        guard !collection.id.isEmpty, collection.id == autogeneratedID else { return }
        let base = "pbc_\(CRC32.checksum(type + collection.name))"
        var newID = base
        var n = 2
        while n < 1000, takenIDs.contains(newID) {
            newID = base + String(n)
            n += 1
        }
        guard newID != collection.id else { return }
        for (i, raw) in collection.indexes.enumerated() {
            var spec = IndexSpec(parsing: raw)
            let original = spec.indexName
            spec.indexName = spec.indexName.replacingAll(collection.id, with: newID)
            if spec.indexName != original { collection.indexes[i] = spec.build() }
        }
        collection.id = newID
    }
}

extension IndexSpec {
    /// True when one of `indexes` is a UNIQUE index on exactly `column` (case-insensitive).
    static func hasSingleColumnUniqueIndex(_ indexes: [String], column: String) -> Bool {
        indexes.contains { raw in
            let spec = IndexSpec(parsing: raw)
            return spec.unique && spec.columns.count == 1 && spec.columns[0].name.lowercased() == column.lowercased()
        }
    }
}

