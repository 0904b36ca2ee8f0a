@testable import PocketDomain

/// Shared fixtures for the collection input and validator suites.
enum CollectionFixtures {
    static let now = DateTime(unixMilliseconds: 1_704_164_645_678)

    /// A fresh data directory's collections, secrets numbered.
    static func system() -> [Collection] {
        var n = 0
        return SystemCollections.all(now: now, secrets: { n += 1; return "systemsecret\(n)-0123456789abcdefghijklmnop" })
    }

    static func secrets() -> () -> String {
        var n = 0
        return { n += 1; return "newsecret\(n)-0123456789abcdefghijklmnopqrstu" }
    }

    static func object(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }

    /// Builds a collection from a body, as a create (no `existing`) or an update.
    static func build(_ body: JSONValue, existing: Collection? = nil) throws(CollectionInputError) -> Collection {
        try CollectionInput.build(from: object(body), existing: existing, now: now, secrets: secrets(),
                                  takenIDs: Set(system().map(\.id)))
    }

    /// A stand-in rule checker: any rule mentioning `missing` or ending in an operator is invalid.
    static func ruleProblem(_ rule: String) -> ValidationError? {
        guard rule.contains("missing") || rule.hasSuffix("=") || rule.contains("((") || rule.contains("nope") else {
            return nil
        }
        return ValidationError(code: "validation_invalid_rule", message: "Invalid rule.")
    }

    /// Builds and validates a body; the error tree reduced to codes (`{}` when valid).
    static func errorCodes(_ body: JSONValue, old: Collection? = nil, others: [Collection] = []) throws -> JSONValue {
        var existing = system() + others
        if let old, !existing.contains(where: { $0.id == old.id }) { existing.append(old) }
        let (collection, rawType) = load(body, old: old, existing: existing)
        let errors = CollectionValidator.validate(collection, old: old, existing: existing, rawType: rawType,
                                                  ruleProblem: ruleProblem)
        return .object(codes(errors))
    }

    /// The built collection, or the partial one (and its type) for an unknown type.
    static func load(_ body: JSONValue, old: Collection?, existing: [Collection]) -> (Collection, String?) {
        do {
            let loaded = try CollectionInput.load(from: object(body), existing: old, now: now, secrets: secrets(),
                                                  takenIDs: Set(existing.map(\.id)))
            var c = loaded.collection
            // The adapter infers a view's fields from its query before validation; stand in for it.
            if loaded.rawType == nil, c.kind == .view, !(c.viewQuery ?? "").isEmpty { c.fields = [SystemCollections.idField()] }
            return (c, loaded.rawType)
        } catch {
            fatalError("unexpected \(error)")
        }
    }

    /// `lib.records_helpers.error_codes`: each error replaced by its code, nesting kept.
    static func codes(_ errors: FieldErrors) -> JSONObject {
        var o = JSONObject()
        for (field, error) in errors.entries {
            o[field] = error.nested.map { .object(codes($0)) } ?? .string(error.code)
        }
        return o
    }

    /// A valid, stored collection made through the builder.
    static func stored(_ body: JSONValue) throws -> Collection {
        try build(body)
    }

    static func names(_ c: Collection) -> [String] { c.fields.map(\.name) }
}

/// `lib.records_helpers.id_field()` and `auth_system_fields()`, as JSON text.
enum ReferenceFields {
    static let id: JSONValue = [
        "autogeneratePattern": "[a-z0-9]{15}", "hidden": false, "id": "text3208210256", "max": 15, "min": 15,
        "name": "id", "pattern": "^[a-z0-9]+$", "presentable": false, "primaryKey": true, "required": true,
        "system": true, "type": "text",
    ]

    static let auth: [JSONValue] = [
        id,
        ["cost": 0, "hidden": true, "id": "password901924565", "max": 0, "min": 8, "name": "password", "pattern": "",
         "presentable": false, "required": true, "system": true, "type": "password"],
        ["autogeneratePattern": "[a-zA-Z0-9]{50}", "hidden": true, "id": "text2504183744", "max": 60, "min": 30,
         "name": "tokenKey", "pattern": "", "presentable": false, "primaryKey": false, "required": true,
         "system": true, "type": "text"],
        ["exceptDomains": nil, "hidden": false, "id": "email3885137012", "name": "email", "onlyDomains": nil,
         "presentable": false, "required": true, "system": true, "type": "email"],
        ["hidden": false, "id": "bool1547992806", "name": "emailVisibility", "presentable": false, "required": false,
         "system": true, "type": "bool"],
        ["hidden": false, "id": "bool256245529", "name": "verified", "presentable": false, "required": false,
         "system": true, "type": "bool"],
    ]
}
