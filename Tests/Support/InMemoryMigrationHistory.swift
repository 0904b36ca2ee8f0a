public import PocketApplication
internal import Synchronization

/// A `MigrationHistory` kept in a dictionary: `applied()` lists rows ordered by file name.
public final class InMemoryMigrationHistory: MigrationHistory {
    private let rows: Mutex<[String: Int64]>

    /// A history holding `rows` (file name to microseconds).
    public init(_ rows: [String: Int64] = [:]) {
        self.rows = Mutex(rows)
    }

    public func applied() throws -> [AppliedMigration] {
        rows.withLock { rows in
            rows.keys.sorted().map { AppliedMigration(file: $0, applied: rows[$0]!) }
        }
    }

    public func markApplied(_ file: String, at microseconds: Int64) throws {
        rows.withLock { $0[file] = microseconds }
    }

    public func remove(_ files: [String]) throws {
        rows.withLock { rows in
            for file in files { rows[file] = nil }
        }
    }
}
