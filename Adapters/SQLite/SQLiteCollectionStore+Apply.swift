public import PocketApplication
internal import PocketDomain
internal import PocketSQL

/// Schema changes: `_collections` rows and the tables behind them, in one transaction.
extension SQLiteCollectionStore {
    public func apply(_ changes: [SchemaChange]) throws {
        try database.write { connection in
            for change in changes {
                switch change {
                case .create(let collection):
                    try insertRow(collection, on: connection)
                    try run(ddl.createSteps(for: collection), for: collection, on: connection)
                case .update(let old, let new):
                    try updateRow(old: old, new: new, on: connection)
                    try run(ddl.alterSteps(from: old, to: new), for: new, on: connection)
                case .delete(let collection):
                    try connection.run("DELETE FROM `_collections` WHERE `id` = ?", [.text(collection.id)])
                    try run(ddl.deleteSteps(for: collection), for: collection, on: connection)
                }
            }
        }
    }

    private func run(_ steps: [SchemaDDL.Step], for collection: Collection, on connection: SQLiteConnection) throws {
        for step in steps {
            switch step {
            case .statement(let sql):
                do {
                    try connection.execute(sql)
                } catch StoreError.failure(let message) where collection.kind == .view {
                    throw StoreError.invalidViewQuery(collection: collection.name, message: Self.plain(message))
                }
            case .index(let position, let name, let sql):
                do {
                    try connection.execute(sql)
                } catch StoreError.failure(let message) {
                    throw StoreError.invalidIndex(collection: collection.name, position: position, name: name,
                                                  message: Self.plain(message))
                } catch StoreError.uniqueViolation {
                    throw StoreError.invalidIndex(collection: collection.name, position: position, name: name,
                                                  message: "UNIQUE constraint failed")
                }
            }
        }
    }

    /// SQLite's message without the adapter's "(code N)" suffix.
    private static func plain(_ message: String) -> String {
        guard let cut = message.firstRange(of: " (code ") else { return message }
        return String(message[..<cut.lowerBound])
    }
}
