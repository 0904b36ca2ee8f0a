import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

// Expected values copied from a data directory made by PocketBase 0.28.4
// (`pocketbase superuser upsert … --dir ./pb_data`, then `pragma table_info` / `sqlite_master`).
private let idDefault = "'r'||lower(hex(randomblob(7)))"
private let nowDefault = "strftime('%Y-%m-%d %H:%M:%fZ')"

private let expectedColumns: [String: [ColumnInfo]] = [
    "_collections": [
        ColumnInfo("id", "TEXT", 1, idDefault, 1),
        ColumnInfo("system", "BOOLEAN", 1, "FALSE", 0),
        ColumnInfo("type", "TEXT", 1, "\"base\"", 0),
        ColumnInfo("name", "TEXT", 1, nil, 0),
        ColumnInfo("fields", "JSON", 1, "\"[]\"", 0),
        ColumnInfo("indexes", "JSON", 1, "\"[]\"", 0),
        ColumnInfo("listRule", "TEXT", 0, "NULL", 0),
        ColumnInfo("viewRule", "TEXT", 0, "NULL", 0),
        ColumnInfo("createRule", "TEXT", 0, "NULL", 0),
        ColumnInfo("updateRule", "TEXT", 0, "NULL", 0),
        ColumnInfo("deleteRule", "TEXT", 0, "NULL", 0),
        ColumnInfo("options", "JSON", 1, "\"{}\"", 0),
        ColumnInfo("created", "TEXT", 1, nowDefault, 0),
        ColumnInfo("updated", "TEXT", 1, nowDefault, 0),
    ],
    "_params": [
        ColumnInfo("id", "TEXT", 1, idDefault, 1),
        ColumnInfo("value", "JSON", 0, "NULL", 0),
        ColumnInfo("created", "TEXT", 1, nowDefault, 0),
        ColumnInfo("updated", "TEXT", 1, nowDefault, 0),
    ],
    "_migrations": [
        ColumnInfo("file", "VARCHAR(255)", 1, nil, 1),
        ColumnInfo("applied", "INTEGER", 1, nil, 0),
    ],
    "_superusers": [
        ColumnInfo("created", "TEXT", 1, "''", 0),
        ColumnInfo("email", "TEXT", 1, "''", 0),
        ColumnInfo("emailVisibility", "BOOLEAN", 1, "FALSE", 0),
        ColumnInfo("id", "TEXT", 1, idDefault, 1),
        ColumnInfo("password", "TEXT", 1, "''", 0),
        ColumnInfo("tokenKey", "TEXT", 1, "''", 0),
        ColumnInfo("updated", "TEXT", 1, "''", 0),
        ColumnInfo("verified", "BOOLEAN", 1, "FALSE", 0),
    ],
    "_otps": [
        ColumnInfo("collectionRef", "TEXT", 1, "''", 0),
        ColumnInfo("created", "TEXT", 1, "''", 0),
        ColumnInfo("id", "TEXT", 1, idDefault, 1),
        ColumnInfo("password", "TEXT", 1, "''", 0),
        ColumnInfo("recordRef", "TEXT", 1, "''", 0),
        ColumnInfo("sentTo", "TEXT", 1, "''", 0),
        ColumnInfo("updated", "TEXT", 1, "''", 0),
    ],
    "users": [
        ColumnInfo("avatar", "TEXT", 1, "''", 0),
        ColumnInfo("created", "TEXT", 1, "''", 0),
        ColumnInfo("email", "TEXT", 1, "''", 0),
        ColumnInfo("emailVisibility", "BOOLEAN", 1, "FALSE", 0),
        ColumnInfo("id", "TEXT", 1, idDefault, 1),
        ColumnInfo("name", "TEXT", 1, "''", 0),
        ColumnInfo("password", "TEXT", 1, "''", 0),
        ColumnInfo("tokenKey", "TEXT", 1, "''", 0),
        ColumnInfo("updated", "TEXT", 1, "''", 0),
        ColumnInfo("verified", "BOOLEAN", 1, "FALSE", 0),
    ],
]

private let expectedIndexes: [String: [String]] = [
    "_collections": ["CREATE INDEX idx__collections_type on `_collections` (`type`)"],
    "_mfas": ["CREATE INDEX `idx_mfas_collectionRef_recordRef` ON `_mfas` (\n  `collectionRef`,\n  `recordRef`\n)"],
    "_otps": ["CREATE INDEX `idx_otps_collectionRef_recordRef` ON `_otps` (\n  `collectionRef`,\n  `recordRef`\n)"],
    "_externalAuths": [
        "CREATE UNIQUE INDEX `idx_externalAuths_record_provider` ON `_externalAuths` (\n  `collectionRef`,\n  `recordRef`,\n  `provider`\n)",
        "CREATE UNIQUE INDEX `idx_externalAuths_collection_provider` ON `_externalAuths` (\n  `collectionRef`,\n  `provider`,\n  `providerId`\n)",
    ],
    "_authOrigins": [
        "CREATE UNIQUE INDEX `idx_authOrigins_unique_pairs` ON `_authOrigins` (\n  `collectionRef`,\n  `recordRef`,\n  `fingerprint`\n)",
    ],
    "_superusers": [
        "CREATE UNIQUE INDEX `idx_tokenKey_pbc_3142635823` ON `_superusers` (`tokenKey`)",
        "CREATE UNIQUE INDEX `idx_email_pbc_3142635823` ON `_superusers` (`email`) WHERE `email` != ''",
    ],
    "users": [
        "CREATE UNIQUE INDEX `idx_tokenKey__pb_users_auth_` ON `users` (`tokenKey`)",
        "CREATE UNIQUE INDEX `idx_email__pb_users_auth_` ON `users` (`email`) WHERE `email` != ''",
    ],
]

@Suite("Data directory bootstrap")
struct BootstrapTests {
    @Test("a fresh data.db has the reference's column definitions")
    func columns() throws {
        try withDataDirectory { directory, _ throws in
            #expect(directory.didBootstrap)
            for (table, expected) in expectedColumns.sorted(by: { $0.key < $1.key }) {
                #expect(try directory.data.columns(of: table) == expected, "table \(table)")
            }
        }
    }

    @Test("index SQL equals the reference's byte for byte")
    func indexes() throws {
        try withDataDirectory { directory, _ throws in
            for (table, expected) in expectedIndexes.sorted(by: { $0.key < $1.key }) {
                #expect(try directory.data.indexSQL(of: table) == expected, "table \(table)")
            }
        }
    }

    @Test("the six system tables exist and nothing else")
    func tables() throws {
        try withDataDirectory { directory, _ throws in
            let names = try directory.data.read { connection in
                try connection.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
            }.compactMap { $0[0].text }
            #expect(names == ["_migrations", "_params", "_collections", "_mfas", "_otps", "_externalAuths",
                              "_authOrigins", "_superusers", "users"])
        }
    }

    @Test("the init migrations are recorded with the clock's time in microseconds")
    func migrations() throws {
        try withDataDirectory { directory, _ throws in
            let applied = try directory.migrations.applied()
            let micros = testNow.unixMilliseconds * 1000
            #expect(applied == [
                AppliedMigration(file: "1640988000_aux_init.go", applied: micros),
                AppliedMigration(file: "1640988000_init.go", applied: micros),
                AppliedMigration(file: "1717233556_v0.23_migrate.go", applied: micros),
                AppliedMigration(file: "1717233557_v0.23_migrate2.go", applied: micros),
                AppliedMigration(file: "1717233558_v0.23_migrate3.go", applied: micros),
                AppliedMigration(file: "1717233559_v0.23_migrate4.go", applied: micros),
            ])
        }
    }

    @Test("the stored collections read back equal to SystemCollections.all")
    func collections() throws {
        try withDataDirectory(seed: 42) { directory, _ throws in
            let random = SequentialRandom(seed: 42)
            let expected = SystemCollections.all(now: testNow, secrets: { random.secret() })
            let loaded = try directory.collections.loadCollections()
            #expect(loaded.map(\.name) == ["_mfas", "_otps", "_externalAuths", "_authOrigins", "_superusers", "users"])
            #expect(loaded == expected)
            #expect(loaded.map(\.fields) == expected.map(\.fields))
            #expect(loaded[4].auth?.authToken.secret.count == 50)
        }
    }

    @Test("_params stays empty: the settings row is the application's")
    func paramsEmpty() throws {
        try withDataDirectory { directory, _ throws in
            #expect(try directory.params.param("settings") == nil)
        }
    }

    @Test("auxiliary.db gets _logs and its three indexes")
    func auxiliary() throws {
        try withDataDirectory { directory, _ throws in
            #expect(try directory.auxiliary.columns(of: "_logs") == [
                ColumnInfo("id", "TEXT", 1, idDefault, 1),
                ColumnInfo("level", "INTEGER", 1, "0", 0),
                ColumnInfo("message", "TEXT", 1, "\"\"", 0),
                ColumnInfo("data", "JSON", 1, "\"{}\"", 0),
                ColumnInfo("created", "TEXT", 1, nowDefault, 0),
            ])
            #expect(try directory.auxiliary.indexSQL(of: "_logs") == [
                "CREATE INDEX idx_logs_level on `_logs` (`level`)",
                "CREATE INDEX idx_logs_message on `_logs` (`message`)",
                "CREATE INDEX idx_logs_created_hour on `_logs` (strftime('%Y-%m-%d %H:00:00', `created`))",
            ])
        }
    }

    @Test("reopening an initialized directory does not bootstrap again")
    func reopen() throws {
        try TemporaryDirectory.with { temp throws in
            let path = temp.path + "/pb_data"
            let first = try SQLiteDataDirectory(path: path, clock: FixedClock(testNow), random: SequentialRandom())
            let before = try first.collections.loadCollections()
            first.close()

            let later = FixedClock(testNow.adding(seconds: 3600))
            let second = try SQLiteDataDirectory(path: path, clock: later, random: SequentialRandom(seed: 9))
            defer { second.close() }
            #expect(!second.didBootstrap)
            #expect(try second.collections.loadCollections() == before)
            #expect(try second.migrations.applied().count == 6)
        }
    }

    @Test("the journal is WAL")
    func journalMode() throws {
        try withDataDirectory { directory, _ throws in
            let mode = try directory.data.withWriterConnection { try $0.queryFirst("PRAGMA journal_mode")?[0].text }
            #expect(mode == "wal")
        }
    }
}
