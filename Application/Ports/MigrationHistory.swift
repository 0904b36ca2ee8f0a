/// One row of `_migrations`.
public struct AppliedMigration: Sendable, Equatable {
    public let file: String
    /// Microseconds since the epoch, as PocketBase writes it.
    public let applied: Int64

    public init(file: String, applied: Int64) {
        self.file = file
        self.applied = applied
    }
}

/// The `_migrations` table.
///
/// Contract: `applied()` lists rows ordered by file name; `markApplied` inserts or replaces a row.
public protocol MigrationHistory: Sendable {
    func applied() throws -> [AppliedMigration]
    func markApplied(_ file: String, at microseconds: Int64) throws
    func remove(_ files: [String]) throws
}
