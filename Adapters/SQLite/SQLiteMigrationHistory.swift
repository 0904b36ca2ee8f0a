public import PocketApplication

/// The `_migrations` table: applied migration files and when (unix microseconds).
public struct SQLiteMigrationHistory: MigrationHistory {
    /// The database holding `_migrations` (`data.db`).
    public let database: SQLiteDatabase

    /// A history over `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    /// Every row, ordered by file name.
    public func applied() throws -> [AppliedMigration] {
        let rows = try database.read { try $0.query("SELECT `file`, `applied` FROM `_migrations` ORDER BY `file`") }
        return rows.map { AppliedMigration(file: $0[0].text ?? "", applied: $0[1].integer ?? 0) }
    }

    /// Inserts or replaces the row of `file`.
    public func markApplied(_ file: String, at microseconds: Int64) throws {
        try database.write {
            try $0.run("INSERT OR REPLACE INTO `_migrations` (`file`, `applied`) VALUES (?, ?)",
                       [.text(file), .integer(microseconds)])
        }
    }

    /// Deletes the rows of `files` in one transaction.
    public func remove(_ files: [String]) throws {
        guard !files.isEmpty else { return }
        try database.write { connection in
            for file in files {
                try connection.run("DELETE FROM `_migrations` WHERE `file` = ?", [.text(file)])
            }
        }
    }
}
