public import PocketDomain

extension CollectionService {
    /// `PUT /api/collections/import`: creates and updates every listed collection (and with
    /// `deleteMissing` deletes the other non-system ones) all at once, or changes nothing.
    public func importCollections(_ body: JSONObject) throws {
        var items: [JSONObject] = []
        switch body["collections"] {
        case nil, .null?: break
        case .array(let values)?:
            for value in values {
                guard case .object(let object) = value else { throw ApplicationError.loadFailed }
                items.append(object)
            }
        default: throw ApplicationError.loadFailed
        }
        var deleteMissing = false
        switch body["deleteMissing"] {
        case nil, .null?: break
        case .bool(let flag)?: deleteMissing = flag
        default: throw ApplicationError.loadFailed
        }
        guard !items.isEmpty else { throw ApplicationError.validation(FieldErrors("collections", .required)) }

        let stored = registry.all
        var imported: [(collection: Collection, rawType: String?, old: Collection?)] = []
        for item in items {
            let identifier = item["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? item["name"]?.stringValue ?? ""
            let existing = identifier.isEmpty ? nil : registry.find(identifier)
            let (collection, rawType) = try loadImported(item, existing: existing, deleteMissing: deleteMissing,
                                                         takenIDs: Set(stored.map(\.id)))
            imported.append((collection, rawType, existing))
        }
        // Views last (they read the tables), then by age, as PocketBase 0.28.4 orders them.
        imported.sort { a, b in
            let viewA = a.collection.kind == .view && a.rawType == nil, viewB = b.collection.kind == .view && b.rawType == nil
            if viewA != viewB { return !viewA }
            return (a.collection.created, a.collection.updated) < (b.collection.created, b.collection.updated)
        }
        let importedIDs = Set(imported.map(\.collection.id))
        let deleted = deleteMissing ? stored.filter { !importedIDs.contains($0.id) && !$0.system } : []
        let deletedIDs = Set(deleted.map(\.id))
        let final = stored.filter { !deletedIDs.contains($0.id) && !importedIDs.contains($0.id) }
            + imported.map(\.collection)

        for entry in imported {
            let others = final.filter { $0.id != entry.collection.id }
            let errors = CollectionValidator.validate(entry.collection, old: entry.old, existing: others,
                                                      rawType: entry.rawType) { rule in
                rules.problem(rule, entry.collection, final)
            }
            guard errors.isEmpty else {
                let detail = JSONPrettyPrinter.string(.object(errors.json), prefix: "", indent: "  ")
                throw Self.importFailure(
                    "Data validations failed for collection \"\(entry.collection.name)\" (\(entry.collection.id)):\n\(detail)")
            }
        }
        var changes: [SchemaChange] = deleted.map { .delete($0) }
        for entry in imported {
            changes.append(entry.old.map { .update(old: $0, new: entry.collection) } ?? .create(entry.collection))
        }
        do {
            try store.apply(changes)
        } catch {
            throw Self.importFailure("Failed to import the collections configuration. Raw error:\n\(error)")
        }
        try registry.reload()
        for change in changes {
            switch change {
            case .create(let collection): automigrate?.created(collection)
            case .update(let old, let new): automigrate?.updated(from: old, to: new)
            case .delete(let collection): automigrate?.deleted(collection)
            }
        }
    }

    /// One imported item as a collection, with the raw type when it is unknown.
    private func loadImported(_ item: JSONObject, existing: Collection?, deleteMissing: Bool,
                              takenIDs: Set<String>) throws -> (Collection, String?) {
        let loaded = try Self.mapInputError {
            () throws(CollectionInputError) in
            try CollectionInput.loadImported(from: item, existing: existing, deleteMissing: deleteMissing,
                                             now: clock.now(), secrets: { random.secret() }, takenIDs: takenIDs)
        }
        return (loaded.collection, loaded.rawType)
    }

    static func importFailure(_ message: String) -> ApplicationError {
        .badRequest("Failed to import collections.", FieldErrors("collections", ValidationError(
            code: "validation_collections_import_failure", message: message)))
    }
}
