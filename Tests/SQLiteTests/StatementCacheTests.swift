import Foundation
import PocketApplication
import PocketSQLite
import Testing

/// Issue 9, item 6: the statement cache never finalizes a running statement, and `execute` runs
/// exactly one statement.
@Suite("SQLiteConnection statements")
struct StatementCacheTests {
    @Test("a unique violation on an expression index, with the cache full, names its column and keeps the connection sound")
    func fullCacheUniqueLookup() throws {
        try TemporaryDirectory.with { directory in
            let connection = try SQLiteConnection(path: directory.path + "/cache.db")
            defer { connection.close() }
            try connection.execute("CREATE TABLE t (id TEXT PRIMARY KEY, email TEXT)")
            try connection.execute("CREATE UNIQUE INDEX idx_email ON t (lower(email))")
            try connection.run("INSERT INTO t (id, email) VALUES (?, ?)", [.text("a"), .text("A@x.io")])
            // Fill the cache (256 entries) with distinct statements, so the error lookup must evict.
            for n in 0..<300 { _ = try connection.queryFirst("SELECT \(n)") }
            for _ in 0..<3 {
                #expect(throws: StoreError.uniqueViolation(columns: [])) {
                    try connection.run("INSERT INTO t (id, email) VALUES (?, ?)", [.text("b"), .text("a@x.io")])
                }
            }
            #expect(try connection.queryFirst("SELECT count(*) FROM t")?[0] == .integer(1))
        }
    }

    @Test("a statement used again while it is running gets a statement of its own")
    func nestedSameStatement() throws {
        try TemporaryDirectory.with { directory in
            let connection = try SQLiteConnection(path: directory.path + "/nested.db")
            defer { connection.close() }
            try connection.execute("CREATE TABLE n (v INTEGER)")
            for v in 1...3 { try connection.run("INSERT INTO n (v) VALUES (?)", [.integer(Int64(v))]) }
            let sql = "SELECT v FROM n WHERE v >= ? ORDER BY v"
            let outer = try connection.query(sql, [.integer(1)])
            let inner = try outer.map { row in try connection.query(sql, [row[0]]).count }
            #expect(inner == [3, 2, 1])
        }
    }

    @Test("execute refuses a second statement and runs nothing of it",
          arguments: ["CREATE VIEW v AS SELECT 1; DROP TABLE keep", "SELECT 1; DROP TABLE keep",
                      "CREATE INDEX i ON keep (a); DROP TABLE keep"])
    func singleStatement(sql: String) throws {
        try TemporaryDirectory.with { directory in
            let connection = try SQLiteConnection(path: directory.path + "/single.db")
            defer { connection.close() }
            try connection.execute("CREATE TABLE keep (a TEXT)")
            #expect(throws: StoreError.failure("only one SQL statement is allowed")) { try connection.execute(sql) }
            #expect(try connection.queryFirst("SELECT count(*) FROM sqlite_master WHERE name = 'keep'")?[0] == .integer(1))
            try connection.execute("SELECT 1; -- a comment\n /* and another */ ;")
        }
    }
}
