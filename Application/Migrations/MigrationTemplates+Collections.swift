public import PocketDomain

/// The automigrate files PocketBase 0.28.4 writes for each collection change (with its JS VM),
/// so a project's `pb_migrations` replays on either server.
extension MigrationTemplates {
    /// `<ts>_created_<name>.js`.
    public static func created(_ collection: Collection) -> String {
        header + """
            migrate((app) => {
              const collection = new Collection(\(json(collection)));

              return app.save(collection);
            }, (app) => {
              const collection = app.findCollectionByNameOrId(\(quote(collection.id)));

              return app.delete(collection);
            })

            """
    }

    /// `<ts>_deleted_<name>.js`.
    public static func deleted(_ collection: Collection) -> String {
        header + """
            migrate((app) => {
              const collection = app.findCollectionByNameOrId(\(quote(collection.id)));

              return app.delete(collection);
            }, (app) => {
              const collection = new Collection(\(json(collection)));

              return app.save(collection);
            })

            """
    }

    /// `<ts>_updated_<old name>.js`: the differences, both ways; nil when nothing changed.
    public static func updated(from old: Collection, to new: Collection) -> String? {
        let up = diff(from: old, to: new), down = diff(from: new, to: old)
        guard !up.isEmpty || !down.isEmpty else { return nil }
        func body(_ parts: [String], id: String) -> String {
            """
              const collection = app.findCollectionByNameOrId(\(quote(id)))

              \(parts.joined(separator: "\n\n  "))

              return app.save(collection)
            """
        }
        return header + "migrate((app) => {\n\(body(up, id: old.id))\n}, (app) => {\n\(body(down, id: new.id))\n})\n"
    }

    /// The statements that turn `old` into `new`: changed properties, removed, added and changed fields.
    static func diff(from old: Collection, to new: Collection) -> [String] {
        var parts: [String] = []
        let before = old.exportJSON(includeTimestamps: false), after = new.exportJSON(includeTimestamps: false)
        var changed = JSONObject()
        for (key, value) in after where key != "fields" && before[key] != value { changed[key] = value }
        if !changed.isEmpty {
            parts.append("// update collection data\n  unmarshal(\(pretty(.object(changed))), collection)")
        }
        let newIDs = Set(new.fields.map(\.id)), oldByID = Dictionary(old.fields.map { ($0.id, $0) }) { a, _ in a }
        for field in old.fields where !newIDs.contains(field.id) {
            parts.append("// remove field\n  collection.fields.removeById(\(quote(field.id)))")
        }
        for (index, field) in new.fields.enumerated() where oldByID[field.id] == nil {
            parts.append("// add field\n  collection.fields.addAt(\(index), new Field(\(pretty(.object(field.json)))))")
        }
        for (index, field) in new.fields.enumerated() {
            guard let previous = oldByID[field.id], previous.json != field.json else { continue }
            parts.append("// update field\n  collection.fields.addAt(\(index), new Field(\(pretty(.object(field.json)))))")
        }
        return parts
    }

    private static func json(_ collection: Collection) -> String {
        pretty(.object(collection.exportJSON(includeTimestamps: false)))
    }

    private static func pretty(_ value: JSONValue) -> String {
        JSONPrettyPrinter.string(value, prefix: "  ", indent: "  ")
    }

    private static func quote(_ text: String) -> String { JSONWriter.string(.string(text)) }
}
