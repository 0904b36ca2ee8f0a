internal import PocketApplication
internal import PocketDomain

/// A view query's columns, read from a temporary view that is never committed.
extension SQLiteCollectionStore {
    public func viewColumns(_ query: String) throws -> [String] {
        let body = ViewQueryIdentifiers.trimmed(query)
        let name = "_temp_view_columns"
        do {
            return try database.write { connection -> [String] in
                try connection.execute("DROP VIEW IF EXISTS `\(name)`")
                try connection.execute("CREATE VIEW `\(name)` AS SELECT * FROM (\(body))")
                let rows = try connection.query("PRAGMA table_info(`\(name)`)")
                try connection.execute("DROP VIEW IF EXISTS `\(name)`")
                guard !rows.isEmpty else {
                    throw StoreError.failure("empty table info probably due to invalid or missing table")
                }
                return rows.map { $0[1].text ?? "" }
            }
        } catch StoreError.failure(let message) {
            throw StoreError.invalidViewQuery(collection: "", message: Self.plainMessage(message))
        }
    }

    /// SQLite's message without the adapter's "(code N)" suffix.
    static func plainMessage(_ message: String) -> String {
        guard let cut = message.firstRange(of: " (code ") else { return message }
        return String(message[..<cut.lowerBound])
    }
}
