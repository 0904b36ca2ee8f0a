internal import PocketApplication
internal import PocketDomain

/// PocketBase 0.28.4's fresh data directory: the system tables, copied byte for byte from the
/// reference's `sqlite_master`, the six system collections and the init migration rows.
enum PocketBaseSchema {
    /// `_migrations`.
    static let migrationsTable = "CREATE TABLE `_migrations` (file VARCHAR(255) PRIMARY KEY NOT NULL, applied INTEGER NOT NULL)"
    /// `_params`.
    static let paramsTable = [
        "CREATE TABLE `_params` (",
        "\t\t\t`id`      TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL,",
        "\t\t\t`value`   JSON DEFAULT NULL,",
        "\t\t\t`created` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL,",
        "\t\t\t`updated` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL",
        "\t\t)",
    ].joined(separator: "\n")
    /// `_collections`.
    static let collectionsTable = [
        "CREATE TABLE `_collections` (",
        "\t\t\t\t`id`         TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL,",
        "\t\t\t\t`system`     BOOLEAN DEFAULT FALSE NOT NULL,",
        "\t\t\t\t`type`       TEXT DEFAULT \"base\" NOT NULL,",
        "\t\t\t\t`name`       TEXT UNIQUE NOT NULL,",
        "\t\t\t\t`fields`     JSON DEFAULT \"[]\" NOT NULL,",
        "\t\t\t\t`indexes`    JSON DEFAULT \"[]\" NOT NULL,",
        "\t\t\t\t`listRule`   TEXT DEFAULT NULL,",
        "\t\t\t\t`viewRule`   TEXT DEFAULT NULL,",
        "\t\t\t\t`createRule` TEXT DEFAULT NULL,",
        "\t\t\t\t`updateRule` TEXT DEFAULT NULL,",
        "\t\t\t\t`deleteRule` TEXT DEFAULT NULL,",
        "\t\t\t\t`options`    JSON DEFAULT \"{}\" NOT NULL,",
        "\t\t\t\t`created`    TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL,",
        "\t\t\t\t`updated`    TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL",
        "\t\t\t)",
    ].joined(separator: "\n")
    /// `_collections`' index on `type`.
    static let collectionsTypeIndex = "CREATE INDEX idx__collections_type on `_collections` (`type`)"
    /// `_logs` in `auxiliary.db`, and its three indexes.
    static let auxiliary = [
        [
            "CREATE TABLE `_logs` (",
            "\t\t\t\t\t`id`      TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL,",
            "\t\t\t\t\t`level`   INTEGER DEFAULT 0 NOT NULL,",
            "\t\t\t\t\t`message` TEXT DEFAULT \"\" NOT NULL,",
            "\t\t\t\t\t`data`    JSON DEFAULT \"{}\" NOT NULL,",
            "\t\t\t\t\t`created` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL",
            "\t\t\t\t)",
        ].joined(separator: "\n"),
        "CREATE INDEX idx_logs_level on `_logs` (`level`)",
        "CREATE INDEX idx_logs_message on `_logs` (`message`)",
        "CREATE INDEX idx_logs_created_hour on `_logs` (strftime('%Y-%m-%d %H:00:00', `created`))",
    ]

    /// The migrations a fresh PocketBase 0.28.4 data directory records as applied, in order.
    static let initialMigrations = [
        "1640988000_aux_init.go",
        "1640988000_init.go",
        "1717233556_v0.23_migrate.go",
        "1717233557_v0.23_migrate2.go",
        "1717233558_v0.23_migrate3.go",
        "1717233559_v0.23_migrate4.go",
    ]

    /// True when `data.db` already holds `_collections` (then it is used as is).
    static func isInitialized(_ connection: SQLiteConnection, table: String) throws -> Bool {
        try connection.queryFirst("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(table)]) != nil
    }

    /// Creates the system tables, the system collections with their tables, and the migration rows.
    static func bootstrapData(on connection: SQLiteConnection, collections: SQLiteCollectionStore,
                              now: DateTime, secrets: () -> String) throws {
        for statement in [migrationsTable, paramsTable, collectionsTable, collectionsTypeIndex] {
            try connection.execute(statement)
        }
        for collection in SystemCollections.all(now: now, secrets: secrets) {
            try collections.create(collection, on: connection)
        }
        // PocketBase 0.28.4 stamps each row with the time it ran; one instant keeps them ordered by
        // (applied, file) as its migration runner sorts them.
        let applied = now.unixMilliseconds * 1000
        for file in initialMigrations {
            try connection.run("INSERT INTO `_migrations` (`file`, `applied`) VALUES (?, ?)",
                               [.text(file), .integer(applied)])
        }
    }

    /// Creates `_logs` and its indexes.
    static func bootstrapAuxiliary(on connection: SQLiteConnection) throws {
        for statement in auxiliary { try connection.execute(statement) }
    }
}
