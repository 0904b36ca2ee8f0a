/// The fields of a view collection, inferred from its query the way PocketBase 0.28.4 does
/// (`CreateViewFields` in `core/view.go`).
///
/// The database supplies the view's column names (in order); the parsed query says where each
/// column comes from. `id` becomes the text primary key (no autogenerate pattern); `count(…)`/
/// `total(…)` and numeric casts become numbers, `cast(… as text)` text, boolean casts bools; a
/// column read from a collection field keeps that field's type and options (an `id` column of
/// another collection becomes a single relation to it); anything else is a json field with
/// `maxSize` 1. Every field gets the default id of its type and name.
public enum ViewFieldInference {
    /// The message PocketBase gives a view query without an `id` column.
    public static let missingIDMessage =
        "missing required id column (you can use `(ROW_NUMBER() OVER()) as id` if you don't have one)"

    /// Why inference failed; `fields` holds what was inferred anyway.
    public struct Failure: Error, Sendable {
        public var message: String
        public var fields: [Field]
    }

    /// Suggested fields by alias, from the query alone (`collections` are the stored ones).
    public static func suggestedFields(_ parsed: ViewQueryIdentifiers, collections: [Collection])
        throws(Failure) -> [String: Field] {
        var byAlias: [String: Collection] = [:]
        for table in parsed.tables where !table.alias.contains("(") {
            if let collection = collections.first(where: { $0.name == table.original }) {
                byAlias[table.alias] = collection
            }
        }
        let mainAlias = parsed.tables.first?.alias
        var result: [String: Field] = [:]
        for column in parsed.columns {
            let alias = column.alias
            let lower = column.original.lowercased()
            if alias == "id" {
                result[alias] = make(TextField.typeName, alias, ["system": true, "required": true,
                                                                "primaryKey": true, "pattern": "^[a-z0-9]+$"])
                continue
            }
            if lower.hasPrefix("count(") || lower.hasPrefix("total(") {
                result[alias] = make(NumberField.typeName, alias, [:])
                continue
            }
            if let castType = castType(lower) {
                switch castType {
                case "real", "integer", "int", "decimal", "numeric":
                    result[alias] = make(NumberField.typeName, alias, [:]); continue
                case "text":
                    result[alias] = make(TextField.typeName, alias, [:]); continue
                case "boolean", "bool":
                    result[alias] = make(BoolField.typeName, alias, [:]); continue
                default: break
                }
            }
            let parts = column.original.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let fieldName: String
            let collection: Collection?
            if parts.count == 2 {
                fieldName = parts[1]
                collection = byAlias[parts[0]]
            } else {
                fieldName = parts[0]
                collection = mainAlias.flatMap { byAlias[$0] }
            }
            guard let collection else {
                result[alias] = defaultField(alias)
                continue
            }
            if fieldName == "*" {
                throw Failure(message: "dynamic column names are not supported", fields: [])
            }
            guard let source = collection.fields.first(where: { $0.name.lowercased() == fieldName.lowercased() }) else {
                result[alias] = defaultField(alias)
                continue
            }
            if fieldName.lowercased() == "id" {
                result[alias] = make(RelationField.typeName, alias, ["maxSelect": 1,
                                                                    "collectionId": .string(collection.id)])
                continue
            }
            var json = source.json
            json["name"] = .string(alias)
            json["id"] = .string(Field.defaultID(type: source.typeName, name: alias))
            result[alias] = Field(json: json) ?? defaultField(alias)
        }
        return result
    }

    /// The view's fields for its database columns `columnNames`, in column order.
    public static func fields(columnNames: [String], query: String, collections: [Collection]) throws(Failure)
        -> [Field] {
        let parsed: ViewQueryIdentifiers
        do {
            parsed = try ViewQueryIdentifiers.parse(query)
        } catch {
            throw Failure(message: error.message, fields: [])
        }
        let suggested = try suggestedFields(parsed, collections: collections)
        let fields = columnNames.map { suggested[$0] ?? defaultField($0) }
        guard columnNames.contains("id") else { throw Failure(message: missingIDMessage, fields: fields) }
        return fields
    }

    /// The json field PocketBase uses for a column it cannot place.
    public static func defaultField(_ name: String) -> Field {
        make(JSONField.typeName, name, ["maxSize": 1])
    }

    private static func make(_ type: String, _ name: String, _ options: [String: JSONValue]) -> Field {
        var json = JSONObject()
        json["type"] = .string(type)
        json["name"] = .string(name)
        json["id"] = .string(Field.defaultID(type: type, name: name))
        for (key, value) in options { json[key] = value }
        return Field(json: json)!
    }

    /// The type of `cast(… as type)` (lowercased input), if the column is one.
    static func castType(_ lower: String) -> String? {
        guard lower.hasPrefix("cast"), lower.hasSuffix(")") else { return nil }
        guard let match = lower.firstMatch(of: try! Regex(#"^cast\s*\([\s\S]*\s+as\s+(\w+)\s*\)$"#)),
              let type = match.output[1].substring else { return nil }
        return String(type)
    }
}
