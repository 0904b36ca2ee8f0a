/// How a collection maps to PocketBase's JSON: the `_collections` row's columns and the exported form.
extension Collection {
    /// Why a stored collection could not be read.
    public struct DecodingError: Error, Equatable, Sendable {
        public let message: String
    }

    /// Reads a collection from its `_collections` columns (`fields`, `indexes`, `options` as parsed JSON).
    public init(id: String, name: String, type: String, system: Bool, fields: JSONValue, indexes: JSONValue,
                rules: CollectionRules, options: JSONValue, created: DateTime, updated: DateTime) throws(DecodingError) {
        guard let kind = CollectionKind(rawValue: type) else {
            throw DecodingError(message: "collection \(name): unknown type \(type)")
        }
        var parsedFields: [Field] = []
        for item in fields.arrayValue ?? [] {
            guard let object = item.objectValue, let field = Field(json: object) else {
                throw DecodingError(message: "collection \(name): unreadable field \(JSONWriter.string(item))")
            }
            parsedFields.append(field)
        }
        let optionsObject = options.objectValue ?? JSONObject()
        self.init(id: id, name: name, kind: kind, system: system, fields: parsedFields,
                  indexes: indexes.arrayValue?.compactMap(\.stringValue) ?? [], rules: rules,
                  auth: kind == .auth ? AuthOptions(json: optionsObject) : nil,
                  viewQuery: kind == .view ? optionsObject.string("viewQuery") : nil,
                  created: created, updated: updated)
    }

    /// The `fields` column.
    public var fieldsJSON: JSONValue { .array(fields.map { .object($0.json) }) }

    /// The `indexes` column.
    public var indexesJSON: JSONValue { .array(indexes.map(JSONValue.string)) }

    /// The `options` column (secrets included: the database keeps them).
    public var optionsJSON: JSONValue {
        switch kind {
        case .base: .object(JSONObject())
        case .auth: .object((auth ?? AuthOptions()).json(includeSecrets: true))
        case .view: .object(JSONObject([("viewQuery", .string(viewQuery ?? ""))]))
        }
    }

    /// The collection as the API and exported migrations show it: options flattened beside the
    /// columns, token secrets left out.
    public func exportJSON(includeTimestamps: Bool) -> JSONObject {
        var o = JSONObject()
        o["id"] = .string(id)
        o["listRule"] = rules.list.map(JSONValue.string) ?? .null
        o["viewRule"] = rules.view.map(JSONValue.string) ?? .null
        o["createRule"] = rules.create.map(JSONValue.string) ?? .null
        o["updateRule"] = rules.update.map(JSONValue.string) ?? .null
        o["deleteRule"] = rules.delete.map(JSONValue.string) ?? .null
        o["name"] = .string(name)
        o["type"] = .string(kind.rawValue)
        o["fields"] = fieldsJSON
        o["indexes"] = indexesJSON
        o["system"] = .bool(system)
        if includeTimestamps {
            o["created"] = .string(created.description)
            o["updated"] = .string(updated.description)
        }
        switch kind {
        case .base: break
        case .auth:
            var options = auth ?? AuthOptions()
            // PocketBase 0.28.4: the API always shows `providers` as an array (the database keeps
            // null) and never shows a provider's client secret.
            options.oauth2.providers = (options.oauth2.providers ?? []).map { provider in
                guard var object = provider.objectValue else { return provider }
                object["clientSecret"] = nil
                return .object(object)
            }
            for (key, value) in options.json(includeSecrets: false) { o[key] = value }
        case .view:
            o["viewQuery"] = .string(viewQuery ?? "")
        }
        return o
    }
}
