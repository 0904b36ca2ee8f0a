import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

@Suite("SQLiteParamStore and SQLiteMigrationHistory")
struct ParamStoreTests {
    @Test("blob and text values round trip with their storage class")
    func blobAndText() throws {
        try withDataDirectory { directory, _ throws in
            let params = directory.params
            try params.setParam("settings", .blob(Array(#"{"meta":{}}"#.utf8)))
            try params.setParam("secret", .text("ciphertext=="))
            #expect(try params.param("settings") == .blob(Array(#"{"meta":{}}"#.utf8)))
            #expect(try params.param("secret") == .text("ciphertext=="))
            #expect(try params.param("missing") == nil)
            let types = try directory.data.read {
                try $0.query("SELECT id, typeof(value) FROM _params ORDER BY id")
            }.map { "\($0[0].text ?? "")=\($0[1].text ?? "")" }
            #expect(types == ["secret=text", "settings=blob"])
        }
    }

    @Test("replacing a param keeps created and moves updated")
    func keepsCreated() throws {
        try withDataDirectory { directory, clock throws in
            try directory.params.setParam("settings", .blob([1]))
            clock.advance(seconds: 60)
            try directory.params.setParam("settings", .blob([2]))
            let row = try #require(try directory.data.read {
                try $0.queryFirst("SELECT created, updated FROM _params WHERE id = 'settings'")
            })
            #expect(row[0] == .text(testNow.description))
            #expect(row[1] == .text(testNow.adding(seconds: 60).description))
            #expect(try directory.params.param("settings") == .blob([2]))
        }
    }

    @Test("migration history marks, lists by file and removes")
    func migrationHistory() throws {
        try withDataDirectory { directory, _ throws in
            let history = directory.migrations
            try history.markApplied("1700000000_created_posts.js", at: 5)
            try history.markApplied("1700000000_created_posts.js", at: 6)
            #expect(try history.applied().last == AppliedMigration(file: "1717233559_v0.23_migrate4.go",
                                                                  applied: testNow.unixMilliseconds * 1000))
            #expect(try history.applied().contains(AppliedMigration(file: "1700000000_created_posts.js", applied: 6)))
            try history.remove(["1700000000_created_posts.js"])
            #expect(try history.applied().count == 6)
        }
    }

    @Test("a failed write rolls back and the database stays usable")
    func rollback() throws {
        try withDataDirectory { directory, _ throws in
            struct Boom: Error {}
            #expect(throws: Boom.self) {
                try directory.data.write { connection in
                    try connection.run("INSERT INTO _params (id, value) VALUES ('x', 'y')")
                    throw Boom()
                }
            }
            #expect(try directory.params.param("x") == nil)
            try directory.params.setParam("x", .text("z"))
            #expect(try directory.params.param("x") == .text("z"))
        }
    }

    @Test("closed databases throw instead of crashing")
    func closed() throws {
        try withDataDirectory { directory, _ throws in
            directory.close()
            #expect(throws: StoreError.self) { try directory.params.param("settings") }
        }
    }
}
