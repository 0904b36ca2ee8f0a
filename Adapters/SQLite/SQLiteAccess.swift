internal import PocketApplication

/// Where a store's statements run: the database (reads on the reader pool, each write in its own
/// transaction), or one connection already inside a write transaction (reads and writes on it,
/// each write in a savepoint, so a write that throws undoes only itself).
struct SQLiteAccess: @unchecked Sendable {
    // A transaction's connection is used only by the synchronous body it was handed to, on the
    // thread that holds the writer; it never escapes that call.
    private enum Target {
        case database(SQLiteDatabase)
        case transaction(SQLiteConnection)
    }

    private let target: Target

    static func database(_ database: SQLiteDatabase) -> SQLiteAccess { SQLiteAccess(target: .database(database)) }
    static func transaction(_ connection: SQLiteConnection) -> SQLiteAccess { SQLiteAccess(target: .transaction(connection)) }

    func read<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        switch target {
        case .database(let database): try database.read(body)
        case .transaction(let connection): try body(connection)
        }
    }

    func write<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        switch target {
        case .database(let database): try database.write(body)
        case .transaction(let connection): try connection.savepoint { try body(connection) }
        }
    }

    /// Runs `body` with a transaction-bound access: all of it commits, or none of it.
    func transaction<T: Sendable>(_ body: (SQLiteAccess) throws -> T) throws -> T {
        switch target {
        case .database(let database): try database.write { try body(.transaction($0)) }
        case .transaction: try body(self)
        }
    }
}
