/// Loads submitted fields the way PocketBase 0.28.4's `FieldsList` does: each field starts blank,
/// a field without id gets `type + crc32(name)`, and adding a field replaces an earlier one with the
/// same id (or, without an explicit id, the same name, keeping that field's id).
enum FieldInput {
    private enum Kind { case string, bool, int, number, strings }

    private static let common: [(String, Kind)] = [
        ("id", .string), ("name", .string), ("system", .bool), ("hidden", .bool), ("presentable", .bool),
    ]

    private static let options: [String: [(String, Kind)]] = [
        TextField.typeName: [("required", .bool), ("primaryKey", .bool), ("min", .int), ("max", .int),
                             ("pattern", .string), ("autogeneratePattern", .string)],
        NumberField.typeName: [("required", .bool), ("onlyInt", .bool), ("min", .number), ("max", .number)],
        BoolField.typeName: [("required", .bool)],
        EmailField.typeName: [("required", .bool), ("exceptDomains", .strings), ("onlyDomains", .strings)],
        URLField.typeName: [("required", .bool), ("exceptDomains", .strings), ("onlyDomains", .strings)],
        EditorField.typeName: [("required", .bool), ("maxSize", .int), ("convertURLs", .bool)],
        DateField.typeName: [("required", .bool), ("min", .string), ("max", .string)],
        AutodateField.typeName: [("onCreate", .bool), ("onUpdate", .bool)],
        SelectField.typeName: [("required", .bool), ("values", .strings), ("maxSelect", .int)],
        FileField.typeName: [("required", .bool), ("maxSelect", .int), ("maxSize", .int), ("mimeTypes", .strings),
                             ("thumbs", .strings), ("protected", .bool)],
        RelationField.typeName: [("required", .bool), ("collectionId", .string), ("cascadeDelete", .bool),
                                 ("minSelect", .int), ("maxSelect", .int)],
        JSONField.typeName: [("maxSize", .int), ("required", .bool)],
        PasswordField.typeName: [("required", .bool), ("min", .int), ("max", .int), ("pattern", .string),
                                 ("cost", .int)],
        GeoPointField.typeName: [("required", .bool)],
    ]

    /// One submitted field object; throws for an unknown type or a mistyped option.
    static func decode(_ value: JSONValue, path: String) throws(CollectionInputError) -> Field {
        guard case .object(let object) = value else { throw GoJSON.fail(path, "field object") }
        var typeName = ""
        for (_, v) in GoJSON.members(object, keys: ["type"]) {
            if let t = try GoJSON.string(v, path + ".type") { typeName = t }
        }
        guard let schema = options[typeName] else {
            throw .invalidFormat(detail: "\(path): missing or unknown field type \(typeName)")
        }
        let all = common + schema
        var clean = JSONObject()
        for (key, member) in GoJSON.members(object, keys: all.map(\.0)) {
            let kind = all.first { $0.0 == key }!.1
            let memberPath = "\(path).\(key)"
            switch kind {
            case .string: clean[key] = try GoJSON.string(member, memberPath).map(JSONValue.string) ?? clean[key]
            case .bool: clean[key] = try GoJSON.bool(member, memberPath).map(JSONValue.bool) ?? clean[key]
            case .int: clean[key] = try GoJSON.int(member, memberPath).map { .number(Double($0)) } ?? clean[key]
            case .number: clean[key] = try GoJSON.number(member, memberPath).map(JSONValue.number)
            case .strings: clean[key] = try GoJSON.strings(member, memberPath).map { .array($0.map(JSONValue.string)) }
            }
        }
        clean["type"] = .string(typeName)
        guard let field = Field(json: clean) else {
            throw .invalidFormat(detail: "\(path): unreadable field")
        }
        return field
    }

    /// A submitted `fields` array (`null` is an empty list).
    static func decodeList(_ value: JSONValue) throws(CollectionInputError) -> [Field] {
        switch value {
        case .null: return []
        case .array(let items):
            var list: [Field] = []
            for (i, item) in items.enumerated() { add(try decode(item, path: "fields.\(i)"), to: &list) }
            return list
        default: throw GoJSON.fail("fields", "array")
        }
    }

    /// Adds a field: replaces one with the same id (or, for a field without id, the same name, keeping
    /// its id) in place, else appends; `at` inserts (or moves) it to that position instead.
    static func add(_ newField: Field, to list: inout [Field], at position: Int? = nil) {
        var field = newField
        var byName = false
        if field.id.isEmpty {
            byName = true
            let base = Field.defaultID(type: field.typeName, name: field.name)
            var candidate = base
            var n = 2
            while n < 1000, list.contains(where: { $0.id == candidate }) {
                candidate = base + String(n)
                n += 1
            }
            field = field.withID(candidate)
        }
        var insertAt = position.map { min($0, list.count) } ?? list.count
        for (i, existing) in list.enumerated() {
            let matches = byName ? (!field.name.isEmpty && existing.name == field.name) : existing.id == field.id
            guard matches else { continue }
            if byName { field = field.withID(existing.id) }
            if position == nil {
                list[i] = field
                return
            }
            list.remove(at: i)
            insertAt = min(insertAt, list.count)
            break
        }
        list.insert(field, at: insertAt)
    }

    /// Re-adds every field, as `NewFieldsList` does before a save.
    static func normalized(_ fields: [Field]) -> [Field] {
        var list: [Field] = []
        for field in fields { add(field, to: &list) }
        return list
    }
}

extension Field {
    /// The same field with its shared attributes changed.
    func withBase(_ change: (inout FieldBase) -> Void) -> Field {
        switch self {
        case .text(var f): change(&f.base); return .text(f)
        case .number(var f): change(&f.base); return .number(f)
        case .bool(var f): change(&f.base); return .bool(f)
        case .email(var f): change(&f.base); return .email(f)
        case .url(var f): change(&f.base); return .url(f)
        case .editor(var f): change(&f.base); return .editor(f)
        case .date(var f): change(&f.base); return .date(f)
        case .autodate(var f): change(&f.base); return .autodate(f)
        case .select(var f): change(&f.base); return .select(f)
        case .file(var f): change(&f.base); return .file(f)
        case .relation(var f): change(&f.base); return .relation(f)
        case .json(var f): change(&f.base); return .json(f)
        case .password(var f): change(&f.base); return .password(f)
        case .geoPoint(var f): change(&f.base); return .geoPoint(f)
        }
    }

    func withID(_ id: String) -> Field { withBase { $0.id = id } }
}
