internal import PocketDomain

/// The `migrate` commands: what is pending, new migration files and the history table.
public struct MigrationService: Sendable {
    /// The Go migrations PocketBase 0.28.4 applies to a fresh data directory; they are part of the
    /// server, not files, and are never pruned from the history.
    public static let systemMigrations = [
        "1640988000_aux_init.go", "1640988000_init.go", "1717233556_v0.23_migrate.go",
        "1717233557_v0.23_migrate2.go", "1717233558_v0.23_migrate3.go", "1717233559_v0.23_migrate4.go",
    ]

    private let history: any MigrationHistory
    private let files: any MigrationFileStore
    private let collections: CollectionRegistry
    private let clock: any Clock

    public init(history: any MigrationHistory, files: any MigrationFileStore, collections: CollectionRegistry,
                clock: any Clock) {
        self.history = history
        self.files = files
        self.collections = collections
        self.clock = clock
    }

    /// JS migration files not yet in the history, in name order.
    public func pending() throws -> [String] {
        let applied = Set(try history.applied().map(\.file))
        return try files.list().filter { !applied.contains($0) }
    }

    /// The path a new migration file named `name` would get now.
    public func newFilePath(named name: String) -> (file: String, path: String) {
        let file = "\(clock.now().unixSeconds)_\(name).js"
        return (file, files.directory + "/" + file)
    }

    /// Writes a blank migration; returns its path.
    public func createBlank(file: String) throws -> String {
        try files.write(name: file, contents: MigrationTemplates.blank)
    }

    /// Writes a snapshot of every collection; returns its path.
    public func createSnapshot(file: String) throws -> String {
        try files.write(name: file, contents: MigrationTemplates.snapshot(of: collections.all))
    }

    /// Drops history rows of JS migration files that no longer exist.
    public func syncHistory() throws {
        let available = Set(try files.list())
        let stale = try history.applied().map(\.file).filter { $0.hasSuffix(".js") && !available.contains($0) }
        if !stale.isEmpty { try history.remove(stale) }
    }

    /// The last `count` applied migrations, newest first.
    public func lastApplied(_ count: Int) throws -> [String] {
        let rows = try history.applied().sorted { ($0.applied, $0.file) > ($1.applied, $1.file) }
        return Array(rows.prefix(max(count, 0)).map(\.file))
    }

    /// Records a migration file as applied now.
    public func markApplied(_ file: String) throws {
        try history.markApplied(file, at: clock.now().unixMilliseconds * 1000)
    }
}
