import PocketApplication
import PocketDomain
import PocketTestSupport
import Testing

@Suite("MigrationService")
struct MigrationServiceTests {
    /// PocketBase's fresh collections, with recognizable token secrets.
    static let systemCollections = SystemCollections.all(now: testNow, secrets: { "tokensecretvalue0123456789" })

    static func service(history: any MigrationHistory = InMemoryMigrationHistory(),
                        files: any MigrationFileStore = InMemoryMigrationFileStore(),
                        collections: [Collection] = systemCollections,
                        clock: FixedClock = FixedClock(testNow)) throws -> MigrationService {
        MigrationService(history: history, files: files,
                         collections: try CollectionRegistry(store: FixedCollectionStore(collections)), clock: clock)
    }

    static func systemHistory(extra: [String: Int64] = [:]) -> InMemoryMigrationHistory {
        var rows: [String: Int64] = [:]
        for (index, file) in MigrationService.systemMigrations.enumerated() { rows[file] = 1_000 + Int64(index) }
        rows.merge(extra) { $1 }
        return InMemoryMigrationHistory(rows)
    }

    @Test("pending lists the .js files not in the history, in name order")
    func pending() throws {
        let files = InMemoryMigrationFileStore(files: [
            "1700000002_b.js": "", "1700000001_a.js": "", "1700000003_c.js": "", "README.md": "",
            "1700000004_d.go": "",
        ])
        let service = try Self.service(history: Self.systemHistory(extra: ["1700000002_b.js": 5_000]), files: files)
        #expect(try service.pending() == ["1700000001_a.js", "1700000003_c.js"])
    }

    @Test("pending is empty when every file is applied or there are none")
    func nothingPending() throws {
        #expect(try Self.service(history: Self.systemHistory()).pending() == [])
        let files = InMemoryMigrationFileStore(files: ["1_a.js": ""])
        #expect(try Self.service(history: InMemoryMigrationHistory(["1_a.js": 1]), files: files).pending() == [])
    }

    @Test("syncHistory drops .js rows without files and keeps the .go system rows")
    func syncHistory() throws {
        let history = Self.systemHistory(extra: ["1700000001_kept.js": 1, "1700000002_gone.js": 2,
                                                 "1700000003_custom.go": 3])
        let files = InMemoryMigrationFileStore(files: ["1700000001_kept.js": "", "1700000009_new.js": ""])
        try Self.service(history: history, files: files).syncHistory()
        #expect(try history.applied().map(\.file)
            == (MigrationService.systemMigrations + ["1700000001_kept.js", "1700000003_custom.go"]).sorted())
    }

    @Test("syncHistory leaves the history alone when nothing is stale")
    func syncHistoryNoop() throws {
        let history = Self.systemHistory()
        try Self.service(history: history).syncHistory()
        #expect(try history.applied().map(\.file) == MigrationService.systemMigrations.sorted())
    }

    @Test("newFilePath uses the clock's unix seconds and the store's directory")
    func newFilePath() throws {
        let clock = FixedClock(testNow)
        let service = try Self.service(files: InMemoryMigrationFileStore(directory: "/srv/app/pb_migrations"),
                                       clock: clock)
        let made = service.newFilePath(named: "add_posts")
        #expect(made.file == "1704164645_add_posts.js")
        #expect(made.path == "/srv/app/pb_migrations/1704164645_add_posts.js")
        clock.advance(seconds: 10)
        #expect(service.newFilePath(named: "x").file == "1704164655_x.js")
    }

    @Test("createBlank writes PocketBase's blank template")
    func createBlank() throws {
        let files = InMemoryMigrationFileStore()
        let path = try Self.service(files: files).createBlank(file: "1704164645_blank.js")
        #expect(path == "pb_migrations/1704164645_blank.js")
        #expect(files.contents(of: "1704164645_blank.js") == MigrationTemplates.blank)
        #expect(MigrationTemplates.blank == """
            /// <reference path="../pb_data/types.d.ts" />
            migrate((app) => {
              // add up queries...
            }, (app) => {
              // add down queries...
            })

            """)
    }

    @Test("createSnapshot writes every collection without secrets or timestamps")
    func createSnapshot() throws {
        let files = InMemoryMigrationFileStore()
        let path = try Self.service(files: files).createSnapshot(file: "1704164645_collections_snapshot.js")
        #expect(path == "pb_migrations/1704164645_collections_snapshot.js")
        let text = try #require(files.contents(of: "1704164645_collections_snapshot.js"))
        #expect(text == MigrationTemplates.snapshot(of: Self.systemCollections))
        #expect(text.hasPrefix(
            "/// <reference path=\"../pb_data/types.d.ts\" />\nmigrate((app) => {\n  const snapshot = ["))
        #expect(text.hasSuffix("\n  ];\n\n  return app.importCollections(snapshot, false);\n}, (app) => {\n  return null;\n})\n"))
        #expect(text.contains("\"name\": \"_superusers\""))
        #expect(text.contains("\"name\": \"users\""))
        #expect(text.contains("\"id\": \"_pb_users_auth_\""))
        #expect(!text.contains("secret"))
        #expect(!text.contains("tokensecretvalue"))
        #expect(!text.contains("\"created\": \"2024"))
    }

    @Test("a snapshot of no collections is an empty list")
    func emptySnapshot() throws {
        let files = InMemoryMigrationFileStore()
        _ = try Self.service(files: files, collections: []).createSnapshot(file: "1_empty.js")
        #expect(files.contents(of: "1_empty.js") == """
            /// <reference path="../pb_data/types.d.ts" />
            migrate((app) => {
              const snapshot = [];

              return app.importCollections(snapshot, false);
            }, (app) => {
              return null;
            })

            """)
    }

    @Test("lastApplied lists the newest first, ties broken by file name descending")
    func lastApplied() throws {
        let history = InMemoryMigrationHistory([
            "1_a.js": 100, "2_b.js": 300, "3_c.js": 200, "4_d.js": 300, "0_z.go": 50,
        ])
        let service = try Self.service(history: history)
        #expect(try service.lastApplied(3) == ["4_d.js", "2_b.js", "3_c.js"])
        #expect(try service.lastApplied(10) == ["4_d.js", "2_b.js", "3_c.js", "1_a.js", "0_z.go"])
        #expect(try service.lastApplied(0) == [])
        #expect(try service.lastApplied(-1) == [])
    }

    @Test("markApplied stamps the clock time in microseconds")
    func markApplied() throws {
        let history = InMemoryMigrationHistory()
        try Self.service(history: history).markApplied("1_a.js")
        #expect(try history.applied() == [AppliedMigration(file: "1_a.js", applied: 1_704_164_645_678_000)])
    }

    @Test("the system migrations are PocketBase 0.28.4's six Go files")
    func systemMigrations() {
        #expect(MigrationService.systemMigrations == [
            "1640988000_aux_init.go", "1640988000_init.go", "1717233556_v0.23_migrate.go",
            "1717233557_v0.23_migrate2.go", "1717233558_v0.23_migrate3.go", "1717233559_v0.23_migrate4.go",
        ])
    }
}
