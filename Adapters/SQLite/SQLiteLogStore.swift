public import PocketApplication
internal import PocketDomain

/// `_logs` in auxiliary.db.
public struct SQLiteLogStore: LogStore {
    public let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func insert(_ entries: [LogEntry]) throws {
        try database.write { connection in
            for entry in entries {
                try connection.run(
                    "INSERT INTO `_logs` (`id`, `level`, `message`, `data`, `created`) VALUES (?, ?, ?, ?, ?)",
                    [.text(entry.id), .integer(Int64(entry.level)), .text(entry.message),
                     .text(JSONWriter.string(.object(entry.data))), .text(entry.created.description)])
            }
        }
    }
}
